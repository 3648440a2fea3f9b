import { accountTransaction } from '../_common/account';
import { badgeWall } from '../_common/badgeViews';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/** `member.badges` — the badge wall, rarity from the maintained counters. Round trips: the member, the counters (2). */
export const badges = contractAction('member', 'badges', async (_input, ctx: RequestContext) => {
  const { member, program, now, services } = ctx;
  const rarity = await services.counters.rarity(program.badges.filter((b) => b.active).map((b) => b._id));
  const wall = badgeWall(member, program, now, rarity);
  return { badges: wall, earned: wall.filter((b) => b.earned).length, total: wall.length };
});

/**
 * `member.badgesSeen` — the unlock ceremony was shown: mark the given (or all) earned badges seen.
 * Round trips: the member (1) · transaction start, member, member, commit (4); nothing unseen: 1.
 */
export const badgesSeen = contractAction('member', 'badgesSeen', async ({ badgeIds }, ctx: RequestContext) => {
  const { member, services } = ctx;
  const wanted = (id: string) => badgeIds === undefined || badgeIds.includes(id);
  if (!member.badges.some((b) => !b.seen && wanted(b.id))) return { updated: 0 };
  return accountTransaction(services, ctx.program, ctx.now, async (account) => {
    const current = await account.get(ctx.openid);
    const unseen = current.badges.filter((b) => !b.seen && wanted(b.id)).length;
    if (unseen > 0)
      account.edit(ctx.openid, (m) => ({ ...m, badges: m.badges.map((b) => (b.seen || !wanted(b.id) ? b : { ...b, seen: true })) }));
    return { updated: unseen };
  });
});
