/**
 * Text members write that other people see (nicknames, shown to friends in invite lists and to
 * staff at the till). Control characters (U+0000–U+001F, U+007F–U+009F), line and paragraph
 * separators, and the bidirectional formatting characters — the marks (U+200E, U+200F, U+061C),
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) — are refused: an
 * override makes "核销" read as something else on a verifier's screen, a NUL cuts strings short.
 * Zero-width joiners stay allowed: emoji sequences need them.
 */
const UNSAFE_TEXT = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');

/** Whether `text` holds a character members may not write (see above). */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** `text` without those characters — for text stored before they were refused. */
export function safeDisplayText(text: string): string {
  return text.replace(UNSAFE_TEXT_ALL, '');
}

/** What a member is told when a nickname holds one of them. */
export const UNSAFE_NICKNAME_MESSAGE = '昵称不能包含控制字符或文字方向符号';
