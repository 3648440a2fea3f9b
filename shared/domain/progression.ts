import type { BadgeDoc } from '../content/badges';
import type { TierId } from '../content/ids';
import type { TreeNodeDoc } from '../content/treeNodes';
import type { Program } from '../content/validateProgram';
import { AppError } from '../errors';
import { dayOf, monthOf, toIso, type DayString, type Instant } from '../time/shanghai';
import { memberBadgeMetrics, newlyEarnedBadges } from './badges';
import { displayedStreak } from './checkinStreak';
import { downgradeWarning, type DowngradeWarning } from './downgradeWarning';
import { newlyUnlockedNodes, unlockedCount } from './growthTree';
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

export interface Progress {
  member: StoredMember;
  newBadges: BadgeDoc[];
  newNodes: TreeNodeDoc[];
  tierChanged: TierChange | null;
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
 * Applies a balance change to a member whose other fields (streak, counters) the caller has
 * already updated, then re-evaluates tier, badges and nodes. Throws INSUFFICIENT_POINTS when
 * points or lifetime growth would go below zero.
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
  const newNodes = newlyUnlockedNodes(program.tree_nodes, member.growth, next.growth);
  const metrics = memberBadgeMetrics(next, unlockedCount(program.tree_nodes, next.growth), displayedStreak(next.streak, today));
  const newBadges = newlyEarnedBadges(
    program.badges,
    metrics,
    next.badges.map((b) => b.id),
  );
  next.badges = [...next.badges, ...newBadges.map((b) => ({ id: b._id, earnedAt: iso, seen: false }))];
  const tierChanged = tier !== member.tier ? { from: member.tier, to: tier, toName: tierName(program.tiers, tier) } : null;
  next.tier = tier;
  return { member: next, newBadges, newNodes, tierChanged };
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
    Object.keys(after.member.growthDays).length !== Object.keys(before.growthDays).length
  );
}
