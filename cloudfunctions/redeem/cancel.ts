import { toIso } from '@shared/time/shanghai';
import { AppError } from '@shared/errors';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { ledgerEntry, writeLedger } from '../_common/ledger';
import { normalizeMember } from '../_common/members';
import type { LimitCounterDoc } from '../_common/packs';
import { progress } from '../_common/progression';
import type { RequestContext } from '../_common/services';
import type { RedemptionDoc } from './redemptions';

/**
 * `redeem.cancel` `{redemptionId, reason}` — ops only: cancels a voucher that was not used,
 * refunds its points through the ledger (`redeem_refund`), gives the member's limit back and
 * restores the stock unit. Cancelling an already cancelled voucher answers the same again.
 */
export const cancel = contractAction('redeem', 'cancel', async ({ redemptionId, reason }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const { db } = services;
  const _ = db.command;
  await services.staff.require(openid, 'ops');

  const outcome = await db.transaction(async (tx) => {
    const doc = await tx.get<RedemptionDoc>(COLLECTIONS.redemptions, redemptionId);
    if (!doc) throw new AppError('NOT_FOUND');
    if (doc.status === 'used') throw new AppError('ALREADY_USED', undefined, { usedAt: doc.usedAt });
    if (doc.status === 'cancelled') return { doc, fresh: false };
    const raw = await tx.get<unknown>(COLLECTIONS.members, doc.openid);
    const iso = toIso(now);
    if (raw) {
      const before = normalizeMember(raw);
      const moved = progress(
        { ...before, redemptions: Math.max(0, before.redemptions - 1) },
        { points: doc.cost, growth: 0 },
        program,
        now,
      );
      await writeLedger(
        tx,
        ledgerEntry({ openid: doc.openid, kind: 'redeem_refund', points: doc.cost, growth: 0, refId: doc._id, now, by: openid, reason }),
      );
      await tx.set(COLLECTIONS.members, doc.openid, { ...moved.member });
      const counter = await tx.get<LimitCounterDoc>(COLLECTIONS.redeemLimits, doc.limitCounterId);
      if (counter && counter.count > 0)
        await tx.set(COLLECTIONS.redeemLimits, doc.limitCounterId, { ...counter, count: counter.count - 1 });
    }
    const cancelled: RedemptionDoc = { ...doc, status: 'cancelled', cancelledAt: iso, cancelledBy: openid, cancelReason: reason };
    await tx.set(COLLECTIONS.redemptions, doc._id, { ...cancelled });
    return { doc: cancelled, fresh: true };
  });

  // The stock unit goes back after the refund commits (outside it: the pack document is hot).
  let stockRestored = false;
  if (outcome.fresh && outcome.doc.stockTaken) {
    stockRestored =
      (await db.updateWhere(COLLECTIONS.benefitPacks, { _id: outcome.doc.packId, stock: _.gte(0) }, { stock: _.inc(1) })) === 1;
  }
  console.info(`[cancel] ${outcome.doc._id} by ops ${openid}: ${reason}`);
  return {
    redemptionId: outcome.doc._id,
    status: 'cancelled' as const,
    refundedPoints: outcome.doc.cost,
    stockRestored: outcome.fresh ? stockRestored : outcome.doc.stockTaken,
  };
});
