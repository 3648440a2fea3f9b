import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { writeAudit } from '../_common/audit';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { LedgerDoc } from '../_common/ledger';
import type { RequestContext } from '../_common/services';

/**
 * `ops.adjust` `{openid, points, growth, reason, requestId}` — an audited grant or correction
 * (purchases, offline events, mistakes): one `ops_adjust` ledger entry carrying who made it and
 * why, through the account in the same transaction as the member update and its `ops_audit`
 * entry (balance before and after); never below zero. The entry's `_id` is `adjust_<requestId>`
 * (and the audit's the same), so a retried adjust — 20 parallel taps of one confirmation — applies
 * once and is audited once.
 *
 * Round trips: the staff record and the caller's member (2) · transaction start, entry, member,
 * ledger entry, audit, member, commit (7); + counter writes for badges earned.
 */
export const adjust = contractAction('ops', 'adjust', async (input, ctx: RequestContext) => {
  const { now, program, services } = ctx;
  const entryId = `adjust_${input.requestId}`;
  const member = await accountTransaction(services, program, now, async (account) => {
    const done = await account.tx.get<LedgerDoc>(COLLECTIONS.ledger, entryId);
    const openid = done ? done.openid : input.openid;
    const before = await account.find(openid);
    if (!before) throw new AppError('NOT_FOUND', '没有找到这位会员');
    if (done) return before;
    const change = { points: input.points, growth: input.growth };
    const note = { kind: 'ops_adjust' as const, refId: input.requestId, entryId, by: ctx.openid, reason: input.reason };
    const after = (await account.apply(openid, change, note)).member;
    await writeAudit(
      account.tx,
      {
        who: ctx.openid,
        action: 'ops.adjust',
        target: openid,
        before: { points: before.points, growth: before.growth },
        after: { points: after.points, growth: after.growth },
        reason: input.reason,
      },
      now,
      entryId,
    );
    return after;
  });
  console.info(`[ops.adjust] ${entryId} by ${ctx.openid}: points ${input.points}, growth ${input.growth}: ${input.reason}`);
  return { entryId, balance: { points: member.points, growth: member.growth }, tier: member.tier };
});
