import { AppError } from '@shared/errors';
import { COLLECTIONS } from '../_common/collections';
import { countAwards } from '../_common/badgeViews';
import { contractAction } from '../_common/entry';
import { ledgerEntry, writeLedger, type LedgerDoc } from '../_common/ledger';
import { normalizeMember } from '../_common/members';
import { progress } from '../_common/progression';
import type { RequestContext } from '../_common/services';

/**
 * `ops.adjust` `{openid, points, growth, reason, requestId}` — an audited grant or correction
 * (purchases, offline events, mistakes): one `ops_adjust` ledger entry carrying who made it and
 * why, in the same transaction as the member update; never below zero. The entry's `_id` is
 * `adjust_<requestId>`, so a retried adjust applies once.
 */
export const adjust = contractAction('ops', 'adjust', async (input, ctx: RequestContext) => {
  const { now, program, services } = ctx;
  const entryId = `adjust_${input.requestId}`;
  const outcome = await services.db.transaction(async (tx) => {
    const done = await tx.get<LedgerDoc>(COLLECTIONS.ledger, entryId);
    const raw = await tx.get<unknown>(COLLECTIONS.members, done ? done.openid : input.openid);
    if (!raw) throw new AppError('NOT_FOUND', '没有找到这位会员');
    const before = normalizeMember(raw);
    if (done) return { member: before, awarded: [] };
    const moved = progress(before, { points: input.points, growth: input.growth }, program, now);
    await writeLedger(
      tx,
      ledgerEntry({
        id: entryId,
        openid: before._id,
        kind: 'ops_adjust',
        points: input.points,
        growth: input.growth,
        refId: input.requestId,
        now,
        by: ctx.openid,
        reason: input.reason,
      }),
    );
    await tx.set(COLLECTIONS.members, before._id, { ...moved.member });
    return { member: moved.member, awarded: moved.newBadges };
  });
  await countAwards(services.counters, outcome.awarded);
  console.info(`[ops.adjust] ${entryId} by ${ctx.openid}: points ${input.points}, growth ${input.growth}: ${input.reason}`);
  return { entryId, balance: { points: outcome.member.points, growth: outcome.member.growth }, tier: outcome.member.tier };
});
