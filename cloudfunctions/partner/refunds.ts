import { partnerRefundSchema, type PartnerRefundInput } from '@shared/contracts/partner';
import { accountTransaction } from '../_common/account';
import type { HttpRoute } from '../_common/httpEntry';
import { fingerprintOf, refundPurchase } from '../_common/purchases';
import type { Services } from '../_common/services';

/**
 * `POST …/refunds` `{orderId, refundId, amount}` — part or all of an order refunded
 * (`_common/purchases.ts` `refundPurchase`): refunds of an order add up and never pass it (422
 * REFUND_EXCEEDS_ORDER); the same refundId again answers the first answer, with another body 409.
 * Round trips: the transaction: start, refund, order, member, writes, commit (~7).
 */
export function refundsRoute(services: Services): HttpRoute<PartnerRefundInput> {
  return {
    input: partnerRefundSchema,
    refs: (input) => ({ orderId: input.orderId, refundId: input.refundId }),
    async run(input, now) {
      const program = await services.content.program();
      return accountTransaction(services, program, now, (account) =>
        refundPurchase(account, { ...input, fingerprint: fingerprintOf({ ...input }) }),
      );
    },
  };
}
