import { canLeaveNow, withoutMember } from '@shared/domain/teamChallenge';
import { AppError } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { normalizeTeam } from '../_common/teams';
import { challengeOf } from './lookup';

/**
 * `team.leave {teamId}` — leaves a team before the challenge starts (after it, the roster is
 * settled: `CHALLENGE_CLOSED`). The captain's leaving hands the team to the member who joined
 * next; a captain alone dissolves it. Round trips: the member (1) · transaction start, member,
 * team, team, member, commit (6) = 7.
 */
export const leave = contractAction('team', 'leave', async ({ teamId }, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  return accountTransaction(services, program, now, async (account) => {
    const me = await account.get(openid);
    const team = normalizeTeam(await account.tx.get<unknown>(COLLECTIONS.teams, teamId));
    if (!team || !team.members.some((m) => m.openid === openid)) throw new AppError('NOT_FOUND', '你不在这支队伍里');
    const challenge = challengeOf(ctx, team.challengeId);
    if (!canLeaveNow(challenge, now)) throw new AppError('CHALLENGE_CLOSED', '挑战已经开始，不能退出队伍了');
    const rest = withoutMember(team, openid, now);
    if (rest) await account.tx.set(COLLECTIONS.teams, teamId, { ...rest });
    else await account.tx.remove(COLLECTIONS.teams, teamId);
    if (me.teams[challenge._id] === teamId) {
      account.edit(openid, (m) => {
        const { [challenge._id]: _left, ...teams } = m.teams;
        void _left;
        return { ...m, teams };
      });
    }
    return { left: true as const, dissolved: rest === null };
  });
});
