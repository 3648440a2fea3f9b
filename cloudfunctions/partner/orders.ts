import { partnerOrderSchema, type PartnerOrderInput } from '@shared/contracts/partner';
import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import type { HttpRoute } from '../_common/httpEntry';
import { fingerprintOf, recordPurchase } from '../_common/purchases';
import type { Services } from '../_common/services';

/** How far ahead of the function's clock a `paidAt` may be (the till's clock may run a little fast). */
const PAID_AT_SKEW_MS = 5 * 60_000;

/**
 * `POST …/orders` `{orderId, memberCode | openid, amount, paidAt, storeId?}` — a paid order
 * (`_common/purchases.ts` `recordPurchase`). The same orderId again answers the first answer,
 * before anything else is looked at (so a retry after the member code expired still gets it);
 * with another body: 409 CONFLICT. A member code is resolved to the member (one read).
 * Round trips: the order (1) · the code (1) · the transaction: start, order, member, writes, commit (~6).
 */
export function ordersRoute(services: Services): HttpRoute<PartnerOrderInput> {
  return {
    input: partnerOrderSchema,
    refs: (input) => ({ orderId: input.orderId }),
    async run(input, now) {
      const fingerprint = fingerprintOf({ ...input });
      const known = await services.orders.get(input.orderId);
      if (known) {
        if (known.fingerprint !== fingerprint) throw new AppError('CONFLICT');
        return { data: known.answer, replayed: true };
      }
      if (Date.parse(input.paidAt) > now + PAID_AT_SKEW_MS)
        throw new AppError('INVALID_INPUT', 'paidAt 晚于当前时间', { fields: ['paidAt'] });
      const openid = input.openid ?? (await services.memberCodes.resolve(input.memberCode ?? '', now));
      const program = await services.content.program();
      return accountTransaction(services, program, now, (account) =>
        recordPurchase(account, {
          orderId: input.orderId,
          openid,
          amount: input.amount,
          paidAt: input.paidAt,
          storeId: input.storeId ?? null,
          fingerprint,
        }),
      );
    },
  };
}
