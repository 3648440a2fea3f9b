import type { ProgramData } from '@shared/contracts/member';
import { TIER_IDS } from '@shared/content/ids';
import { expiryMonths, purchaseRule } from '@shared/domain/settlement';
import { visibleCampaignViews } from '../_common/campaignViews';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `member.program` — the program's rules as content and settings say them (tiers with their
 * benefits, thresholds and entry rewards, the growth window, check-in and invite rewards, the
 * birthday gift, purchases and points expiry, the campaigns shown now): what the rules page, the tier page and the member card
 * read instead of typing numbers into pages. Round trips: the member (1); content is cached.
 */
export const program = contractAction('member', 'program', async (_input, ctx: RequestContext): Promise<ProgramData> => {
  const { program: p, member, now } = ctx;
  const { settings } = p;
  const tiers = TIER_IDS.flatMap((id) => {
    const t = p.tiers.find((x) => x._id === id);
    if (!t) return [];
    const pack = t.entryReward?.packId ? p.benefit_packs.find((x) => x._id === t.entryReward?.packId) : undefined;
    const entryReward =
      t.entryReward && id !== 'basic' && (t.entryReward.points > 0 || pack)
        ? { points: t.entryReward.points, packTitle: pack?.title ?? null }
        : null;
    return [{ id, name: t.name, threshold: t.threshold, color: t.color, description: t.description, benefits: t.benefits, entryReward }];
  });
  return {
    tiers,
    tier: { windowMonths: settings.tier.windowMonths, downgradeWarningDays: settings.tier.downgradeWarningDays },
    checkin: { points: settings.checkin.points, growth: settings.checkin.growth, streakBonuses: settings.checkin.streakBonuses },
    invite: {
      rewardPoints: settings.invite.rewardPoints,
      rewardGrowth: settings.invite.rewardGrowth,
      inviteeReward: settings.invite.inviteeReward,
      checkinDays: settings.invite.activation.checkinDays,
      withinDays: settings.invite.activation.withinDays,
      orFirstRedemption: settings.invite.activation.orFirstRedemption,
      dailyRewardCap: settings.invite.inviterDailyRewardCap,
    },
    birthday: settings.birthday,
    purchase: purchaseRule(settings),
    points: { expiryMonths: expiryMonths(settings) },
    campaigns: visibleCampaignViews(p, member, now),
  };
});
