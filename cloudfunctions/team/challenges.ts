import { challengePhase } from '@shared/domain/teamChallenge';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { challengeView, teamProgress } from '../_common/teamViews';

/**
 * `team.challenges` — the challenges open for teams or running, soonest to end first, each with
 * the caller's team in it (or null). Round trips: the member (1) · their teams, only when they
 * are in one (1).
 */
export const challenges = contractAction('team', 'challenges', async (_input, ctx: RequestContext) => {
  const { member, now, program, services } = ctx;
  const shown = program.challenges
    .filter((c) => {
      const phase = challengePhase(c, now);
      return phase === 'open' || phase === 'running';
    })
    .sort((a, b) => a.endAt.localeCompare(b.endAt) || a._id.localeCompare(b._id));
  const ids = shown.flatMap((c) => (member.teams[c._id] ? [member.teams[c._id]] : []));
  const teams = ids.length ? await services.teams.many(ids) : new Map();
  return {
    challenges: shown.map((c) => {
      const team = teams.get(member.teams[c._id] ?? '');
      return { challenge: challengeView(c, program, now), team: team ? teamProgress(team, c, now) : null };
    }),
  };
});
