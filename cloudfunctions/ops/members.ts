import { tierName } from '@shared/domain/tiers';
import type { MemberHit } from '@shared/contracts/ops';
import { MEMBER_SEARCH_LIMIT, matchesPrefix, memberSearchPlan, type MemberMatch } from '@shared/domain/memberSearch';
import { normalizeMember, type StoredMember } from '@shared/domain/member';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `ops.members {query}` — finds members by what ops typed: every reading of the query that fits
 * is looked up at once, each through its own index, never a scan (`shared/domain/memberSearch.ts`):
 * the openid (`_id`), an invite code (`members.inviteCode`), a voucher code (its redemption, then
 * the member) and a nickname prefix (a range on `members.nickname`, in nickname order). Up to 20
 * members, exact matches first.
 *
 * Round trips: the staff record and the caller's member (2) · the lookups in parallel (1) · the
 * voucher's member, when a voucher code matched (1).
 */
export const members = contractAction('ops', 'members', async ({ query }, ctx: RequestContext) => {
  const { services, program } = ctx;
  const { db } = services;
  const plan = memberSearchPlan(query);
  const none = Promise.resolve(null);
  const [byOpenid, byInvite, voucher, byNickname] = await Promise.all([
    plan.openid ? services.members.get(plan.openid) : none,
    plan.inviteCode ? services.members.byInviteCode(plan.inviteCode) : none,
    plan.voucherCode ? services.redemptions.byVoucherCode(plan.voucherCode) : none,
    plan.nickname
      ? db.find<unknown>(
          COLLECTIONS.members,
          { nickname: db.op.gte(plan.nickname.from).and(db.op.lt(plan.nickname.to)) },
          { orderBy: [['nickname', 'asc']], limit: MEMBER_SEARCH_LIMIT },
        )
      : Promise.resolve([]),
  ]);
  const byVoucher = voucher ? await services.members.get(voucher.openid) : null;

  const found: Array<[StoredMember | null, MemberMatch]> = [
    [byOpenid, 'openid'],
    [byInvite, 'inviteCode'],
    [byVoucher, 'voucherCode'],
    ...byNickname
      .map((raw) => normalizeMember(raw))
      .filter((m) => plan.nickname && matchesPrefix(m.nickname, plan.nickname.prefix))
      .map((m): [StoredMember, MemberMatch] => [m, 'nickname']),
  ];
  const hits = new Map<string, MemberHit>();
  for (const [m, matchedBy] of found) {
    if (!m || hits.has(m._id) || hits.size >= MEMBER_SEARCH_LIMIT) continue;
    hits.set(m._id, {
      openid: m._id,
      nickname: m.nickname,
      avatarUrl: m.avatarUrl,
      tier: m.tier,
      tierName: tierName(program.tiers, m.tier),
      points: m.points,
      joinedAt: m.createdAt,
      matchedBy,
      deleting: m.deleting !== null,
    });
  }
  return { hits: [...hits.values()] };
});
