import { joinRefusal, withMember } from '@shared/domain/teamChallenge';
import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { normalizeTeam } from '../_common/teams';
import { challengeView } from '../_common/teamViews';
import { teamByCode, viewFor } from './lookup';

/**
 * `team.join {code}` — joins the team of a shared code. Refused with `CHALLENGE_CLOSED` outside
 * the joining window (from `joinFrom` until `startAt` + the grace), `ALREADY_IN_TEAM` when the
 * caller has a team in this challenge, `TEAM_FULL` at `teamSize.max`, `NOT_FOUND` for an unknown
 * code. The team document and the member's `teams` are read and written in one transaction: 20
 * members racing for the last places of a team of 5 conflict on the team and retry on a fresh
 * snapshot, so exactly 5 get in and the rest are told it is full.
 *
 * Round trips: the member, the team (2) · transaction start, member, team, team, member, commit
 * (6) · the roster (1) = 9.
 */
export const join = contractAction('team', 'join', async ({ code }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const { challenge } = await teamByCode(ctx, code);
  const team = await accountTransaction(services, program, now, async (account) => {
    const me = await account.get(openid);
    const current = normalizeTeam(await account.tx.get<unknown>(COLLECTIONS.teams, code));
    if (!current) throw new AppError('NOT_FOUND', '这支队伍已解散');
    const refusal = joinRefusal(current, challenge, openid, now, me.teams);
    if (refusal)
      throw new AppError(
        refusal,
        refusal === 'CHALLENGE_CLOSED' ? closedMessage(now, challenge.joinFrom, current.completedAt !== null) : undefined,
      );
    const joined = withMember(current, openid, now);
    await account.tx.set(COLLECTIONS.teams, code, { ...joined });
    account.edit(openid, (m) => ({ ...m, teams: { ...m.teams, [challenge._id]: code } }));
    return joined;
  });
  return { challenge: challengeView(challenge, program, now), team: await viewFor(ctx, team, challenge) };
});

function closedMessage(now: number, joinFrom: string, completed: boolean): string {
  if (completed) return '这支队伍已经完成挑战了';
  return now < Date.parse(joinFrom) ? '挑战还没开放组队，请稍后再来' : '这个挑战已经截止加入了';
}
