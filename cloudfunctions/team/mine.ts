import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { challengeView } from '../_common/teamViews';
import { challengeOf, viewFor } from './lookup';

/**
 * `team.mine {challengeId}` — the challenge and the caller's team in it (null when they have
 * none): the roster with each member's contribution, the bar, status, days left, what the team
 * wins and whether this member's reward is paid. Round trips: the member, the team, the roster
 * (3); without a team 1.
 */
export const mine = contractAction('team', 'mine', async ({ challengeId }, ctx: RequestContext) => {
  const { member, now, program, services } = ctx;
  const challenge = challengeOf(ctx, challengeId);
  const teamId = member.teams[challenge._id];
  const team = teamId ? await services.teams.get(teamId) : null;
  return { challenge: challengeView(challenge, program, now), team: team ? await viewFor(ctx, team, challenge) : null };
});
