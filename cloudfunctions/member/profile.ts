import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { contractAction } from '../_common/entry';
import { PROFILE_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';

/**
 * Whether WeChat's content check lets a nickname through (`security.msgSecCheck` v2, scene 1 =
 * profile). Fails closed: if the check cannot run, the nickname is not saved.
 */
async function nicknameAllowed(ctx: RequestContext, nickname: string): Promise<boolean> {
  try {
    const res = await ctx.services.cloud.openapi.security.msgSecCheck({ content: nickname, version: 2, scene: 1, openid: ctx.openid });
    return res.result?.suggest === 'pass';
  } catch (err) {
    const code = (err as { errCode?: unknown }).errCode;
    if (code === 87014) return false; // v1-style "risky content"
    console.warn('[profile] msgSecCheck failed', err);
    throw new AppError('BUSY');
  }
}

/**
 * The birthday, set once by the member (a change is `ops.setBirthday`, audited): a transaction on
 * the member document, so two first settings racing agree on one (and a deletion mark refuses it,
 * through the account). The same value again is a no-op.
 */
async function setBirthdayOnce(ctx: RequestContext, birthday: string): Promise<void> {
  if (ctx.member.birthday === birthday) return;
  if (ctx.member.birthday !== null) throw new AppError('ALREADY_SET');
  await accountTransaction(ctx.services, ctx.program, ctx.now, async (account) => {
    const current = await account.get(ctx.openid);
    if (current.birthday === birthday) return;
    if (current.birthday !== null) throw new AppError('ALREADY_SET');
    account.edit(ctx.openid, (m) => ({ ...m, birthday }));
  });
}

/**
 * `member.profile` — nickname (≤ 20 characters, content-checked), avatar (a cloud fileID from
 * chooseAvatar), whether the member appears by nickname on the invite leaderboard, and/or birthday
 * (`MM-DD`, once; ALREADY_SET when it differs from the one set).
 * Round trips: the member, the rate limit, the update (3); a birthday: + its transaction (4).
 */
export const profile = contractAction(
  'member',
  'profile',
  async ({ nickname, avatarFileId, leaderboardOptIn, birthday }, ctx: RequestContext) => {
    const { services, member } = ctx;
    await services.rateLimiter.hit('profile', ctx.openid, PROFILE_RATE, ctx.now);
    if (birthday !== undefined && member.birthday !== null && member.birthday !== birthday) throw new AppError('ALREADY_SET');
    if (nickname !== undefined && !(await nicknameAllowed(ctx, nickname))) throw new AppError('CONTENT_REJECTED');
    if (birthday !== undefined) await setBirthdayOnce(ctx, birthday);
    const patch: { nickname?: string; avatarUrl?: string; leaderboardOptIn?: boolean } = {};
    if (nickname !== undefined) patch.nickname = nickname;
    // A cloud:// fileID renders directly in the mini-program's <image>.
    if (avatarFileId !== undefined) patch.avatarUrl = avatarFileId;
    if (leaderboardOptIn !== undefined) patch.leaderboardOptIn = leaderboardOptIn;
    if (Object.keys(patch).length > 0) await services.members.setProfile(ctx.openid, patch);
    return {
      nickname: patch.nickname ?? member.nickname,
      avatarUrl: patch.avatarUrl ?? member.avatarUrl,
      leaderboardOptIn: patch.leaderboardOptIn ?? member.leaderboardOptIn,
      birthday: birthday ?? member.birthday,
    };
  },
);
