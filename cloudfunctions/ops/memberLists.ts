import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { LedgerDoc } from '../_common/ledger';
import { newestFirstPage } from '../_common/paging';
import type { RequestContext } from '../_common/services';
import { MEMBER_PAGE_ROWS } from './member';
import { ledgerPeople, opsLedgerEntry, opsVoucher } from './memberViews';
import { peopleByOpenid } from './people';

/**
 * `ops.ledger {openid, cursor?, limit?}` — more of a member's ledger, newest first, with who made
 * ops' own entries. Round trips: staff record and caller (2) · the page (1) · the names (1).
 */
export const ledger = contractAction('ops', 'ledger', async ({ openid, cursor, limit }, ctx: RequestContext) => {
  const { services } = ctx;
  const page = await newestFirstPage<LedgerDoc>(services.db, COLLECTIONS.ledger, [{ openid }], cursor, limit ?? MEMBER_PAGE_ROWS);
  const people = await peopleByOpenid(services, ledgerPeople(page.items));
  return { entries: page.items.map((d) => opsLedgerEntry(d, people)), nextCursor: page.nextCursor };
});

/** `ops.vouchers {openid, cursor?, limit?}` — more of a member's vouchers, newest first. Round trips: 2 · 1. */
export const vouchers = contractAction('ops', 'vouchers', async ({ openid, cursor, limit }, ctx: RequestContext) => {
  const page = await ctx.services.redemptions.page(openid, undefined, ctx.now, cursor, limit ?? MEMBER_PAGE_ROWS);
  return { vouchers: page.items.map((d) => opsVoucher(d, ctx.now)), nextCursor: page.nextCursor };
});
