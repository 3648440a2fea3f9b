import { ANONYMOUS_NAME, competitionRanks, countActivation, leaderboardName, leaderboardRowId, rankFromAbove } from './inviteLeaderboard';

describe('the invite leaderboard', () => {
  it('keeps one row per inviter and month, raised once per activation', () => {
    const first = countActivation(null, '2026-12', 'oA', '2026-12-01T02:00:00.000Z');
    expect(first).toEqual({ _id: '2026-12_oA', month: '2026-12', inviter: 'oA', count: 1, reachedAt: '2026-12-01T02:00:00.000Z' });
    expect(countActivation(first, '2026-12', 'oA', '2026-12-03T02:00:00.000Z')).toMatchObject({
      count: 2,
      reachedAt: '2026-12-03T02:00:00.000Z',
    });
    expect(leaderboardRowId('2027-01', 'oA')).toBe('2027-01_oA');
  });

  it('ranks ties together and skips after them (1, 2, 2, 4)', () => {
    expect(competitionRanks([5, 3, 3, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([2, 2, 2])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
    expect(rankFromAbove(0)).toBe(1);
    expect(rankFromAbove(20)).toBe(21);
  });

  it('names only members who opted in (and the caller themself); everyone else is anonymous', () => {
    expect(leaderboardName({ nickname: '小林', leaderboardOptIn: true }, false)).toBe('小林');
    expect(leaderboardName({ nickname: '小禾', leaderboardOptIn: false }, false)).toBe(ANONYMOUS_NAME);
    expect(leaderboardName({ nickname: '小禾', leaderboardOptIn: false }, true)).toBe('小禾');
    expect(leaderboardName(null, false)).toBe('匿名会员');
  });
});
