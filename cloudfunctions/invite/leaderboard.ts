import type { LeaderboardRow } from '@shared/contracts/invite';
import { competitionRanks, LEADERBOARD_SIZE, leaderboardName, rankFromAbove } from '@shared/domain/inviteLeaderboard';
import { monthOf } from '@shared/time/shanghai';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `invite.leaderboard {period: 'month'}` — the Shanghai month's top 20 inviters by friends who
 * activated, and the caller's own rank. Only members who switched it on in their profile show by
 * nickname and avatar; everyone else is 匿名会员. Counted from `invite_months` (one row per
 * inviter and month, raised when an invite activates), read on its `(month, count, reachedAt)`
 * index — the invites themselves are never scanned.
 *
 * Round trips: the member (1) · the top rows and the caller's row, in parallel (2) · how many are
 * above the caller, when they are not among the top (1) · the nicknames (1) = 4–5.
 */
export const leaderboard = contractAction('invite', 'leaderboard', async (_input, ctx: RequestContext) => {
  const { openid, now, member, services } = ctx;
  const month = monthOf(now);
  const [top, mine] = await Promise.all([services.invites.topOfMonth(month, LEADERBOARD_SIZE), services.invites.monthRow(month, openid)]);
  const ranks = competitionRanks(top.map((r) => r.count));
  const shown = top.findIndex((r) => r.inviter === openid);
  const [above, people] = await Promise.all([
    mine && shown < 0 ? services.invites.countAbove(month, mine.count) : Promise.resolve(0),
    services.members.many(top.map((r) => r.inviter)),
  ]);
  const rows: LeaderboardRow[] = top.map((r, i) => {
    const me = r.inviter === openid;
    const person = people.get(r.inviter) ?? null;
    const named = me || person?.leaderboardOptIn === true;
    return {
      rank: ranks[i],
      nickname: leaderboardName(person, me),
      avatarUrl: named && person ? person.avatarUrl : '',
      activated: r.count,
      me,
    };
  });
  return {
    month,
    rows,
    mine: mine ? { rank: shown >= 0 ? ranks[shown] : rankFromAbove(above), activated: mine.count } : null,
    optedIn: member.leaderboardOptIn,
  };
});
