/**
 * Sharing to a WeChat chat. A share button carries its title and path in `data-share-*`
 * attributes; the page's `onShareAppMessage` reads them from the tapped button, or falls back
 * to the page's own share (the ··· menu). No share ever mentions a reward (WeChat's rules).
 */
export interface SharePayload {
  title: string;
  /** Mini-program path with query, e.g. `pages/index/index?inviteCode=K7QM2XRT`. */
  path: string;
}

export function shareData(payload: SharePayload): { 'data-share-title': string; 'data-share-path': string } {
  return { 'data-share-title': payload.title, 'data-share-path': payload.path };
}

interface ShareEvent {
  from?: string;
  target?: unknown;
}

export function sharePayloadFrom(event: ShareEvent, fallback: SharePayload): SharePayload {
  const dataset = (event.target as { dataset?: Record<string, unknown> } | undefined)?.dataset;
  const title = dataset?.shareTitle;
  const path = dataset?.sharePath;
  if (event.from === 'button' && typeof title === 'string' && typeof path === 'string')
    return { title, path: `/${path.replace(/^\//, '')}` };
  return { ...fallback, path: `/${fallback.path.replace(/^\//, '')}` };
}

/** The home path that carries an invite code, so a friend arriving through any share can bind. */
export function invitePath(code: string | undefined): string {
  return code ? `pages/index/index?inviteCode=${code}` : 'pages/index/index';
}
