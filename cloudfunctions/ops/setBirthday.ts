import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { writeAudit } from '../_common/audit';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `ops.setBirthday {openid, birthday, reason}` — corrects a member's birthday (members set it
 * once themselves): the member document and its `ops_audit` entry (who, before, after, why) in
 * one transaction. Setting the value it already has changes nothing and writes no audit. A gift
 * already credited this year stays the year's only one. Staff with role `ops` only (checked,
 * failing closed, before the action runs).
 *
 * Round trips: the staff record and the caller's member (2) · transaction start, member, audit,
 * member, commit (5).
 */
export const setBirthday = contractAction('ops', 'setBirthday', async ({ openid, birthday, reason }, ctx: RequestContext) => {
  const outcome = await accountTransaction(ctx.services, ctx.program, ctx.now, async (account) => {
    const member = await account.find(openid);
    if (!member) throw new AppError('NOT_FOUND', '没有找到这位会员');
    const before = member.birthday;
    if (before === birthday) return { before, auditId: null };
    account.edit(openid, (m) => ({ ...m, birthday }));
    const audit = await writeAudit(
      account.tx,
      { who: ctx.openid, action: 'ops.setBirthday', target: openid, before, after: birthday, reason },
      ctx.now,
    );
    return { before, auditId: audit._id };
  });
  console.info(`[ops.setBirthday] ${openid.slice(0, 6)}… by ${ctx.openid}: ${reason}`);
  return { openid, before: outcome.before, after: birthday, auditId: outcome.auditId };
});
