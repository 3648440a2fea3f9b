import { expiryCutoffMonth } from '@shared/domain/pointLots';
import { dayOf } from '@shared/time/shanghai';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import type { Where } from '../_common/db';
import type { Job, JobContext } from '../_common/jobs';

/** Members settled per page (each one transaction). */
const MEMBERS_PER_PAGE = 50;

/**
 * Settles the members a query finds due (`Account.settle`: expiry, then pending points released),
 * one transaction each, walking by `_id` from the cursor — so a member who cannot be settled (being
 * deleted) is passed over, not met again. Each transaction rereads the member and writes only what
 * is still due: a page redone after a crash, a second run, or the member's own call settling first
 * all write nothing twice.
 */
async function settlePage(ctx: JobContext, cursor: string | null, due: Where, log: string) {
  const { services, now } = ctx;
  const { db } = services;
  const members = await db.find<{ _id: string }>(
    COLLECTIONS.members,
    { ...due, _id: db.op.gt(cursor ?? '') },
    { orderBy: [['_id', 'asc']], limit: MEMBERS_PER_PAGE, field: { _id: true } },
  );
  const program = await services.content.program();
  let handled = 0;
  for (const { _id: openid } of members) {
    const settled = await accountTransaction(services, program, now, async (account) => {
      if (!(await account.find(openid))) return false;
      await account.settle(openid);
      return true;
    });
    if (settled) handled++;
  }
  if (handled > 0) console.info(`[jobs.${log}] settled ${handled} member(s)`);
  return { cursor: members.length < MEMBERS_PER_PAGE ? null : members[members.length - 1]._id, handled };
}

/**
 * `pointsRelease` — pending purchase points whose release day has come (`members.nextRelease`
 * ≤ today, Shanghai) become spendable: one `purchase_release` entry per member and day.
 */
export const pointsRelease: Job = {
  name: 'pointsRelease',
  everyMs: 0,
  page: (ctx, cursor) => settlePage(ctx, cursor, { nextRelease: ctx.services.db.op.lte(dayOf(ctx.now)) }, 'pointsRelease'),
};

/**
 * `pointsExpiry` — points past `settings.points.expiry` leave: members whose oldest lot
 * (`members.oldestLot`) was earned in or before the cutoff month get one `expire` entry each.
 * Nothing to do while expiry is off.
 */
export const pointsExpiry: Job = {
  name: 'pointsExpiry',
  everyMs: 0,
  async page(ctx, cursor) {
    const expiry = (await ctx.services.content.program()).settings.points.expiry;
    if (!expiry) return { cursor: null, handled: 0 };
    return settlePage(ctx, cursor, { oldestLot: ctx.services.db.op.lte(expiryCutoffMonth(ctx.now, expiry.months)) }, 'pointsExpiry');
  },
};
