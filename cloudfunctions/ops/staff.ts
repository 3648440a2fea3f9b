import { AppError } from '@shared/errors';
import { grantsOps, requestedStaffState, staffStateOf } from '@shared/domain/staffChange';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { peopleByOpenid } from './people';
import { allStaffDocs, changeStaff, staffViews } from './staffRoster';

/**
 * `ops.staff` — every staff record with the person's name and roles (a broken record shows what
 * is wrong with it and grants nothing), and how many active ops members there are.
 *
 * Round trips: the staff record and the caller's member (2) · the staff records (1) · names (1).
 */
export const staff = contractAction('ops', 'staff', async (_input, ctx: RequestContext) => {
  const docs = await allStaffDocs(ctx.services.db);
  const people = await peopleByOpenid(
    ctx.services,
    docs.map((d) => d._id),
  );
  const views = staffViews(docs, people);
  return { staff: views, activeOps: docs.filter((d) => grantsOps(staffStateOf(d, d._id))).length };
});

/**
 * `ops.setStaff {openid, roles, active, storeId?, reason?}` — grants, changes or revokes staff
 * roles (no role left: the person is no longer staff), with its `ops_audit` entry, in one
 * transaction (`changeStaff`): never one's own ops role (CANNOT_REMOVE_SELF), never the last
 * active ops member (LAST_OPS). The person must be a member (they opened the mini-program) or
 * already staff. It takes effect on their next call: staff checks read the record fresh.
 *
 * Round trips: the staff record and the caller's member (2) · the member (1) · transaction start,
 * the ops records (query), the person's and the caller's records, each other ops record, the
 * record, the counter (read and write), the audit, commit (≈ 9 with two ops members).
 */
export const setStaff = contractAction('ops', 'setStaff', async (input, ctx: RequestContext) => {
  const { services, openid: caller, now } = ctx;
  const [member, existing] = await Promise.all([
    services.members.get(input.openid),
    services.db.get<unknown>(COLLECTIONS.staff, input.openid),
  ]);
  if (!member && !existing) throw new AppError('NOT_FOUND', '没有找到这位会员：请让对方先打开一次小程序');
  const current = staffStateOf(existing, input.openid);
  const after = requestedStaffState({
    roles: input.roles,
    active: input.active,
    // Left out: the store stays as it was.
    storeId: input.storeId === undefined ? (current?.storeId ?? null) : input.storeId || null,
  });
  const outcome = await changeStaff(services.db, { caller, target: input.openid, after, reason: input.reason ?? '', now });
  console.info(`[ops.setStaff] ${input.openid.slice(0, 6)}… by ${caller}: ${JSON.stringify(outcome.after)}`);
  return { openid: input.openid, ...outcome };
});
