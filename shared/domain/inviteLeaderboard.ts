import type { MonthString } from '../time/shanghai';

/**
 * The monthly invite leaderboard: inviters ranked by friends who *activated* in the month (real
 * engagement, never shares). Privacy first: a member appears by nickname only after switching
 * it on in their profile (off by default); everyone else is "匿名会员", with no avatar.
 *
 * The functions keep one counter per inviter and month (`invite_months`, `_id` =
 * `<month>_<inviter>`), raised in the transaction that activates an invite, and read the top
 * rows with an index on `(month, count desc, reachedAt)` — never a scan of the invites.
 */

export const LEADERBOARD_SIZE = 20;
export const ANONYMOUS_NAME = '匿名会员';

export function leaderboardRowId(month: MonthString, inviter: string): string {
  return `${month}_${inviter}`;
}

/** An `invite_months` document. */
export interface InviteMonthRow {
  _id: string;
  month: MonthString;
  inviter: string;
  /** Invites activated in the month. */
  count: number;
  /** When `count` was last raised: among equal counts, who got there first is listed first. */
  reachedAt: string;
}

/** The row after one more activation in the month (a new row for the month's first one). */
export function countActivation(row: InviteMonthRow | null, month: MonthString, inviter: string, at: string): InviteMonthRow {
  return { _id: leaderboardRowId(month, inviter), month, inviter, count: (row?.count ?? 0) + 1, reachedAt: at };
}

/**
 * Ranks of rows sorted by count (highest first): equal counts share a rank and the next rank
 * skips (1, 2, 2, 4), so a tie never looks like a loss.
 */
export function competitionRanks(counts: readonly number[]): number[] {
  const ranks: number[] = [];
  counts.forEach((count, i) => {
    ranks.push(i > 0 && counts[i - 1] === count ? ranks[i - 1] : i + 1);
  });
  return ranks;
}

/** A rank from how many inviters have strictly more activations this month. */
export function rankFromAbove(strictlyAbove: number): number {
  return strictlyAbove + 1;
}

/** What the board shows for a member: their nickname only if they opted in (or it is the caller themself). */
export function leaderboardName(person: { nickname: string; leaderboardOptIn: boolean } | null, isMe: boolean): string {
  if (isMe && person) return person.nickname;
  return person?.leaderboardOptIn ? person.nickname : ANONYMOUS_NAME;
}
