/**
 * Asking the member for WeChat one-time subscription messages: in WeChat, `Taro.requestSubscribeMessage`
 * opens WeChat's own sheet (it must follow a tap; at most 3 templates per sheet); a browser has no such
 * sheet, so the H5 build shows the same one, simulated (`components/SubscribeSheet`). Each template the
 * member allows is one message we may send.
 */
export interface SubscribeTemplate {
  templateId: string;
  /** The template's title, as the sheet lists it. */
  title: string;
}

/** The template ids the member allowed (empty: refused, closed, or WeChat said no). */
export declare function requestSubscribe(templates: readonly SubscribeTemplate[]): Promise<string[]>;
