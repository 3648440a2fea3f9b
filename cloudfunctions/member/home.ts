import type { Program } from '@shared/content/validateProgram';
import type { BadgeCeremony, HomeData, MemberSummary } from '@shared/contracts/member';
import type { PackView } from '@shared/contracts/redeem';
import { isBirthdayMonth } from '@shared/domain/birthday';
import { nextStreakMilestone } from '@shared/domain/checkinReward';
import { displayedStreak } from '@shared/domain/checkinStreak';
import { growthTree, unlockedFeatures } from '@shared/domain/growthTree';
import { dayOf, yearOf } from '@shared/time/shanghai';
import { isPackListed, memberAchievements } from '@shared/domain/packEligibility';
import { staffRoles } from '@shared/domain/staff';
import { nextTierProgress } from '@shared/domain/tiers';
import type { StoredMember } from '@shared/domain/member';
import { memberDowngradeWarning, memberMetrics, memberWindowGrowth } from '@shared/domain/progression';
import { pointsOutlook } from '@shared/domain/settlement';
import { ceremony } from '../_common/badgeViews';
import { visibleCampaignViews } from '../_common/campaignViews';
import { contractAction } from '../_common/entry';
import { byShelfOrder, packLiveState, packView } from '../_common/packs';
import { refreshMember } from '../_common/refresh';
import type { RequestContext } from '../_common/services';
import { canJoinNow } from '@shared/domain/teamChallenge';
import { teamCeremony } from '../_common/teamViews';
import { homeTeam, homeTeamIds } from './homeTeam';

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
    windowMonths: program.settings.tier.windowMonths,
    streak: { ...member.streak, current: displayedStreak(member.streak, today) },
    checkedInToday: member.streak.lastDate === today,
    checkinDays: member.checkinDays,
    nextTier: tier.next,
    tierProgress: tier.ratio,
    downgradeWarning: memberDowngradeWarning(member, program, now),
    // Display only (which entries to show); staff actions re-check the live staff record.
    roles: staffDoc ? staffRoles(staffDoc, member._id) : [],
    joinedAt: member.createdAt,
    leaderboardOptIn: member.leaderboardOptIn,
    birthday: member.birthday,
    birthdayMonth: isBirthdayMonth(member.birthday, now),
    features: unlockedFeatures(
      program.tree_nodes,
      member.nodes.map((n) => n.id),
    ),
  };
}

/** This year's birthday gift while the birthday month lasts (the ceremony shows it). */
function birthdayGiftView(member: StoredMember, now: number): HomeData['birthdayGift'] {
  const gift = member.birthdayGift;
  if (!gift || gift.year !== yearOf(now) || !isBirthdayMonth(member.birthday, now)) return null;
  return { year: gift.year, points: gift.points, growth: gift.growth, at: gift.at };
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
 * counter read when an unseen badge waits for its ceremony (4); + the member's teams, in the same
 * parallel step, only for a member in a team of a challenge not over yet; + a transaction when
 * growth left the tier window, ops added a badge or node the member already qualifies for, points
 * fell due since the member's last write (expiry, pending purchase points released), or on the
 * first visit of the birthday month (the gift) — rare. The campaign comes from the cached content.
 */
export const home = contractAction('member', 'home', async (_input, ctx: RequestContext): Promise<HomeData> => {
  const { openid, now, program, services } = ctx;
  const { counters } = services;
  const listed = program.benefit_packs.filter((p) => isPackListed(p, now)).sort(byShelfOrder);
  const teamIds = homeTeamIds(ctx.member, program, now);
  const [member, live, invited, teams] = await Promise.all([
    refreshMember(ctx),
    packLiveState(services.stock, ctx.member, listed, now),
    services.invites.countSentBy(openid),
    // Outside a team nothing is read.
    teamIds.length ? services.teams.many(teamIds) : Promise.resolve(new Map()),
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
  const tree = growthTree(program, member.nodes, memberMetrics(member, program, now));
  const achievements = memberAchievements(member, now);
  const views = listed.map((p) => packView(p, program, { tier: summary.tier, points: member.points, achievements }, now, live));
  return {
    today: dayOf(now),
    member: summary,
    badges: { earned: earned.length, total: activeBadges.length, newestUnseen },
    tree: { stage: tree.stage, stageName: tree.stageName, unlocked: tree.unlocked, total: tree.total, nextNode: tree.nextNode },
    packs: topPacks(views),
    invite: { code: member.inviteCode, invited, activated: member.invitesActivated },
    nextStreakBonus: nextStreakMilestone(program.settings, summary.streak.current),
    team: homeTeam(teams, program, now),
    teamCeremony: member.teamRewards[0] ? teamCeremony(member.teamRewards[0], program) : null,
    teamChallengesOpen: program.challenges.filter((c) => canJoinNow(c, now) && !member.teams[c._id]).length,
    campaign: visibleCampaignViews(program, member, now)[0] ?? null,
    birthdayGift: birthdayGiftView(member, now),
    pointsOutlook: pointsOutlook(member, program.settings, now),
  };
});
