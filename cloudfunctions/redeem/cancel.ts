import { accountTransaction } from '../_common/account';
import { writeAudit } from '../_common/audit';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { cancelVoucher } from '../_common/voucherCancel';

/**
 * `redeem.cancel` `{redemptionId, reason}` — ops only: cancels a voucher that was not used,
 * refunds its points through the ledger (`redeem_refund`, with who and why), gives the member's
 * limit back and restores the stock unit, and writes its `ops_audit` entry (the voucher, the
 * balance before and after) — all in one transaction (`cancelVoucher`; cancels are rare, and the
 * pack document joining this transaction costs a retry at worst). Cancelling again answers the
 * same and audits nothing.
 *
 * Round trips: the staff record, the caller's member (2) · transaction start, redemption, member,
 * pack, ledger entry, pack, redemption, audit, member, commit (10).
 */
export const cancel = contractAction('redeem', 'cancel', async ({ redemptionId, reason }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  await services.staff.require(openid, 'ops');

  const outcome = await accountTransaction(services, program, now, async (account) => {
    const cancellation = await cancelVoucher(account, redemptionId, { by: openid, reason });
    if (cancellation.fresh) {
      const { doc } = cancellation;
      // The member's balance as this transaction saw it (the refund applied); null when they are gone.
      const member = await account.find(doc.openid);
      const refunded = member && !doc.gift ? doc.cost : 0;
      await writeAudit(
        account.tx,
        {
          who: openid,
          action: 'redeem.cancel',
          target: doc.openid,
          before: {
            voucherCode: doc.voucherCode,
            packTitle: doc.packTitle,
            status: 'issued',
            points: member ? member.points - refunded : null,
          },
          after: { status: 'cancelled', points: member ? member.points : null, stockRestored: cancellation.stockRestored },
          reason,
        },
        now,
      );
    }
    return cancellation;
  });

  console.info(`[cancel] ${outcome.doc._id} by ops ${openid}: ${reason}`);
  return {
    redemptionId: outcome.doc._id,
    status: 'cancelled' as const,
    refundedPoints: outcome.doc.cost,
    stockRestored: outcome.stockRestored,
  };
});
