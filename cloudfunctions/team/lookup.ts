import type { ChallengeDoc } from '@shared/content/challenges';
import type { TeamView } from '@shared/contracts/team';
import { AppError } from '@shared/errors';
import type { RequestContext } from '../_common/services';
import type { TeamDoc } from '../_common/teams';
import { teamView } from '../_common/teamViews';

/** The challenge of the program, or NOT_FOUND (never offered, or taken off by ops). */
export function challengeOf(ctx: RequestContext, challengeId: string): ChallengeDoc {
  const challenge = ctx.program.challenges.find((c) => c._id === challengeId);
  if (!challenge) throw new AppError('NOT_FOUND', '这个挑战不存在或已下线');
  return challenge;
}

/** A team by its code, with its challenge; NOT_FOUND for an unknown code. Round trips: 1. */
export async function teamByCode(ctx: RequestContext, code: string): Promise<{ team: TeamDoc; challenge: ChallengeDoc }> {
  const team = await ctx.services.teams.get(code);
  if (!team) throw new AppError('NOT_FOUND', '没有找到这支队伍，请确认队伍码');
  return { team, challenge: challengeOf(ctx, team.challengeId) };
}

/** The team page as the caller sees it: nicknames and avatars of the roster (round trips: 1). */
export async function viewFor(ctx: RequestContext, team: TeamDoc, challenge: ChallengeDoc): Promise<TeamView> {
  const people = await ctx.services.members.many(team.members.map((m) => m.openid));
  // The caller's own nickname as this request knows it (their record may not be among the read ones yet).
  const me = people.get(ctx.openid) ?? ctx.member;
  return teamView(team, challenge, me, people, ctx.now);
}
