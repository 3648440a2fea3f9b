import { TIER_IDS, isTierId, type TierId } from '../content/ids';
import type { SettingsDoc } from '../content/settings';
import type { DailyCount, KocCandidate, OpsStatsData } from '../contracts/ops';
import { addDays, dayDiff, type DayString, toIso } from '../time/shanghai';
import type { LedgerKind } from './ledger';
import type { TierCoverage } from './tierCoverage';

/**
 * The arithmetic behind `ops.stats`. The database aggregates (counts per day, per kind, per
 * tier); these functions turn those few rows into the figures ops read, so every definition
 * lives here once and is tested without a database:
 *
 * - DAU: members who checked in on a Shanghai day.
 * - D1 / D7 retention of day d: of the members who checked in on d, the share who checked in on
 *   d+1 / d+7 — `null` while d+1 / d+7 is today or later (the day is not over yet).
 * - Active members: checked in within the 30 days ending on `to` (the brand plan's definition).
 * - Coverage of a layer: share of active members whose tier is at least that layer.
 * - Penetration of a tier: active members of that tier who redeemed ≥ 1 pack of that tier.
 * - K-factor: invitees activated in the range ÷ members who checked in during the range.
 * - KOC candidates: the members with the most activated invites, with their invitees' activation
 *   rate (activated ÷ invited).
 */

/** The window of "active" members, in days, ending on the last day of the range. */
export const ACTIVE_WINDOW_DAYS = 30;

/** Rates are shares 0…1 rounded to 4 decimals (0.1234 = 12.34%): enough for a chart, stable in tests. */
export function rate(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: DayString, to: DayString): DayString[] {
  const n = dayDiff(from, to);
  const days: DayString[] = [];
  for (let i = 0; i <= n; i++) days.push(addDays(from, i));
  return days;
}

/** First day of the active window that ends on `to`. */
export function activeWindowStart(to: DayString): DayString {
  return addDays(to, -(ACTIVE_WINDOW_DAYS - 1));
}

/**
 * The instants (UTC ISO) at which each day of `days` starts, plus the start of the day after the
 * last: bucket boundaries for documents stamped with an ISO `createdAt`. ISO UTC strings sort
 * like the instants they name, so the database compares them as text.
 */
export function dayStartBoundaries(days: readonly DayString[]): string[] {
  if (days.length === 0) return [];
  return [...days, addDays(days[days.length - 1], 1)].map((d) => toIso(d));
}

/** One count per day of the range, 0 for days the database returned nothing for. */
export function fillDaily(days: readonly DayString[], rows: readonly DailyCount[]): DailyCount[] {
  const byDay = new Map<DayString, number>();
  for (const r of rows) byDay.set(r.date, (byDay.get(r.date) ?? 0) + r.count);
  return days.map((date) => ({ date, count: byDay.get(date) ?? 0 }));
}

/** Per cohort day (index into the range): its size and how many came back on d+1 / d+7. */
export interface RetentionCounts {
  dayIndex: number;
  cohort: number;
  back1: number;
  back7: number;
}

export function retentionByDay(days: readonly DayString[], rows: readonly RetentionCounts[], today: DayString): OpsStatsData['retention'] {
  const byIndex = new Map(rows.map((r) => [r.dayIndex, r]));
  return days.map((date, i) => {
    const r = byIndex.get(i) ?? { dayIndex: i, cohort: 0, back1: 0, back7: 0 };
    // A return day that is today (or later) can still change: no figure yet rather than a low one.
    const over = (n: number) => addDays(date, n) < today;
    return {
      date,
      cohort: r.cohort,
      d1: over(1) ? rate(r.back1, r.cohort) : null,
      d7: over(7) ? rate(r.back7, r.cohort) : null,
    };
  });
}

/** Active members per (stored) tier, and how many of them redeemed a pack of their tier. */
export interface TierActivityRow {
  tier: string;
  members: number;
  redeemers: number;
}

/** Rows whose tier is not a known tier (a broken member document) count as basic: the floor. */
function byTier(rows: readonly TierActivityRow[]): Record<TierId, { members: number; redeemers: number }> {
  const out: Record<TierId, { members: number; redeemers: number }> = {
    basic: { members: 0, redeemers: 0 },
    advanced: { members: 0, redeemers: 0 },
    core: { members: 0, redeemers: 0 },
  };
  for (const r of rows) {
    const t: TierId = isTierId(r.tier) ? r.tier : 'basic';
    out[t].members += r.members;
    out[t].redeemers += r.redeemers;
  }
  return out;
}

