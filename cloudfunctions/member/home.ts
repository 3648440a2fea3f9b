import type { Program } from '@shared/content/validateProgram';
import type { BadgeCeremony, HomeData, MemberSummary } from '@shared/contracts/member';
import type { PackView } from '@shared/contracts/redeem';
import { nextStreakMilestone } from '@shared/domain/checkinReward';
import { displayedStreak } from '@shared/domain/checkinStreak';
import { growthTree } from '@shared/domain/growthTree';
import { dayOf } from '@shared/time/shanghai';
import { isPackListed } from '@shared/domain/packEligibility';
import { staffRoles } from '@shared/domain/staff';
import { nextTierProgress } from '@shared/domain/tiers';
import type { StoredMember } from '@shared/domain/member';
import { memberDowngradeWarning, memberWindowGrowth } from '@shared/domain/progression';
import { pointsOutlook } from '@shared/domain/settlement';
import { ceremony } from '../_common/badgeViews';
import { contractAction } from '../_common/entry';
import { byShelfOrder, packLiveState, packView } from '../_common/packs';
import { refreshMember } from '../_common/refresh';
import type { RequestContext } from '../_common/services';

const DEFAULT_TIER_COLOR = '#8A9BA8';

export function memberSummary(member: StoredMember, program: Program, now: number): MemberSummary {
  const today = dayOf(now);
  const windowGrowth = memberWindowGrowth(member, program, now);
  const tier = nextTierProgress(program.tiers, windowGrowth);
  const staffDoc = program.staff.find((s) => s._id === member._id);
  return {
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    tier: tier.tier,
    tierName: tier.tierName,
    tierColor: program.tiers.find((t) => t._id === tier.tier)?.color ?? DEFAULT_TIER_COLOR,
    points: member.points,
    growth: member.growth,
    windowGrowth,
    streak: { ...member.streak, current: displayedStreak(member.streak, today) },
    checkedInToday: member.streak.lastDate === today,
    checkinDays: member.checkinDays,
    nextTier: tier.next,
    tierProgress: tier.ratio,
    downgradeWarning: memberDowngradeWarning(member, program, now),
    // Display only (which entries to show); staff actions re-check the live staff record.
    roles: staffDoc ? staffRoles(staffDoc, member._id) : [],
    joinedAt: member.createdAt,
  };
}

/** Up to 3 packs the member can redeem now, cheapest first; topped up with the nearest to afford. */
function topPacks(views: PackView[]): PackView[] {
  const eligible = views.filter((v) => v.eligibility.eligible).sort((a, b) => a.cost - b.cost);
  const missing = (v: PackView) =>
    !v.eligibility.eligible && v.eligibility.reason === 'INSUFFICIENT_POINTS' ? (v.eligibility.detail.missingPoints ?? 0) : Infinity;
  const near = views.filter((v) => missing(v) < Infinity).sort((a, b) => missing(a) - missing(b));
  return [...eligible, ...near].slice(0, 3);
}

/**
 * `member.home` — everything the home page shows, in one call. Round trips, warm: the member
 * (1) · the live stock of the listed packs and the invite count, in parallel (2) = 3; + one
 * counter read when an unseen badge waits for its ceremony (4); + a transaction when growth left
 * the tier window, ops added a badge the member already qualifies for, or points fell due
 * (expiry, pending purchase points released) since the member's last write (rare).
 */
export const home = contractAction('member', 'home', async (_input, ctx: RequestContext): Promise<HomeData> => {
  const { openid, now, program, services } = ctx;
  const { counters } = services;
  const listed = program.benefit_packs.filter((p) => isPackListed(p, now)).sort(byShelfOrder);
  const [member, live, invited] = await Promise.all([
    refreshMember(ctx),
    packLiveState(services.stock, ctx.member, listed, now),
    services.invites.countSentBy(openid),
  ]);

  const activeBadges = program.badges.filter((b) => b.active);
  const earned = member.badges.filter((e) => activeBadges.some((b) => b._id === e.id));
  const unseen = earned.filter((e) => !e.seen).sort((a, b) => b.earnedAt.localeCompare(a.earnedAt) || a.id.localeCompare(b.id))[0];
  let newestUnseen: BadgeCeremony | null = null;
  if (unseen) {
    const badge = activeBadges.find((b) => b._id === unseen.id);
    const rarity = await counters.rarity([unseen.id]);
    if (badge) newestUnseen = ceremony(badge, unseen.earnedAt, rarity.get(unseen.id) ?? 0);
  }

  const summary = memberSummary(member, program, now);
  const tree = growthTree(program.tree_nodes, member.growth);
  const views = listed.map((p) => packView(p, program, { tier: summary.tier, points: member.points }, now, live));
  return {
    today: dayOf(now),
    member: summary,
    badges: { earned: earned.length, total: activeBadges.length, newestUnseen },
    tree: { stage: tree.stage, stageName: tree.stageName, unlocked: tree.unlocked, total: tree.total, nextNode: tree.nextNode },
    packs: topPacks(views),
    invite: { code: member.inviteCode, invited, activated: member.invitesActivated },
    nextStreakBonus: nextStreakMilestone(program.settings, summary.streak.current),
    pointsOutlook: pointsOutlook(member, program.settings, now),
  };
});
