import type { DonateData } from '@shared/contracts/member';
import { projectStatus } from '@shared/domain/charity';
import { nodeUnlockItems, unlocksText } from '@shared/domain/growthTree';
import { AppError } from '@shared/errors';
import { dayOf, toIso } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { ceremoniesForNew } from '../_common/badgeViews';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { donationId, type DonationDoc } from './donations';

function answer(doc: DonationDoc, extra: Pick<DonateData, 'newBadges' | 'newNodes'> = { newBadges: [], newNodes: [] }): DonateData {
  return {
    donationId: doc._id,
    projectId: doc.projectId,
    points: doc.points,
    balance: { points: doc.balanceAfter },
    pointsDonated: doc.pointsDonatedAfter,
    ...extra,
  };
}

/**
 * `member.donate {projectId, points, requestId}` — gives points to an open charity project
 * (公益同行): a `donation` ledger entry through the account (never below zero:
 * INSUFFICIENT_POINTS, nothing written), the member's `pointsDonated` (the 公益 branch and badges
 * count it — nodes it lights deliver their unlocks in the same transaction) and the donation
 * document, all in one transaction. Exactly once per requestId: the donation's `_id` comes from
 * the member and the request, read first in the transaction, so a retry or 20 parallel calls give
 * once and all answer the first result. NOT_FOUND for an unknown project, NOT_AVAILABLE_NOW when
 * it is not open.
 *
 * Round trips: the member (1) · transaction start, donation, member, ledger entry, donation,
 * member, commit (7) = 8; + the rarity read and a counter write when a badge is earned.
 */
export const donate = contractAction('member', 'donate', async ({ projectId, points, requestId }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const id = donationId(openid, requestId);
  const project = program.charity_projects.find((p) => p._id === projectId);
  if (!project) {
    const done = await services.db.get<DonationDoc>(COLLECTIONS.donations, id);
    if (done) return answer(done);
    throw new AppError('NOT_FOUND', '没有找到这个公益项目');
  }
  const outcome = await accountTransaction(services, program, now, async (account) => {
    const done = await account.tx.get<DonationDoc>(COLLECTIONS.donations, id);
    if (done) return { doc: done, moved: null };
    if (projectStatus(project, now) !== 'open') throw new AppError('NOT_AVAILABLE_NOW', '这个公益项目当前不在捐赠时间内');
    await account.get(openid);
    account.edit(openid, (m) => ({ ...m, pointsDonated: m.pointsDonated + points }));
    const moved = await account.apply(openid, { points: -points, growth: 0 }, { kind: 'donation', refId: projectId });
    const doc: DonationDoc = {
      _id: id,
      openid,
      projectId,
      points,
      requestId,
      createdAt: toIso(now),
      day: dayOf(now),
      balanceAfter: moved.member.points,
      pointsDonatedAfter: moved.member.pointsDonated,
    };
    await account.tx.set(COLLECTIONS.donations, id, { ...doc });
    return { doc, moved };
  });
  const { doc, moved } = outcome;
  if (!moved) return answer(doc);
  return answer(doc, {
    newBadges: await ceremoniesForNew(services.counters, moved.newBadges, doc.createdAt),
    newNodes: moved.newNodes.map((n) => ({ id: n._id, title: n.title, unlocksText: unlocksText(nodeUnlockItems(n, program)) })),
  });
});
