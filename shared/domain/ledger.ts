/**
 * The ledger: append-only, the only way points and growth change. For every member
 * `members.points = Σ points ≥ 0` and `members.growth = Σ growth`.
 *
 * Kinds and their signs:
 * - `checkin`        points ≥ 0, growth ≥ 0 (base + any streak bonus: one entry per check-in);
 * - `redeem`         points ≤ 0, growth 0 (spending never lowers growth or tier);
 * - `redeem_refund`  points ≥ 0, growth 0 (a cancelled voucher);
 * - `invite_reward`  points ≥ 0, growth ≥ 0 (paid at the invitee's activation);
 * - `ops_adjust`     any sign (audited grants: purchases, offline events; corrections).
 */
export const LEDGER_KINDS = ['checkin', 'redeem', 'redeem_refund', 'invite_reward', 'ops_adjust'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = {
  checkin: '每日签到',
  redeem: '兑换福利',
  redeem_refund: '兑换退回',
  invite_reward: '邀请奖励',
  ops_adjust: '运营调整',
};

export interface LedgerEntry {
  openid: string;
  kind: LedgerKind;
  points: number;
  growth: number;
  /** What caused it: the checkin id, redemption id, invitee openid or adjust request id. */
  refId: string;
  createdAt: string;
}

export interface Balance {
  points: number;
  growth: number;
}

export function sumLedger(entries: ReadonlyArray<Pick<LedgerEntry, 'points' | 'growth'>>): Balance {
  let points = 0;
  let growth = 0;
  for (const e of entries) {
    points += e.points;
    growth += e.growth;
  }
  return { points, growth };
}

/** Whether an entry's numbers fit its kind (integers, signs as listed above). */
export function entryFitsKind(entry: Pick<LedgerEntry, 'kind' | 'points' | 'growth'>): boolean {
  const { kind, points, growth } = entry;
  if (!Number.isInteger(points) || !Number.isInteger(growth)) return false;
  switch (kind) {
    case 'checkin':
    case 'invite_reward':
      return points >= 0 && growth >= 0;
    case 'redeem':
      return points <= 0 && growth === 0;
    case 'redeem_refund':
      return points >= 0 && growth === 0;
    case 'ops_adjust':
      return true;
  }
}

/**
 * The balance after applying a change, or null when it would go below zero (points are never
 * negative; lifetime growth neither — an ops correction larger than the growth is refused).
 */
export function applyToBalance(balance: Balance, delta: Balance): Balance | null {
  const next = { points: balance.points + delta.points, growth: balance.growth + delta.growth };
  return next.points < 0 || next.growth < 0 ? null : next;
}

/**
 * The invariant the tests and `ops.validate` check: the cached member balance equals the sum
 * of the member's ledger, and the points balance is never negative.
 */
export function ledgerMatches(member: Balance, entries: ReadonlyArray<Pick<LedgerEntry, 'points' | 'growth'>>): boolean {
  const sum = sumLedger(entries);
  return sum.points === member.points && sum.growth === member.growth && member.points >= 0;
}
