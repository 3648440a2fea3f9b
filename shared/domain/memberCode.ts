/**
 * The 会员码 a member shows at the counter or an event's door. Each code is the HMAC-SHA256 of
 * the openid and a 30-second time window under a secret of the environment (computed by the
 * functions, never on the phone), cut to 18 decimal digits: a barcode-friendly string that says
 * nothing about the openid and cannot be made without the secret. A code is valid for 60 seconds
 * from the start of its window (the page shows a fresh one every 30 s, so the one on screen
 * always has at least 30 s left). A short code cannot be turned back into an openid, so the
 * functions keep one lookup document per code (`member_codes`, `_id` = the code) with its expiry.
 *
 * Code space: 10^18. With N codes alive at once, a guessed code hits one with probability
 * N / 10^18 (10 000 members showing codes → 1 in 10^14 per guess); staff lookups are
 * rate-limited, so guessing is hopeless.
 */
export const MEMBER_CODE_WINDOW_MS = 30_000;
export const MEMBER_CODE_TTL_MS = 60_000;
export const MEMBER_CODE_DIGITS = 18;
export const MEMBER_CODE_RE = /^\d{18}$/;

/** The 30-second window of an instant (ms). */
export function codeWindow(nowMs: number): number {
  return Math.floor(nowMs / MEMBER_CODE_WINDOW_MS);
}

/** When a window's code stops being accepted (ms). */
export function codeExpiresAt(window: number): number {
  return window * MEMBER_CODE_WINDOW_MS + MEMBER_CODE_TTL_MS;
}

/** When the page should ask for the next code (ms): the start of the next window. */
export function codeRefreshAt(window: number): number {
  return (window + 1) * MEMBER_CODE_WINDOW_MS;
}

/** The digits of a typed or scanned code (spaces and dashes dropped). */
export function normalizeMemberCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** `1234 5678 9012 3456 78`: groups of four, how the page prints it under the barcode. */
export function formatMemberCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
