import type { BadgeDoc } from '../content/badges';
import { tierRank, TIER_IDS, type TierId } from '../content/ids';
import type { EntryReward } from '../content/tiers';
import type { TreeNodeDoc } from '../content/treeNodes';
import type { Program } from '../content/validateProgram';
import { AppError } from '../errors';
import { dayOf, monthOf, toIso, yearOf, type DayString, type Instant } from '../time/shanghai';
import { newlyEarnedBadges } from './badges';
import { displayedStreak } from './checkinStreak';
import { downgradeWarning, type DowngradeWarning } from './downgradeWarning';
import { newlyUnlockedNodes, unlockedCount } from './growthTree';
import { metricValues, type MetricValues } from './metrics';
import { leavesWindowOn, windowGrowth, type GrowthEntry } from './growthWindow';
import { applyToBalance } from './ledger';
import type { StoredMember } from './member';
import { creditLots, debitLots, reconcileLots } from './pointLots';
import { tierForGrowth, tierName } from './tiers';

/**
 * What happens to a member when points or growth change: the balance moves (never below zero),
 * the growth joins the tier window, and tier, badges and tree nodes are re-evaluated. Pure
 * composition of the domain rules; the functions' account module applies it inside the
 * transaction that writes the ledger entry, so the member document and the ledger move together.
 */

export interface BalanceChange {
  points: number;
  growth: number;
  /**
   * The Shanghai day the growth counts on in the tier window (default: today). A reversal counts
   * on the day of what it reverses (a refund on the order's day), so the window loses exactly
   * what it gained, and nothing once that day has left the window.
   */
  growthDay?: DayString;
}

export interface TierChange {
  from: TierId;
  to: TierId;
  toName: string;
}

/** A tier climbed into whose entry reward is due (not paid yet this calendar year). */
export interface DueEntryReward {
  tier: TierId;
  tierName: string;
  reward: EntryReward;
}

export interface Progress {
  member: StoredMember;
  newBadges: BadgeDoc[];
  /** Nodes lit by this change: their unlocks are delivered in the same transaction. */
  newNodes: TreeNodeDoc[];
  tierChanged: TierChange | null;
  /** Entry rewards of the tiers climbed into, already marked paid on `member` (the account pays them). */
  dueEntryRewards: DueEntryReward[];
}

/** The member's growth in the window as `GrowthEntry`s (one per Shanghai day). */
export function growthEntries(member: Pick<StoredMember, 'growthDays'>): GrowthEntry[] {
  return Object.entries(member.growthDays).map(([day, growth]) => ({ createdAt: day, growth }));
}

export function memberWindowGrowth(member: Pick<StoredMember, 'growthDays'>, program: Program, now: Instant): number {
  return windowGrowth(growthEntries(member), now, program.settings.tier.windowMonths);
}

/** The tier the window gives today (the stored `tier` may be stale until the next write). */
export function currentTier(member: Pick<StoredMember, 'growthDays'>, program: Program, now: Instant): TierId {
  return tierForGrowth(program.tiers, memberWindowGrowth(member, program, now));
}

export function memberDowngradeWarning(member: Pick<StoredMember, 'growthDays'>, program: Program, now: Instant): DowngradeWarning | null {
  return downgradeWarning(growthEntries(member), program.tiers, now, program.settings);
}

/** Drops days whose growth has left the window (a day still ahead of `now` — a test clock going back — stays). */
export function pruneGrowthDays(days: Record<string, number>, now: Instant, windowMonths: number): Record<string, number> {
  const today = dayOf(now);
  const out: Record<string, number> = {};
  for (const [day, growth] of Object.entries(days)) if (growth !== 0 && today < leavesWindowOn(day, windowMonths)) out[day] = growth;
  return out;
}

/**
 * The member's rule metrics (badges and tree nodes): lifetime counts from the member document,
 * `treeNodes` the active nodes lit, the running streak as of `now` for progress.
 */
export function memberMetrics(member: StoredMember, program: Pick<Program, 'tree_nodes'>, now: Instant): MetricValues {
  const treeNodes = unlockedCount(
    program.tree_nodes,
    member.nodes.map((n) => n.id),
  );
  return metricValues({ ...member, treeNodes }, displayedStreak(member.streak, dayOf(now)));
}

/**
 * Entry rewards due when the tier goes from `from` up to `to`: each tier climbed into that has a
 * reward and was not paid this calendar year (dropping and climbing back within a year pays nothing).
 */
