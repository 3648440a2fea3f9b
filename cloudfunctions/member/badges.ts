import { badgeWall } from '../_common/badgeViews';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { normalizeMember } from '../_common/members';
import type { RequestContext } from '../_common/services';

/** `member.badges` — the badge wall, rarity from the maintained counters (one read). */
export const badges = contractAction('member', 'badges', async (_input, ctx: RequestContext) => {
  const { member, program, now, services } = ctx;
  const rarity = await services.counters.rarity(program.badges.filter((b) => b.active).map((b) => b._id));
  const wall = badgeWall(member, program, now, rarity);
  return { badges: wall, earned: wall.filter((b) => b.earned).length, total: wall.length };
});

/** `member.badgesSeen` — the unlock ceremony was shown: mark the given (or all) earned badges seen. */
export const badgesSeen = contractAction('member', 'badgesSeen', async ({ badgeIds }, ctx: RequestContext) => {
  const { member, services } = ctx;
  const wanted = (id: string) => badgeIds === undefined || badgeIds.includes(id);
  if (!member.badges.some((b) => !b.seen && wanted(b.id))) return { updated: 0 };
  return services.db.transaction(async (tx) => {
    const raw = await tx.get<unknown>(COLLECTIONS.members, ctx.openid);
    if (!raw) return { updated: 0 };
    const current = normalizeMember(raw);
    let updated = 0;
    const marked = current.badges.map((b) => {
      if (b.seen || !wanted(b.id)) return b;
      updated++;
      return { ...b, seen: true };
    });
    if (updated > 0) await tx.set(COLLECTIONS.members, ctx.openid, { ...current, badges: marked });
    return { updated };
  });
});
