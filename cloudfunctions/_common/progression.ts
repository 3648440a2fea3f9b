import type { BadgeDoc } from '@shared/content/badges';
import type { TierId } from '@shared/content/ids';
import type { TreeNodeDoc } from '@shared/content/treeNodes';
import type { Program } from '@shared/content/validateProgram';
import { memberBadgeMetrics, newlyEarnedBadges } from '@shared/domain/badges';
import { displayedStreak } from '@shared/domain/checkinStreak';
import { downgradeWarning, type DowngradeWarning } from '@shared/domain/downgradeWarning';
import { newlyUnlockedNodes, unlockedCount } from '@shared/domain/growthTree';
import { leavesWindowOn, windowGrowth, type GrowthEntry } from '@shared/domain/growthWindow';
import { dayOf, toIso } from '@shared/time/shanghai';
import { applyToBalance } from '@shared/domain/ledger';
import { tierForGrowth, tierName } from '@shared/domain/tiers';
import { AppError } from '@shared/errors';
import type { StoredMember } from './members';

/**
 * What happens to a member when points or growth change: the balance moves (never below zero),
 * the growth joins the tier window, and tier, badges and tree nodes are re-evaluated. Pure
 * composition of the rules in `shared/domain`; the functions call it inside the transaction that
 * writes the ledger entry, so the member document and the ledger always move together.
 */

export interface BalanceChange {
  points: number;
  growth: number;
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

export function memberWindowGrowth(member: Pick<StoredMember, 'growthDays'>, program: Program, now: number): number {
  return windowGrowth(growthEntries(member), now, program.settings.tier.windowMonths);
}

/** The tier the window gives today (the stored `tier` may be stale until the next write). */
export function currentTier(member: Pick<StoredMember, 'growthDays'>, program: Program, now: number): TierId {
  return tierForGrowth(program.tiers, memberWindowGrowth(member, program, now));
}

export function memberDowngradeWarning(member: Pick<StoredMember, 'growthDays'>, program: Program, now: number): DowngradeWarning | null {
  return downgradeWarning(growthEntries(member), program.tiers, now, program.settings);
}

/** Drops days whose growth has left the window (a day still ahead of `now` — a test clock going back — stays). */
export function pruneGrowthDays(days: Record<string, number>, now: number, windowMonths: number): Record<string, number> {
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
export function progress(member: StoredMember, change: BalanceChange, program: Program, now: number): Progress {
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
  if (change.growth !== 0) days[today] = (days[today] ?? 0) + change.growth;
  const growthDays = pruneGrowthDays(days, now, program.settings.tier.windowMonths);

  const next: StoredMember = { ...member, points: balance.points, growth: balance.growth, growthDays, updatedAt: iso };
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

/** Re-evaluation with no balance change (home: growth left the window, ops added a badge). */
export function reevaluate(member: StoredMember, program: Program, now: number): Progress {
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
