import type { TierId } from '../content/ids';
import { toIso, type Instant, type DayString } from '../time/shanghai';

export interface Streak {
  /** Consecutive Shanghai days up to and including `lastDate`. */
  current: number;
  /** The longest streak ever (badges of metric `streak` use it). */
  best: number;
  /** The last day checked in, `YYYY-MM-DD`, or null before the first check-in. */
  lastDate: DayString | null;
}

/**
 * A `members` document (issue 5 "Normative data"), created on a member's first call of any
 * function. `points` and `growth` are caches of Σ ledger; `invitesActivated` and `redemptions`
 * are counters kept for badge rules so a badge check never counts other collections.
 */
export interface MemberRecord {
  _id: string;
  nickname: string;
  avatarUrl: string;
  createdAt: string;
  tier: TierId;
  /** Spendable balance, integer ≥ 0 (= Σ ledger.points). */
  points: number;
  /** Lifetime growth, integer ≥ 0 (= Σ ledger.growth). The tier uses the 12-month window. */
  growth: number;
  streak: Streak;
  /** Number of distinct days checked in. */
  checkinDays: number;
  inviteCode: string;
  invitedBy: string | null;
  activatedAt: string | null;
  invitesActivated: number;
  redemptions: number;
}

/** Until the member sets a nickname (WeChat no longer tells us), we show 会员 + 4 code symbols. */
export function defaultNickname(inviteCode: string): string {
  return `会员${inviteCode.slice(-4)}`;
}

export function newMember(openid: string, now: Instant, inviteCode: string): MemberRecord {
  return {
    _id: openid,
    nickname: defaultNickname(inviteCode),
    avatarUrl: '',
    createdAt: toIso(now),
    tier: 'basic',
    points: 0,
    growth: 0,
    streak: { current: 0, best: 0, lastDate: null },
    checkinDays: 0,
    inviteCode,
    invitedBy: null,
    activatedAt: null,
    invitesActivated: 0,
    redemptions: 0,
  };
}
