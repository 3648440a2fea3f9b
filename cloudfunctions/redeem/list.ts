import { isPackListed, memberAchievements } from '@shared/domain/packEligibility';
import { contractAction } from '../_common/entry';
import { byShelfOrder, packLiveState, packView } from '../_common/packs';
import { currentTier } from '@shared/domain/progression';
import type { RequestContext } from '../_common/services';

/**
 * `redeem.list` — every listed pack with, for this member, whether they can redeem it now and if
 * not the one reason why. Round trips: the member, the live stock of the listed packs (2).
 */
export const list = contractAction('redeem', 'list', async (_input, ctx: RequestContext) => {
  const { now, member, program, services } = ctx;
  const listed = program.benefit_packs.filter((p) => isPackListed(p, now)).sort(byShelfOrder);
  const live = await packLiveState(services.stock, member, listed, now);
  const tier = currentTier(member, program, now);
  return {
    packs: listed.map((p) =>
      packView(p, program, { tier, points: member.points, achievements: memberAchievements(member, now) }, now, live),
    ),
    points: member.points,
    tier,
  };
});
