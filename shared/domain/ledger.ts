/**
 * The ledger: append-only, the only way points and growth change. For every member
 * `members.points = Σ points ≥ 0` and `members.growth = Σ growth`. Every entry is written by the
 * functions' account module (`cloudfunctions/_common/account.ts`) in the transaction that moves
 * the member's balance, so the two never drift apart.
 *
 * One table describes every kind: its name on the member's history, the sign its points and
 * growth may take, and whether it must say who made it and why. A new way to earn or spend
 * (purchases, refunds, expiry, donations, boosts, birthday gifts, tier and team rewards) is a row
 * here and a call of the account module — never another copy of the balance arithmetic.
 */

/** `credit` ≥ 0, `debit` ≤ 0, `none` = 0, `any` either way (corrections). */
export type LedgerSign = 'credit' | 'debit' | 'none' | 'any';

export interface LedgerKindRule {
  /** What the member's history calls it. */
  name: string;
  points: LedgerSign;
  growth: LedgerSign;
  /** Entries of this kind record the staff member who made them and the reason (`by`, `reason`). */
  audited: boolean;
}

export const LEDGER_KIND_RULES = {
  /** Base + any streak bonus: one entry per check-in. */
  checkin: { name: '每日签到', points: 'credit', growth: 'credit', audited: false },
  /** Spending never lowers growth or tier. */
  redeem: { name: '兑换福利', points: 'debit', growth: 'none', audited: false },
  /** A cancelled voucher. */
  redeem_refund: { name: '兑换退回', points: 'credit', growth: 'none', audited: true },
  /** Paid at the invitee's activation. */
  invite_reward: { name: '邀请奖励', points: 'credit', growth: 'credit', audited: false },
  /** A team challenge completed: each member present at completion, once (refId = the team). */
  team_reward: { name: '组队挑战奖励', points: 'credit', growth: 'credit', audited: false },
  /** Audited grants and corrections. */
  ops_adjust: { name: '运营调整', points: 'any', growth: 'any', audited: true },
  /** Points a growth-tree node unlocks, in the transaction that lights it. Points only: growth would light more nodes. */
  node_reward: { name: '成长树节点奖励', points: 'credit', growth: 'none', audited: false },
  /** A tier's entry reward, once per member, tier and calendar year. */
  tier_entry: { name: '升级礼', points: 'credit', growth: 'none', audited: false },
  /** The birthday gift, once a year on the first visit of the birthday month. */
  birthday_gift: { name: '生日礼', points: 'credit', growth: 'credit', audited: false },
  /** The invited friend's own reward when they activate (their engagement, never a share). */
  invitee_reward: { name: '新会员激活奖励', points: 'credit', growth: 'credit', audited: false },
  /** Points given to a charity project (公益同行). */
  donation: { name: '公益捐赠', points: 'debit', growth: 'none', audited: false },
  /**
   * An order from the brand's shop or stores, when it arrives: its growth, and its points only
   * when there is no hold (otherwise they are pending, outside the ledger, until released).
   */
  purchase: { name: '消费奖励', points: 'credit', growth: 'credit', audited: false },
  /** Pending purchase points whose hold is over (one entry per member and release day). */
  purchase_release: { name: '消费积分到账', points: 'credit', growth: 'none', audited: false },
  /** A refund: the spendable points taken back (never past the balance) and the growth reversed. */
  purchase_refund: { name: '消费退款', points: 'debit', growth: 'debit', audited: false },
  /** Part of a refund debt paid off from an earning, right after it. */
  debt_repayment: { name: '抵扣退款欠分', points: 'debit', growth: 'none', audited: false },
  /** Points past their expiry (`settings.points.expiry`), oldest first. */
  expire: { name: '积分过期', points: 'debit', growth: 'none', audited: false },
  /** Checked in at an offline event by its host. */
  event_reward: { name: '线下活动', points: 'credit', growth: 'credit', audited: false },
} as const satisfies Record<string, LedgerKindRule>;

export type LedgerKind = keyof typeof LEDGER_KIND_RULES;

export const LEDGER_KINDS = Object.keys(LEDGER_KIND_RULES) as LedgerKind[];

export const LEDGER_KIND_NAMES = Object.fromEntries(LEDGER_KINDS.map((k) => [k, LEDGER_KIND_RULES[k].name])) as Record<LedgerKind, string>;

export function isLedgerKind(value: unknown): value is LedgerKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LEDGER_KIND_RULES, value);
}

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

function fitsSign(value: number, sign: LedgerSign): boolean {
  switch (sign) {
    case 'credit':
      return value >= 0;
    case 'debit':
      return value <= 0;
    case 'none':
      return value === 0;
    case 'any':
      return true;
  }
}

/** Whether an entry's numbers fit its kind (integers, signs as the table says). */
export function entryFitsKind(entry: Pick<LedgerEntry, 'kind' | 'points' | 'growth'>): boolean {
  const { kind, points, growth } = entry;
  if (!Number.isInteger(points) || !Number.isInteger(growth) || !isLedgerKind(kind)) return false;
  const rule: LedgerKindRule = LEDGER_KIND_RULES[kind];
  return fitsSign(points, rule.points) && fitsSign(growth, rule.growth);
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