export function dueEntryRewards(
  from: TierId,
  to: TierId,
  paid: Partial<Record<TierId, number>>,
  year: number,
  tiers: Program['tiers'],
): DueEntryReward[] {
  const out: DueEntryReward[] = [];
  for (const id of TIER_IDS) {
    if (id === 'basic' || tierRank(id) <= tierRank(from) || tierRank(id) > tierRank(to) || paid[id] === year) continue;
    const doc = tiers.find((t) => t._id === id);
    if (doc?.entryReward && (doc.entryReward.points > 0 || doc.entryReward.packId !== null)) {
      out.push({ tier: id, tierName: doc.name, reward: doc.entryReward });
    }
  }
  return out;
}

/** Badges awarded directly: by the (active) nodes the member lit, and by the campaigns they joined. */
function directAwards(member: StoredMember, program: Program): string[] {
  const lit = new Set(member.nodes.map((n) => n.id));
  const joined = new Set(member.campaigns);
  return [
    ...program.tree_nodes.flatMap((n) => (n.active && lit.has(n._id) && n.unlocks.badgeId ? [n.unlocks.badgeId] : [])),
    ...program.campaigns.flatMap((c) => (joined.has(c._id) && c.badgeId ? [c.badgeId] : [])),
  ];
}

/**
 * Applies a balance change to a member whose other fields (streak, counters) the caller has
 * already updated, then re-evaluates tier, tree nodes (lit on their own rules) and badges (their
 * rules, or awarded by a node or a campaign), and marks the entry rewards of tiers climbed into
 * as paid for this year. Throws INSUFFICIENT_POINTS when points or lifetime growth would go below zero.
 */
export function progress(member: StoredMember, change: BalanceChange, program: Program, now: Instant): Progress {
  const balance = applyToBalance({ points: member.points, growth: member.growth }, change);
  if (!balance) {
    throw new AppError('INSUFFICIENT_POINTS', member.points + change.points < 0 ? undefined : '成长值不能调整为负数', {
      points: member.points,
      growth: member.growth,
    });
  }
  const today = dayOf(now);
  const iso = toIso(now);
  const days = { ...member.growthDays };
  if (change.growth !== 0) {
    const day = change.growthDay ?? today;
    days[day] = (days[day] ?? 0) + change.growth;
  }
  const growthDays = pruneGrowthDays(days, now, program.settings.tier.windowMonths);
  const pointLots = movedLots(member, change.points, now);

  const next: StoredMember = { ...member, points: balance.points, growth: balance.growth, growthDays, pointLots, updatedAt: iso };
  const tier = currentTier(next, program, now);

  // Nodes first (their rules never name treeNodes), then badges (which may count nodes or be awarded by them).
  const newNodes = newlyUnlockedNodes(
    program.tree_nodes,
    next.nodes.map((n) => n.id),
    metricValues({ ...next, treeNodes: 0 }),
  );
  next.nodes = [...next.nodes, ...newNodes.map((n) => ({ id: n._id, unlockedAt: iso }))];
  const newBadges = newlyEarnedBadges(
    program.badges,
    memberMetrics(next, program, now),
    next.badges.map((b) => b.id),
    directAwards(next, program),
  );
  next.badges = [...next.badges, ...newBadges.map((b) => ({ id: b._id, earnedAt: iso, seen: false }))];

  const tierChanged = tier !== member.tier ? { from: member.tier, to: tier, toName: tierName(program.tiers, tier) } : null;
  const year = yearOf(now);
  const due = dueEntryRewards(member.tier, tier, next.tierRewards, year, program.tiers);
  if (due.length > 0) {
    next.tierRewards = { ...next.tierRewards, ...Object.fromEntries(due.map((r) => [r.tier, year])) };
  }
  next.tier = tier;
  return { member: next, newBadges, newNodes, tierChanged, dueEntryRewards: due };
}

/** Points earned join this month's lot; points leaving take the oldest first (`pointLots.ts`). */
function movedLots(member: StoredMember, points: number, now: Instant): StoredMember['pointLots'] {
  const month = monthOf(now);
  const lots = reconcileLots(member.pointLots, member.points, month);
  return points >= 0 ? creditLots(lots, month, points) : debitLots(lots, -points);
}

/** Re-evaluation with no balance change (home: growth left the window, ops added a badge). */
export function reevaluate(member: StoredMember, program: Program, now: Instant): Progress {
  return progress(member, { points: 0, growth: 0 }, program, now);
}

/** Whether `reevaluate` would change what is stored. */
export function needsWrite(before: StoredMember, after: Progress): boolean {
  return (
    after.tierChanged !== null ||
    after.newBadges.length > 0 ||
    after.newNodes.length > 0 ||
    Object.keys(after.member.growthDays).length !== Object.keys(before.growthDays).length
  );
}
