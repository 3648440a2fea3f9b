import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { badgeWall, ceremony } from '../_common/badgeViews';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { sharedCodeUrl } from '../_common/shareCodes';

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

/** The page the badge card's mini-program code opens, and its scene (one code for every card). */
export const BADGE_WALL_CODE = { page: 'packages/badges/pages/wall/index', scene: 'w=badges' } as const;

/**
 * `member.badgeCard {badgeId}` — what the shareable card of an earned badge needs: the badge with
 * its date and rarity, the member's nickname, and the mini-program code of the badge wall (one
 * image for all cards, drawn once). No reward wording: the card shows what was earned, nothing
 * to gain by sharing it. Round trips: the member, the rarity counters and the stored code (3).
 */
export const badgeCard = contractAction('member', 'badgeCard', async ({ badgeId }, ctx: RequestContext) => {
  const { member, program, now, services } = ctx;
  const earned = member.badges.find((b) => b.id === badgeId);
  const badge = program.badges.find((b) => b._id === badgeId);
  if (!earned || !badge) throw new AppError('NOT_FOUND', '你还没有点亮这枚徽章');
  const [rarity, qrUrl] = await Promise.all([
    services.counters.rarity([badgeId]),
    sharedCodeUrl(services, 'badge_wall', BADGE_WALL_CODE, now),
  ]);
  return {
    badge: ceremony(badge, earned.earnedAt, rarity.get(badgeId) ?? 0),
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
    qrUrl,
  };
});
