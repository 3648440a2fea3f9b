import { toIso, dayOf } from '@shared/time/shanghai';
import { bindRejection } from '@shared/domain/inviteActivation';
import { AppError, type ErrorCode } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { InviteDoc } from '../_common/invites';
import { randomId } from '../_common/random';
import { INVITE_BIND_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';

const LOGGED: readonly ErrorCode[] = ['NOT_FOUND', 'SELF_INVITE', 'ALREADY_INVITED', 'NOT_NEW_MEMBER'];

/**
 * `invite_attempts`: every rejected bind, with its reason (the ops funnel counts them). Written in
 * the member's transaction (`lock`), so a bind refused while the account is being deleted leaves
 * no row under the openid.
 */
async function logRejection(ctx: RequestContext, code: string, inviter: string | null, reason: ErrorCode): Promise<void> {
  const { openid, now, program, services } = ctx;
  await accountTransaction(services, program, now, async (account) => {
    await account.lock(openid);
    await account.tx.set(COLLECTIONS.inviteAttempts, randomId(), {
      invitee: openid,
      inviter,
      code,
      reason,
      createdAt: toIso(now),
      day: dayOf(now),
    });
  }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'ACCOUNT_DELETING') throw err;
    console.warn('[invite.bind] attempt not logged', err);
  });
}

/**
 * `invite.bind` `{code}` — on a new member's first open with an invite: binds them to the
 * inviter, once. Only a new member (joined < 24 h ago, no check-in yet, never an account deleted
 * before: `deleted_members`), never oneself, never a second time. Binding pays nobody: the
 * inviter is rewarded when the friend activates. Rate-limited per member (`INVITE_BIND_RATE`):
 * each refusal is a row of `invite_attempts` and counts in the ops figures.
 *
 * Round trips: the member, the rate limit (2) · the inviter by code and the deleted-member hash,
 * in parallel (1) · transaction start, member, invite, invite, member, commit (6); a refusal:
 * a transaction of 4 more to log it.
 */
export const bind = contractAction('invite', 'bind', async ({ code }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  await services.rateLimiter.hit('inviteBind', openid, INVITE_BIND_RATE, now);
  const [inviter, returning] = await Promise.all([services.members.byInviteCode(code), services.deletedMembers.includes(openid)]);
  try {
    if (!inviter) throw new AppError('NOT_FOUND', '邀请码不存在，请确认后再试');
    await accountTransaction(services, program, now, async (account) => {
      const { tx } = account;
      const me = await account.get(openid);
      const rejection = bindRejection(inviter._id, { ...me, returning }, program.settings, now);
      if (rejection) throw new AppError(rejection);
      if (await tx.get<unknown>(COLLECTIONS.invites, openid)) throw new AppError('ALREADY_INVITED');
      const iso = toIso(now);
      const invite: InviteDoc = {
        _id: openid,
        inviter: inviter._id,
        code,
        status: 'bound',
        boundAt: iso,
        activatedAt: null,
        via: null,
        days: [],
        reward: null,
        rewardedAt: null,
        rewardSkippedReason: null,
      };
      await tx.set(COLLECTIONS.invites, openid, { ...invite });
      account.edit(openid, (m) => ({ ...m, invitedBy: inviter._id, invitedAt: iso }));
    });
  } catch (err) {
    if (err instanceof AppError && LOGGED.includes(err.code)) await logRejection(ctx, code, inviter?._id ?? null, err.code);
    throw err;
  }
  return { bound: true as const, inviterNickname: inviter.nickname };
});
