import { birthdayGiftDue } from '@shared/domain/birthday';
import type { StoredMember } from '@shared/domain/member';
import { needsWrite, reevaluate } from '@shared/domain/progression';
import { toIso } from '@shared/time/shanghai';
import { accountTransaction } from './account';
import type { RequestContext } from './services';

/**
 * What a member's visit (home) settles before it is shown, through the account like every member
 * write, in one transaction and only when something is due — so a warm home usually costs nothing here:
 * - tier, badges and tree nodes re-evaluated (growth may have left the window; ops may have added
 *   a badge or a node the member already qualifies for — what it unlocks is delivered then);
 * - the birthday gift, on the first visit of the birthday month (once a year: the gift's year is
 *   on the member document, read and written by this transaction, so 20 parallel visits credit
 *   it once). Outside the birthday month this costs no read at all.
 */
export async function refreshMember(ctx: RequestContext): Promise<StoredMember> {
  const { member, program, now, services } = ctx;
  if (!birthdayGiftDue(member, program.settings, now) && !needsWrite(member, reevaluate(member, program, now))) return member;
  return accountTransaction(services, program, now, async (account) => {
    const current = await account.find(ctx.openid);
    if (!current) return member;
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
