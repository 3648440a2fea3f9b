import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { voucherView } from './vouchers';

const DEFAULT_PAGE = 20;

/** `redeem.mine` — the member's vouchers, newest first, paged on `(createdAt, _id)`; expired ones marked. Round trips: the member, one page (2). */
export const mine = contractAction('redeem', 'mine', async ({ status, cursor, limit }, ctx: RequestContext) => {
  const { openid, now, services } = ctx;
  const { items, nextCursor } = await services.redemptions.page(openid, status, now, cursor, limit ?? DEFAULT_PAGE);
  return { vouchers: items.map((d) => voucherView(d, now)), nextCursor };
});