export function activeMemberCount(rows: readonly TierActivityRow[]): number {
  return rows.reduce((sum, r) => sum + r.members, 0);
}

/**
 * Coverage from counts per tier (the aggregated form of `tierCoverage`, which takes one growth
 * per member): a layer covers every active member at that tier or above. Percent, one decimal.
 */
export function coverageFromTierCounts(rows: readonly TierActivityRow[], targets: SettingsDoc['tier']['coverageTargets']): TierCoverage[] {
  const counts = byTier(rows);
  const total = activeMemberCount(rows);
  return TIER_IDS.map((tier, rank) => {
    const members = TIER_IDS.slice(rank).reduce((sum, t) => sum + counts[t].members, 0);
    return { tier, members, coverage: total === 0 ? 0 : Math.round((members / total) * 1000) / 10, target: targets[tier] };
  });
}

export function penetrationByTier(rows: readonly TierActivityRow[]): OpsStatsData['penetration'] {
  const counts = byTier(rows);
  return TIER_IDS.map((tier) => ({
    tier,
    activeMembers: counts[tier].members,
    redeemers: counts[tier].redeemers,
    rate: rate(counts[tier].redeemers, counts[tier].members),
  }));
}

/** Ledger totals of one kind over the range: the sum of credits, of debits, and the entry count. */
export interface LedgerKindRow {
  kind: string;
  credited: number;
  debited: number;
  entries: number;
}

/**
 * Points issued = credits of check-ins, invite and team rewards, ops grants, purchases (released
 * or paid at once) and offline events; spent = debits of redemptions; refunded = credits of
 * cancelled vouchers; expired = debits of expiry. An ops correction that takes points away is
 * neither issued nor spent: it is reported apart as `corrected`; purchase refunds are in `purchaseSummary`.
 */
export function pointsSummary(rows: readonly LedgerKindRow[]): OpsStatsData['points'] {
  const of = (kind: LedgerKind) => rows.filter((r) => r.kind === kind);
  const credited = (kind: LedgerKind) => of(kind).reduce((s, r) => s + r.credited, 0);
  // Debits are stored negative; reported as positive amounts (0 - x keeps -0 out of the answer).
  const debited = (kind: LedgerKind) => 0 - of(kind).reduce((s, r) => s + r.debited, 0);
  return {
    issued:
      credited('checkin') +
      credited('invite_reward') +
      credited('team_reward') +
      credited('ops_adjust') +
      credited('purchase') +
      credited('purchase_release') +
      credited('event_reward'),
    spent: debited('redeem'),
    refunded: credited('redeem_refund'),
    corrected: debited('ops_adjust'),
    expired: debited('expire'),
  };
}

/** What the database counts for the purchases line (`ops/statsQueries.ts`). */
export interface PurchaseRows {
  /** Orders recorded in the range: how many, fen paid, points they earn (pending or not). */
  orders: { count: number; amount: number; points: number };
  /** Refunds recorded in the range: how many, fen, points reversed and the part left as debt. */
  refunds: { count: number; amount: number; points: number; debt: number };
  /** Points of orders still inside their hold today, less what refunds cancelled. */
  pending: number;
}

/** The purchases line: issued by orders in the range, pending now, reversed by refunds in the range. */
export function purchaseSummary(rows: PurchaseRows): OpsStatsData['purchases'] {
  return {
    orders: rows.orders.count,
    amount: rows.orders.amount,
    pointsIssued: rows.orders.points,
    pointsPending: Math.max(0, rows.pending),
    refunds: rows.refunds.count,
    refundedAmount: rows.refunds.amount,
    pointsReversed: rows.refunds.points,
    pointsDebt: rows.refunds.debt,
  };
}

/** Invite rewards paid in the range: one `invite_reward` ledger entry per rewarded invitee. */
export function inviteRewardCount(rows: readonly LedgerKindRow[]): number {
  return rows.filter((r) => r.kind === 'invite_reward').reduce((s, r) => s + r.entries, 0);
}

/** What the stats need of a pack: tolerant of a broken document (it still has redemptions). */
export interface PackSummary {
  _id: string;
  title: string;
  minTier: TierId;
}

