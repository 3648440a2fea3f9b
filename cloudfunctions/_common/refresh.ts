import type { StoredMember } from '@shared/domain/member';
import { needsWrite, reevaluate } from '@shared/domain/progression';
import { dueSettlement, isSettlementDue } from '@shared/domain/settlement';
import type { Program } from '@shared/content/validateProgram';
import { accountTransaction } from './account';
import type { RequestContext, Services } from './services';

/**
 * Settles what fell due on the caller's points since their last write (expiry, pending purchase
 * points released), before the action looks at the balance — so the member can spend released
 * points at 00:01 without waiting for the timer. A transaction only when something is due (one
 * day a week at most for most members); the member as it is otherwise.
 */
export async function settledMember(services: Services, program: Program, member: StoredMember, now: number): Promise<StoredMember> {
  if (member.deleting || !isSettlementDue(dueSettlement(member, program.settings, now))) return member;
  return accountTransaction(services, program, now, async (account) => {
    if (!(await account.find(member._id))) return member;
    // Writes only what is still due: a parallel call that settled first leaves nothing to write.
    await account.settle(member._id);
    return (await account.find(member._id)) ?? member;
  });
}

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
