import type { CampaignDoc } from '@shared/content/campaigns';
import type { Program } from '@shared/content/validateProgram';
import type { CampaignView } from '@shared/contracts/member';
import { daysLeft, daysUntil, visibleCampaigns, type ShownPhase } from '@shared/domain/campaigns';
import type { StoredMember } from '@shared/domain/member';
import { tierName } from '@shared/domain/tiers';

/** A campaign as a member sees it now: phase, countdown, boost, packs, badge, whether they joined. */
export function campaignView(
  campaign: CampaignDoc,
  phase: ShownPhase,
  program: Program,
  member: Pick<StoredMember, 'campaigns'>,
  now: number,
): CampaignView {
  const badge = campaign.badgeId === null ? undefined : program.badges.find((b) => b._id === campaign.badgeId && b.active);
  const boost = campaign.boosts.checkin;
  const purchase = campaign.boosts.purchase;
  return {
    id: campaign._id,
    title: campaign.title,
    description: campaign.description,
    phase,
    preheatAt: campaign.preheatAt,
    startAt: campaign.startAt,
    endAt: campaign.endAt,
    recapUntil: campaign.recapUntil,
    daysToStart: daysUntil(campaign.startAt, now),
    daysLeft: phase === 'live' ? daysLeft(campaign.endAt, now) : 0,
    boost: boost ? { pointsMultiplier: boost.pointsMultiplier, growthMultiplier: boost.growthMultiplier } : null,
    purchaseBoost: purchase && purchase.pointsMultiplier > 1 ? { pointsMultiplier: purchase.pointsMultiplier } : null,
    packs: campaign.packIds.flatMap((id) => {
      const p = program.benefit_packs.find((x) => x._id === id && x.active);
      return p ? [{ id: p._id, title: p.title, cost: p.cost, minTierName: tierName(program.tiers, p.minTier) }] : [];
    }),
    badge: badge ? { id: badge._id, name: badge.name, icon: badge.icon } : null,
    joined: member.campaigns.includes(campaign._id),
  };
}

/** Every campaign shown now, the one that matters most to this member first (home shows the first). */
export function visibleCampaignViews(program: Program, member: Pick<StoredMember, 'campaigns'>, now: number): CampaignView[] {
  return visibleCampaigns(program.campaigns, now, member.campaigns).map(({ campaign, phase }) =>
    campaignView(campaign, phase, program, member, now),
  );
}
