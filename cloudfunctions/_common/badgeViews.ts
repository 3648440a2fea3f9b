import type { BadgeDoc } from '@shared/content/badges';
import type { Program } from '@shared/content/validateProgram';
import type { BadgeCeremony, BadgeView } from '@shared/contracts/member';
import { badgeProgress, badgeRemainingText } from '@shared/domain/badges';
import { memberMetrics } from '@shared/domain/progression';
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

/**
 * How a badge without a rule is earned: "点亮「导师计划」节点后获得", "参加「会员感恩季」活动获得",
 * "和队友完成「…」组队挑战获得", "到场参加「新春手作市集」获得".
 */
function awardedByTexts(program: Program): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of program.events) if (e.active && e.badgeId) out.set(e.badgeId, `到场参加「${e.title}」获得`);
  for (const c of program.challenges) if (c.reward.badgeId) out.set(c.reward.badgeId, `和队友完成「${c.title}」组队挑战获得`);
  for (const c of program.campaigns) if (c.active && c.badgeId) out.set(c.badgeId, `参加「${c.title}」活动获得`);
  for (const n of program.tree_nodes) if (n.active && n.unlocks.badgeId) out.set(n.unlocks.badgeId, `点亮成长树「${n.title}」节点后获得`);
  return out;
}

/** The wall: every active badge, earned ones lit with their date, locked ones with live progress. */
export function badgeWall(member: StoredMember, program: Program, now: number, rarity: Map<string, number>): BadgeView[] {
  const earned = new Map(member.badges.map((b) => [b.id, b]));
  const metrics = memberMetrics(member, program, now);
  const awardedBy = awardedByTexts(program);
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
        remainingText: badgeRemainingText(b, progress, awardedBy.get(b._id)),
      };
    });
}
