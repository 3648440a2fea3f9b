import { AppError } from '@shared/errors';
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
 * `member.profile` — nickname (≤ 20 characters, content-checked), avatar (a cloud fileID from
 * chooseAvatar) and/or whether the member appears by nickname on the invite leaderboard.
 * Round trips: the member, the rate limit, the update (3).
 */
export const profile = contractAction('member', 'profile', async ({ nickname, avatarFileId, leaderboardOptIn }, ctx: RequestContext) => {
  const { services, member } = ctx;
  await services.rateLimiter.hit('profile', ctx.openid, PROFILE_RATE, ctx.now);
  if (nickname !== undefined && !(await nicknameAllowed(ctx, nickname))) throw new AppError('CONTENT_REJECTED');
  const patch: { nickname?: string; avatarUrl?: string; leaderboardOptIn?: boolean } = {};
  if (nickname !== undefined) patch.nickname = nickname;
  // A cloud:// fileID renders directly in the mini-program's <image>.
  if (avatarFileId !== undefined) patch.avatarUrl = avatarFileId;
  if (leaderboardOptIn !== undefined) patch.leaderboardOptIn = leaderboardOptIn;
  await services.members.setProfile(ctx.openid, patch);
  return {
    nickname: patch.nickname ?? member.nickname,
    avatarUrl: patch.avatarUrl ?? member.avatarUrl,
    leaderboardOptIn: patch.leaderboardOptIn ?? member.leaderboardOptIn,
  };
});
