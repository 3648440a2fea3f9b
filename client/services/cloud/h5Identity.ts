/**
 * Which member the H5 build plays. `?member=<openid>` picks one (and is remembered for the tab);
 * without it the demo member is used. Browser-only: imported by the H5 transport alone.
 */
export const DEMO_MEMBER_OPENID = 'oDemo_Member_Lin_00000000001';
const STORAGE_KEY = 'member-center:h5-member';
const OPENID_RE = /^[A-Za-z0-9_-]{6,64}$/;

function memberFromUrl(): string | null {
  const fromSearch = new URLSearchParams(window.location.search).get('member');
  if (fromSearch) return fromSearch;
  // Hash-router pages carry their own query after `#/path?`.
  const hashQuery = window.location.hash.split('?')[1];
  return hashQuery ? new URLSearchParams(hashQuery).get('member') : null;
}

export function currentMemberOpenid(): string {
  const fromUrl = memberFromUrl();
  if (fromUrl && OPENID_RE.test(fromUrl)) {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY) ?? DEMO_MEMBER_OPENID;
}

/** Switches the member for this tab (H5 dev builds' member switcher). */
export function switchMember(openid: string): void {
  if (!OPENID_RE.test(openid)) throw new Error(`not an openid: ${openid}`);
  window.sessionStorage.setItem(STORAGE_KEY, openid);
}
