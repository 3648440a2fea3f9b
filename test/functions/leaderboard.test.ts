import { cloudForSuite, memberId } from './support/cloud';
import { putContent, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * invite.leaderboard on localcloud (strict indexes: the board is read on its index, never a
 * scan): inviters ranked by friends who activated in the Shanghai month, names only for members
 * who opted in, the caller's own rank even far below the top 20.
 */
const cloud = cloudForSuite();

beforeAll(async () => {
  await putContent(cloud, 'benefit_packs', [testPack('lb_pack', { stock: null, cost: 0 })]);
}, 120_000);

const at = (dayTime: string) => cloud.lc.setClock(shanghai(dayTime));
const board = (who: string) => cloud.ok('invite', 'leaderboard', who, { period: 'month' });

/** A new friend accepts `inviter`'s invite; with `activate` they redeem a first pack, which activates them. */
async function invite(inviter: string, friend: string, activate: boolean): Promise<void> {
  const { code } = await cloud.ok('invite', 'card', inviter, {});
  await cloud.ok('invite', 'bind', friend, { code });
  if (activate) await cloud.ok('redeem', 'redeem', friend, { packId: 'lb_pack', requestId: `lb-${friend.slice(1, 12)}` });
}

it('counts friends who activated (not binds) in the month, and names only members who opted in', async () => {
  at('2030-03-10 10:00:00');
  const [lin, he, zhou] = ['lbLin', 'lbHe', 'lbZhou'].map(memberId);
  await cloud.ok('member', 'profile', lin, { nickname: '林小满' });
  await cloud.ok('member', 'profile', he, { nickname: '小禾' });
  await cloud.ok('member', 'profile', zhou, { nickname: '周周' });

  await invite(lin, memberId('lbF1'), true);
  await invite(lin, memberId('lbF2'), false); // bound, never active: not on the board
  await invite(he, memberId('lbF3'), true);
  await invite(zhou, memberId('lbF4'), false);

  const seenByLin = await board(lin);
  expect(seenByLin.month).toBe('2030-03');
  expect(seenByLin.rows.map((r) => [r.rank, r.nickname, r.activated, r.me])).toEqual([
    [1, '林小满', 1, true],
    [1, '匿名会员', 1, false],
  ]);
  expect(seenByLin.rows[1].avatarUrl).toBe('');
  expect(seenByLin.mine).toEqual({ rank: 1, activated: 1 });
  expect(seenByLin.optedIn).toBe(false);
  // Someone who activated nobody this month has no rank yet.
  expect((await board(zhou)).mine).toBeNull();
  expect((await board(zhou)).rows.map((r) => r.nickname)).toEqual(['匿名会员', '匿名会员']);

  // 小禾 switches it on in the profile: from now on the board names them.
  const saved = await cloud.ok('member', 'profile', he, { leaderboardOptIn: true });
  expect(saved.leaderboardOptIn).toBe(true);
  expect((await cloud.ok('member', 'home', he, {})).member.leaderboardOptIn).toBe(true);
  expect((await board(zhou)).rows.map((r) => r.nickname).sort()).toEqual(['匿名会员', '小禾']);

  // A second activation puts 林小满 ahead alone.
  await invite(lin, memberId('lbF5'), true);
  expect((await board(he)).rows.map((r) => [r.rank, r.nickname, r.activated])).toEqual([
    [1, '匿名会员', 2],
    [2, '小禾', 1],
  ]);
  expect((await board(he)).mine).toEqual({ rank: 2, activated: 1 });

  // A new month starts empty.
  at('2030-04-01 00:00:00');
  expect(await board(lin)).toMatchObject({ month: '2030-04', rows: [], mine: null });
});

it('shows the top 20 and the caller’s own rank far below them (ties share a rank)', async () => {
  at('2030-05-20 10:00:00');
  const inviters = Array.from({ length: 24 }, (_v, i) => memberId(`lbTop${i}`));
  // The counters as activations leave them (one row per inviter and month), written directly to set up the ranks quickly.
  await Promise.all(
    inviters.map((inviter, i) =>
      cloud.db.add('invite_months', {
        _id: `2030-05_${inviter}`,
        month: '2030-05',
        inviter,
        count: i < 2 ? 30 : 30 - i,
        reachedAt: shanghai(`2030-05-0${(i % 9) + 1} 10:00:00`),
      }),
    ),
  );
  const caller = inviters[23];
  await cloud.ok('member', 'home', caller, {});
  const answer = await board(caller);
  expect(answer.rows).toHaveLength(20);
  expect(answer.rows.slice(0, 4).map((r) => [r.rank, r.activated])).toEqual([
    [1, 30],
    [1, 30],
    [3, 28],
    [4, 27],
  ]);
  expect(answer.rows.every((r) => r.nickname === '匿名会员' && !r.me)).toBe(true);
  expect(answer.mine).toEqual({ rank: 24, activated: 7 });
});
