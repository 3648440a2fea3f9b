import { joinRefusal, teamState } from '@shared/domain/teamChallenge';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { challengeView } from '../_common/teamViews';
import { teamByCode } from './lookup';

type Refusal = 'TEAM_FULL' | 'ALREADY_IN_TEAM' | 'CHALLENGE_CLOSED';

/**
 * `team.preview {code}` — what the join page shows a friend before 加入: the challenge, who
 * invites (the captain) and who is in, and whether the caller could join now (and why not).
 * Changes nothing. Round trips: the member, the team, the roster (3).
 */
export const preview = contractAction('team', 'preview', async ({ code }, ctx: RequestContext) => {
  const { openid, member, now, program, services } = ctx;
  const { team, challenge } = await teamByCode(ctx, code);
  const people = await services.members.many(team.members.map((m) => m.openid));
  const person = (id: string) => {
    const p = people.get(id);
    return { nickname: p?.nickname ?? '已注销会员', avatarUrl: p?.avatarUrl ?? '' };
  };
  const inThisTeam = team.members.some((m) => m.openid === openid);
  const refusal = inThisTeam ? null : (joinRefusal(team, challenge, openid, now, member.teams) as Refusal | null);
  return {
    challenge: challengeView(challenge, program, now),
    team: {
      code: team._id,
      captain: person(team.captain),
      roster: team.members.map((m) => person(m.openid)),
      members: team.members.length,
      maxMembers: challenge.teamSize.max,
      status: teamState(team, challenge, now).status,
    },
    inThisTeam,
    refusal,
  };
});
