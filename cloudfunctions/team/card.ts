import { AppError } from '@shared/errors';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { sharedCodeUrl } from '../_common/shareCodes';
import { TEAM_JOIN_PAGE, teamSharePath, teamShareTitle } from '../_common/teamViews';
import { teamByCode } from './lookup';

/**
 * `team.card {teamId}` — the team's share card and poster for a member of it: the share path
 * (the join page with the team code and the sharer's invite code, so a friend new to the program
 * is bound by the invite rules), a title without reward wording, and the mini-program code of the
 * join page (scene `t=<team>&i=<invite code>`, drawn once per sharer and team).
 * Round trips: the member, the team, the captain, the stored code (4; the first time + 1).
 */
export const card = contractAction('team', 'card', async ({ teamId }, ctx: RequestContext) => {
  const { openid, member, now, services } = ctx;
  const { team, challenge } = await teamByCode(ctx, teamId);
  if (!team.members.some((m) => m.openid === openid)) throw new AppError('NOT_FOUND', '你不在这支队伍里');
  const scene = `t=${team._id}&i=${member.inviteCode}`;
  const [captain, qrUrl] = await Promise.all([
    team.captain === openid ? Promise.resolve(member) : services.members.get(team.captain),
    sharedCodeUrl(services, `team_${team._id}_${member.inviteCode}`, { page: TEAM_JOIN_PAGE, scene }, now),
  ]);
  return {
    code: team._id,
    sharePath: teamSharePath(team._id, member.inviteCode),
    shareTitle: teamShareTitle(member.nickname, challenge),
    qrUrl,
    challengeTitle: challenge.title,
    captainNickname: captain?.nickname ?? '已注销会员',
    nickname: member.nickname,
    avatarUrl: member.avatarUrl,
  };
});
