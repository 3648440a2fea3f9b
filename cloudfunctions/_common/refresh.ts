import { birthdayGiftDue } from '@shared/domain/birthday';
import type { StoredMember } from '@shared/domain/member';
import { needsWrite, reevaluate } from '@shared/domain/progression';
import { dueSettlement, isSettlementDue } from '@shared/domain/settlement';
import type { Program } from '@shared/content/validateProgram';
import { toIso } from '@shared/time/shanghai';
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
 * What a member's visit (home) settles before it is shown, through the account like every member
 * write, in one transaction and only when something is due — so a warm home usually costs nothing here:
 * - points that fell due since (expiry, pending purchase points released), so home never shows a
 *   balance the timer job has not caught up with yet;
 * - tier, badges and tree nodes re-evaluated (growth may have left the window; ops may have added
 *   a badge or a node the member already qualifies for — what it unlocks is delivered then);
 * - the birthday gift, on the first visit of the birthday month (once a year: the gift's year is
 *   on the member document, read and written by this transaction, so 20 parallel visits credit
 *   it once). Outside the birthday month this costs no read at all.
 */
export async function refreshMember(ctx: RequestContext): Promise<StoredMember> {
  const { member, program, now, services } = ctx;
  const due = isSettlementDue(dueSettlement(member, program.settings, now)) || birthdayGiftDue(member, program.settings, now) !== null;
  if (!due && !needsWrite(member, reevaluate(member, program, now))) return member;
  return accountTransaction(services, program, now, async (account) => {
    if (!(await account.find(ctx.openid))) return member;
    await account.settle(ctx.openid);
    const current = await account.get(ctx.openid);
    const gift = birthdayGiftDue(current, program.settings, now);
    if (gift) {
      account.edit(ctx.openid, (m) => ({ ...m, birthdayGift: { ...gift, at: toIso(now) } }));
      return (
        await account.apply(
          ctx.openid,
          { points: gift.points, growth: gift.growth },
          { kind: 'birthday_gift', refId: `birthday-${gift.year}` },
        )
      ).member;
    }
    return (await account.refresh(ctx.openid)).member;
  });
}