/**
 * Packs as read from `benefit_packs`, without the full schema: a pack taken off the shelf or
 * broken by a typo still names its redemptions. Needs a string `_id`; the title falls back to
 * the id and an unknown tier to basic.
 */
export function packSummaries(docs: readonly unknown[]): PackSummary[] {
  const out: PackSummary[] = [];
  for (const doc of docs) {
    if (typeof doc !== 'object' || doc === null) continue;
    const { _id, title, minTier } = doc as Record<string, unknown>;
    if (typeof _id !== 'string' || _id === '') continue;
    out.push({ _id, title: typeof title === 'string' && title !== '' ? title : _id, minTier: isTierId(minTier) ? minTier : 'basic' });
  }
  return out;
}

export function redemptionSummary(
  counts: ReadonlyArray<{ packId: string; count: number }>,
  packs: readonly PackSummary[],
): OpsStatsData['redemptions'] {
  const byId = new Map(packs.map((p) => [p._id, p]));
  const tierCounts: Record<TierId, number> = { basic: 0, advanced: 0, core: 0 };
  const byPack = counts
    .filter((c) => c.count > 0)
    .map((c) => {
      // A pack deleted from the console keeps its redemptions, shown under its id at the floor tier.
      const pack = byId.get(c.packId) ?? { _id: c.packId, title: c.packId, minTier: 'basic' as const };
      tierCounts[pack.minTier] += c.count;
      return { packId: c.packId, title: pack.title, minTier: pack.minTier, count: c.count };
    })
    .sort((a, b) => b.count - a.count || a.packId.localeCompare(b.packId));
  return { total: byPack.reduce((s, p) => s + p.count, 0), byPack, byTier: tierCounts };
}

/** Invitees activated in the range per member active in the range (growth a member brings in). */
export function kFactor(activations: number, activeMembersInRange: number): number {
  return rate(activations, activeMembersInRange);
}

/** Rejected binds by reason, the most frequent first; empty reasons are grouped as `UNKNOWN`. */
export function rejectionsByReason(rows: ReadonlyArray<{ reason: unknown; count: number }>): Record<string, number> {
  const out: Record<string, number> = {};
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  for (const r of sorted) {
    const key = typeof r.reason === 'string' && r.reason !== '' ? r.reason : 'UNKNOWN';
    out[key] = (out[key] ?? 0) + r.count;
  }
  return out;
}

/**
 * The growth threshold that would put `targetPct` % of these members at or above a layer: the
 * growth of the member at that rank (highest first), rounded down to a multiple of `step` so
 * ops get a number to type. Rounding down (and ties at the rank) keep coverage at or just above
 * the target. Used with the simulator's window-growth sample of active members; null without one.
 */
export function suggestThreshold(windowGrowths: readonly number[], targetPct: number, step = 10): number | null {
  if (windowGrowths.length === 0 || targetPct <= 0) return null;
  const desc = [...windowGrowths].sort((a, b) => b - a);
  const rank = Math.max(1, Math.floor((targetPct / 100) * desc.length));
  const atRank = desc[Math.min(rank, desc.length) - 1];
  return Math.max(step, Math.floor(atRank / step) * step);
}

/** How many KOC candidates ops see. */
export const KOC_CANDIDATES = 10;

export interface KocMemberRow {
  openid: string;
  nickname: string;
  tier: string;
  invitesActivated: number;
}

export interface KocInviteRow {
  inviter: string;
  invited: number;
  activated: number;
}

/**
 * KOC candidates: members with at least one activated invite, most first (then the higher
 * activation rate, then the higher invited count), each with their invitees' activation rate.
 */
export function kocCandidates(members: readonly KocMemberRow[], invites: readonly KocInviteRow[]): KocCandidate[] {
  return members
    .filter((m) => m.invitesActivated > 0)
    .map((m) => {
      const row = invites.find((i) => i.inviter === m.openid);
      const invited = Math.max(row?.invited ?? 0, m.invitesActivated);
      const activated = Math.max(row?.activated ?? 0, m.invitesActivated);
      return {
        openid: m.openid,
        nickname: m.nickname,
        tier: isTierId(m.tier) ? m.tier : 'basic',
        invited,
        activated,
        activationRate: rate(activated, invited),
      };
    })
    .sort(
      (a, b) =>
        b.activated - a.activated || b.activationRate - a.activationRate || b.invited - a.invited || a.openid.localeCompare(b.openid),
    )
    .slice(0, KOC_CANDIDATES);
}
