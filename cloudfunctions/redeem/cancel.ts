import { uncountRedemption } from '@shared/domain/redeemCounts';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { limitKeyOf, type RedemptionDoc } from '../_common/redemptions';
import type { RequestContext } from '../_common/services';

/**
 * `redeem.cancel` `{redemptionId, reason}` — ops only: cancels a voucher that was not used,
 * refunds its points through the ledger (`redeem_refund`, with who and why), gives the member's
 * limit back and restores the stock unit — all in one transaction, so a crash never leaves a
 * refund without its unit or a unit without its refund (cancels are rare; the pack document
 * joining this transaction costs a retry at worst). Cancelling again answers the same.
 *
 * Round trips: the staff record, the caller's member (2) · transaction start, redemption, member,
 * pack, ledger entry, pack, redemption, member, commit (9).
 */
export const cancel = contractAction('redeem', 'cancel', async ({ redemptionId, reason }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  await services.staff.require(openid, 'ops');

  const outcome = await accountTransaction(services, program, now, async (account) => {
    const { tx } = account;
    const doc = await tx.get<RedemptionDoc>(COLLECTIONS.redemptions, redemptionId);
    if (!doc) throw new AppError('NOT_FOUND');
    if (doc.status === 'used') throw new AppError('ALREADY_USED', undefined, { usedAt: doc.usedAt });
    if (doc.status === 'cancelled') return { doc, fresh: false, stockRestored: doc.stockTaken };
    // A voucher given (an entry reward) was never one of the member's redemptions: nothing to give back but the voucher.
    if (!doc.gift && (await account.find(doc.openid))) {
      const key = limitKeyOf(doc);
      account.edit(doc.openid, (m) => ({
        ...m,
        redemptions: Math.max(0, m.redemptions - 1),
        redeemCounts: key ? uncountRedemption(m.redeemCounts, key) : m.redeemCounts,
      }));
      await account.apply(doc.openid, { points: doc.cost, growth: 0 }, { kind: 'redeem_refund', refId: doc._id, by: openid, reason });
    }
    // The unit goes back with the refund (a pack ops made unlimited meanwhile keeps no count).
    let stockRestored = false;
    if (doc.stockTaken) {
      const pack = await tx.get<{ stock?: unknown }>(COLLECTIONS.benefitPacks, doc.packId);
      if (pack && typeof pack.stock === 'number') {
        await tx.increment(COLLECTIONS.benefitPacks, doc.packId, 'stock', 1);
        stockRestored = true;
      }
    }
    const cancelled: RedemptionDoc = { ...doc, status: 'cancelled', cancelledAt: toIso(now), cancelledBy: openid, cancelReason: reason };
    await tx.set(COLLECTIONS.redemptions, doc._id, { ...cancelled });
    return { doc: cancelled, fresh: true, stockRestored };
  });

  console.info(`[cancel] ${outcome.doc._id} by ops ${openid}: ${reason}`);
  return {
    redemptionId: outcome.doc._id,
    status: 'cancelled' as const,
    refundedPoints: outcome.doc.cost,
    stockRestored: outcome.stockRestored,
  };
});
