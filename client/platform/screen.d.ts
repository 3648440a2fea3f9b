/**
 * The screen while a code is shown at the counter: brightest, kept on, and put back as it was when
 * the page goes. WeChat: `Taro.setScreenBrightness` / `setKeepScreenOn`; a browser cannot, so
 * the H5 build does nothing.
 */
export declare function brightenScreen(): Promise<void>;

/** Restores the brightness saved by `brightenScreen` (nothing when it was not raised). */
export declare function restoreScreen(): Promise<void>;
