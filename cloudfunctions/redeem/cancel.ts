import { accountTransaction } from '../_common/account';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { cancelVoucher } from '../_common/voucherCancel';

/**
 * `redeem.cancel` `{redemptionId, reason}` — ops only: cancels a voucher that was not used,
 * refunds its points through the ledger (`redeem_refund`, with who and why), gives the member's
 * limit back and restores the stock unit — all in one transaction (`cancelVoucher`; cancels are
 * rare, and the pack document joining this transaction costs a retry at worst). Cancelling
 * again answers the same.
 *
 * Round trips: the staff record, the caller's member (2) · transaction start, redemption, member,
 * pack, ledger entry, pack, redemption, member, commit (9).
 */
export const cancel = contractAction('redeem', 'cancel', async ({ redemptionId, reason }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  await services.staff.require(openid, 'ops');

  const outcome = await accountTransaction(services, program, now, (account) =>
    cancelVoucher(account, redemptionId, { by: openid, reason }),
  );

  console.info(`[cancel] ${outcome.doc._id} by ops ${openid}: ${reason}`);
  return {
    redemptionId: outcome.doc._id,
    status: 'cancelled' as const,
    refundedPoints: outcome.doc.cost,
    stockRestored: outcome.stockRestored,
  };
});
