import type { BadgeDoc } from '@shared/content/badges';
import type { Program } from '@shared/content/validateProgram';
import type { BadgeCeremony, BadgeView } from '@shared/contracts/member';
import { badgeProgress, badgeRemainingText, memberBadgeMetrics } from '@shared/domain/badges';
import { displayedStreak } from '@shared/domain/checkinStreak';
import { unlockedCount } from '@shared/domain/growthTree';
import { dayOf } from '@shared/time/shanghai';
import { rarityPct } from '@shared/domain/rarity';
import { badgeCounterId, MEMBERS_COUNTER, type Counters } from './counters';
import type { StoredMember } from '@shared/domain/member';

export function ceremony(badge: BadgeDoc, earnedAt: string, pct: number): BadgeCeremony {
  return {
    id: badge._id,
    name: badge.name,
    description: badge.description,
    icon: badge.icon,
    rarity: badge.rarity,
    rarityPct: pct,
    earnedAt,
  };
}

/**
 * Ceremonies for badges being earned right now: rarity counts the member among the holders
 * (their counter is raised once the award commits), so the figure shown is the one they join.
 */
export async function ceremoniesForNew(counters: Counters, badges: readonly BadgeDoc[], earnedAt: string): Promise<BadgeCeremony[]> {
  if (badges.length === 0) return [];
  const counts = await counters.read([MEMBERS_COUNTER, ...badges.map((b) => badgeCounterId(b._id))]);
  const members = Math.max(1, counts.get(MEMBERS_COUNTER) ?? 0);
  return badges.map((b) => ceremony(b, earnedAt, rarityPct((counts.get(badgeCounterId(b._id)) ?? 0) + 1, members)));
}

/** Raises the rarity counters of awarded badges (after the awarding transaction committed; one round trip). */
export async function countAwards(counters: Counters, badges: readonly BadgeDoc[]): Promise<void> {
  await counters
    .incrementEach(badges.map((b) => badgeCounterId(b._id)))
    .catch((err: unknown) => console.warn(`[badges] counters of ${badges.map((b) => b._id).join(', ')} not raised`, err));
}

/** The wall: every active badge, earned ones lit with their date, locked ones with live progress. */
export function badgeWall(member: StoredMember, program: Program, now: number, rarity: Map<string, number>): BadgeView[] {
  const earned = new Map(member.badges.map((b) => [b.id, b]));
  const metrics = memberBadgeMetrics(member, unlockedCount(program.tree_nodes, member.growth), displayedStreak(member.streak, dayOf(now)));
  return program.badges
    .filter((b) => b.active)
    .sort((a, b) => a.order - b.order || a._id.localeCompare(b._id))
    .map((b) => {
      const mine = earned.get(b._id);
      const progress = badgeProgress(b, metrics, mine !== undefined);
      return {
        id: b._id,
        name: b.name,
        description: b.description,
        icon: b.icon,
        rarity: b.rarity,
        rarityPct: rarity.get(b._id) ?? 0,
        order: b.order,
        earned: mine !== undefined,
        earnedAt: mine?.earnedAt ?? null,
        seen: mine?.seen ?? false,
        progress: { current: progress.current, target: progress.target },
        remainingText: badgeRemainingText(b, progress),
      };
    });
}
