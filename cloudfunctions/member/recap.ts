import type { RecapData } from '@shared/contracts/member';
import { campaignPhase } from '@shared/domain/campaigns';
import { AppError } from '@shared/errors';
import { dayDiff, dayOf, toIso, toMs } from '@shared/time/shanghai';
import { campaignView } from '../_common/campaignViews';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { tierName } from '@shared/domain/tiers';
import { currentTier } from '@shared/domain/progression';

/**
 * `member.recap {campaignId}` — this member's figures in a campaign, over its live phase so far
 * (all of it once it ended): check-ins, points and growth earned (and what the boost added),
 * packs redeemed, badges earned — what the recap page and its card show. Counted by the
 * database from the member's own ledger and vouchers, so the figures are the history's.
 * NOT_FOUND for an unknown campaign, NOT_AVAILABLE_NOW before it starts.
 *
 * Round trips: the member (1) · the ledger and the vouchers in the window, in parallel (2) = 3.
 */
export const recap = contractAction('member', 'recap', async ({ campaignId }, ctx: RequestContext): Promise<RecapData> => {
  const { program, member, now, services } = ctx;
  const campaign = program.campaigns.find((c) => c._id === campaignId && c.active);
  if (!campaign) throw new AppError('NOT_FOUND', '没有找到这个活动');
  const phase = campaignPhase(campaign, now);
  if (phase === 'upcoming' || phase === 'preheat') throw new AppError('NOT_AVAILABLE_NOW', '活动还没有开始');
  const start = campaign.startAt;
  const end = toIso(Math.min(toMs(campaign.endAt), now));
  const [earned, redemptions] = await Promise.all([
    services.ledger.earnedBetween(ctx.openid, start, end),
    services.redemptions.countRedeemedBetween(ctx.openid, start, end),
  ]);
  const badges = member.badges.flatMap((e) => {
    const badge = e.earnedAt >= start && e.earnedAt < end ? program.badges.find((b) => b._id === e.id) : undefined;
    return badge ? [{ id: badge._id, name: badge.name, icon: badge.icon }] : [];
  });
  return {
    campaign: campaignView(campaign, phase === 'live' ? 'live' : 'recap', program, member, now),
    member: {
      nickname: member.nickname,
      avatarUrl: member.avatarUrl,
      tierName: tierName(program.tiers, currentTier(member, program, now)),
    },
    days: Math.max(1, dayDiff(dayOf(start), dayOf(toMs(end) - 1)) + 1),
    figures: { ...earned, redemptions, badges },
  };
});
