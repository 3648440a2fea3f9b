import { contractAction } from '../_common/entry';
import { DELETE_ACCOUNT_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';
import { forgetTeamMember } from '../_common/teams';
import { anonymiseReferences, markDeleting, removeMemberData, settleMemberHolds, settleVouchers } from './accountDeletion';

/**
 * `member.deleteAccount` `{confirm: true}` — removes the member's personal data; what the brand
 * must keep stays without the openid (`accountDeletion.ts`, `shared/domain/accountDeletion.ts`):
 *  1. the deletion mark on the member document, in a transaction: from then on nothing of the
 *     member's is written — their calls in flight refuse (ACCOUNT_DELETING), new ones too;
 *  2. the salted hash of the openid, so a returning member is not "new" for invites;
 *  3. units of stock their calls still hold are settled;
 *  4. unused vouchers are cancelled as ops would (points, limit, stock back), used ones kept anonymised;
 *  5. the ledger, donations (they stay with their charity projects), ops audit entries about them
 *     (who did what and why stays; the values changed, a birthday, are cleared) and other members'
 *     records move to the anonymous id; a team not started yet loses them (handed over or
 *     dissolved), a started one keeps its bar with them anonymised;
 *  6. check-ins, attempts, caps, leaderboard rows, the invite card — and last the member document,
 *     with what lives on it (birthday and its gift, tier-entry rewards, campaigns joined, tree nodes).
 * Every step can run again: a deletion that died half way is finished by asking again (the
 * member's other calls are refused meanwhile). A later call starts a new, empty membership.
 *
 * Round trips: about 25 plus a transaction per voucher (deletion is rare).
 */
export const deleteAccount = contractAction('member', 'deleteAccount', async (_input, ctx: RequestContext) => {
  const { openid, services } = ctx;
  await services.rateLimiter.hit('deleteAccount', openid, DELETE_ACCOUNT_RATE, ctx.now);
  const { mark, member } = await markDeleting(ctx);
  await services.deletedMembers.record(openid);
  await settleMemberHolds(services, openid);
  await settleVouchers(ctx, mark.anon);
  await anonymiseReferences(services, member, mark.anon);
  await forgetTeamMember(services, member, ctx.program.challenges, mark.anon, ctx.now);
  await removeMemberData(services, member);
  // Nothing that could identify the member in the log: only where their kept records went.
  console.info(`[deleteAccount] an account was deleted; the records kept are under ${mark.anon}`);
  return { deleted: true as const };
});
