import { uncountRedemption } from '@shared/domain/redeemCounts';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import type { Account } from './account';
import { COLLECTIONS } from './collections';
import { limitKeyOf, type RedemptionDoc } from './redemptions';

export interface Cancellation {
  /** The voucher as it is now (cancelled). */
  doc: RedemptionDoc;
  /** Cancelled by this call (false: it was already). */
  fresh: boolean;
  stockRestored: boolean;
}

/**
 * Cancels a voucher that was not used, inside the account's transaction — `redeem.cancel` (ops)
 * and `member.deleteAccount` (the leaving member's unused vouchers) alike: its points come back
 * through the ledger (`redeem_refund`, saying who and why), the member's limit count and
 * redemption count go back, and its stock unit is restored, all in one commit — so a crash never
 * leaves a refund without its unit or a unit without its refund. The member side is skipped when
 * the member is not there for this transaction (gone, or being deleted by someone else's call),
 * and for a voucher given rather than redeemed (a tier's entry reward: no points, no count).
 * Cancelling again answers the same (`fresh: false`); a used voucher is ALREADY_USED.
 */
export async function cancelVoucher(account: Account, redemptionId: string, audit: { by: string; reason: string }): Promise<Cancellation> {
  const { tx, now } = account;
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
    await account.apply(doc.openid, { points: doc.cost, growth: 0 }, { kind: 'redeem_refund', refId: doc._id, ...audit });
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
  const cancelled: RedemptionDoc = {
    ...doc,
    status: 'cancelled',
    cancelledAt: toIso(now),
    cancelledBy: audit.by,
    cancelReason: audit.reason,
  };
  await tx.set(COLLECTIONS.redemptions, doc._id, { ...cancelled });
  return { doc: cancelled, fresh: true, stockRestored };
}
