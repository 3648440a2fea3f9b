import type { StoredMember } from '@shared/domain/member';
import { needsWrite, reevaluate } from '@shared/domain/progression';
import { dueSettlement, isSettlementDue } from '@shared/domain/settlement';
import { accountTransaction } from './account';
import type { RequestContext } from './services';

/**
 * Re-evaluates the caller's tier (growth may have left the window since the last write) and
 * badges (ops may have added one the member already qualifies for), and settles points that fell
 * due since (expiry, pending purchase points released) — so home never shows a balance the
 * timer job has not caught up with yet. Writes only when something changed — through the
 * account, like every member write — so a warm home usually costs nothing here.
 */
export async function refreshMember(ctx: RequestContext): Promise<StoredMember> {
  const { member, program, now, services } = ctx;
  const due = isSettlementDue(dueSettlement(member, program.settings, now));
  if (!due && !needsWrite(member, reevaluate(member, program, now))) return member;
  return accountTransaction(services, program, now, async (account) => {
    if (!(await account.find(ctx.openid))) return member;
    await account.settle(ctx.openid);
    return account.refresh(ctx.openid).member;
  });
}
