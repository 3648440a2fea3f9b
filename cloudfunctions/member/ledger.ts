import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

const DEFAULT_PAGE = 20;

/** `member.ledger` — points and growth history, newest first, paged by cursor. Round trips: the member, one page (2). */
export const ledger = contractAction('member', 'ledger', async ({ cursor, limit }, ctx: RequestContext) =>
  ctx.services.ledger.page(ctx.openid, cursor, limit ?? DEFAULT_PAGE),
);
