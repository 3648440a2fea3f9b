import { OPENID_RE } from '../content/ids';
import { INVITE_CODE_RE, normalizeCode, VOUCHER_CODE_RE } from './codes';

/**
 * How the back office finds a member from what ops typed (`ops.members`): every reading of the
 * query that fits is looked up at once, each on its own index — the openid (`_id`), an invite
 * code (`members.inviteCode`), a voucher code (`redemptions.voucherCode` → its member) and a
 * nickname prefix (a range on `members.nickname`, never a regular-expression scan).
 */
export type MemberMatch = 'openid' | 'inviteCode' | 'voucherCode' | 'nickname';

export const MEMBER_MATCH_NAMES: Record<MemberMatch, string> = {
  openid: 'OPENID',
  inviteCode: '邀请码',
  voucherCode: '券码',
  nickname: '昵称',
};

export interface MemberSearchPlan {
  openid: string | null;
  inviteCode: string | null;
  voucherCode: string | null;
  /** The nickname range `[from, to)`: every string that starts with the prefix, and nothing else. */
  nickname: { prefix: string; from: string; to: string } | null;
}

/** Results at most (the back office shows one screen of matches). */
export const MEMBER_SEARCH_LIMIT = 20;

/**
 * The first string after every string starting with `prefix`, in code point order: its last
 * character moved one on. Code point order is what the cloud database compares (UTF-8 bytes) and
 * what UTF-16 code unit order agrees with for any character outside the surrogate and U+E000…
 * U+FFFF blocks; a prefix ending in one of those (an emoji, a full-width sign) is shortened to the
 * characters before it and the results filtered by the whole prefix (`matchesPrefix`).
 */
export function prefixRange(prefix: string): { from: string; to: string } | null {
  let p = prefix;
  while (p.length > 0) {
    const last = p.charCodeAt(p.length - 1);
    if (last < 0xd7ff) return { from: p, to: p.slice(0, -1) + String.fromCharCode(last + 1) };
    p = p.slice(0, -1);
  }
  return null;
}

export function matchesPrefix(nickname: string, prefix: string): boolean {
  return nickname.startsWith(prefix);
}

export function memberSearchPlan(query: string): MemberSearchPlan {
  const q = query.trim();
  const code = normalizeCode(q);
  const range = q ? prefixRange(q) : null;
  return {
    openid: OPENID_RE.test(q) ? q : null,
    inviteCode: INVITE_CODE_RE.test(code) ? code : null,
    voucherCode: VOUCHER_CODE_RE.test(code) ? code : null,
    nickname: range ? { prefix: q, ...range } : null,
  };
}
