import type { CheckinData } from '@shared/contracts/checkin';
import { ledgerConsistency, memberId, OPS, startTestCloud, type TestCloud } from './support/cloud';
import { shanghai } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * checkin.checkin / checkin.calendar on localcloud through the real SDK: once per Shanghai day
 * whatever the parallelism, streaks from yesterday only, rewards from settings, badges / nodes /
 * tier settled in the same request.
 */
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const checkin = (openid: string) => cloud.ok('checkin', 'checkin', openid, {});

describe('20 parallel check-ins of one member', () => {
  it('check in once: one check-in, one ledger entry, one reward, and all 20 answers agree', async () => {
    const who = memberId('parallel');
    await cloud.ok('member', 'home', who, {});
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkin(who)));

    expect(answers.filter((a) => !a.alreadyCheckedIn)).toHaveLength(1);
    const strip = ({ alreadyCheckedIn: _a, ...rest }: CheckinData) => rest;
    for (const a of answers) expect(strip(a)).toEqual(strip(answers[0]));
    expect(answers[0].reward.points).toBe(10);

    expect(await cloud.docs('checkins', { openid: who })).toHaveLength(1);
    const ledger = await cloud.docs('ledger', { openid: who });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'checkin', points: 10, growth: 10 });
    const [member] = await cloud.docs('members', { _id: who });
    expect(member).toMatchObject({ points: 10, growth: 10, checkinDays: 1 });
    // The first check-in lights the 坚持 branch's first node (its badge is 初次签到) and so the first leaf.
    expect((member.badges as Array<{ id: string }>).map((b) => b.id)).toEqual(['first_checkin', 'tree_first_leaf']);
    expect(member.nodes).toEqual([{ id: 'persist_1', unlockedAt: expect.any(String) }]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  }, 60_000);

  it('a repeat the same day changes nothing and answers the day result', async () => {
    const who = memberId('repeat');
    const first = await checkin(who);
    const before = await cloud.docs('ledger', { openid: who });
    const again = await checkin(who);
    expect(again).toEqual({ ...first, alreadyCheckedIn: true });
    expect(await cloud.docs('ledger', { openid: who })).toEqual(before);
  });
});

describe('streaks, rewards, badges, nodes and tier across days', () => {
  const who = memberId('streaker');

  afterAll(() => cloud.lc.setClock(null));

  it('continues only from yesterday, pays the 7-day bonus, lights badges and nodes once', async () => {
    const results: CheckinData[] = [];
    for (let d = 1; d <= 8; d++) {
      cloud.lc.setClock(shanghai(`2031-03-${String(d).padStart(2, '0')} 09:00:00`));
      results.push(await checkin(who));
    }
    expect(results.map((r) => r.streak.current)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Day 7: base 10 + bonus 30 points, 10 + 20 growth.
    expect(results[6].reward).toEqual({ points: 40, growth: 30, bonus: { points: 30, growth: 20, milestones: [7] }, boost: null });
    expect(results[6].newBadges.map((b) => b.id)).toEqual(['streak_7']);
    expect(results[0].newBadges.map((b) => b.id)).toEqual(['first_checkin', 'tree_first_leaf']);
    // 坚持 lights on the first check-in day, saying what it unlocked; 学习 waits for offline events and
    // courses, 社群 and 公益 for invites and donations — whatever the growth.
    expect(results[0].newNodes).toEqual([
      { id: 'persist_1', title: '第一次打卡', branch: 'persist', branchName: '坚持', unlocksText: '解锁：「初次签到」徽章' },
    ]);
    expect(results.flatMap((r) => r.newNodes.map((n) => n.id))).toEqual(['persist_1']);
    // 8 check-ins: 110 points (no node paid points: persist_1 gives a badge).
    expect(results[1].balance).toEqual({ points: 20, growth: 20 });
    expect(results[7].balance).toEqual({ points: 110, growth: 100 });
    const ledger = await cloud.docs<{ kind: string; points: number; refId: string }>('ledger', { openid: who });
    expect(ledger.filter((e) => e.kind === 'node_reward')).toEqual([]);

    // A gap of a day restarts the streak at 1; the best streak stays.
    cloud.lc.setClock(shanghai('2031-03-10 09:00:00'));
    const restarted = await checkin(who);
    expect(restarted.streak).toEqual({ current: 1, best: 8, lastDate: '2031-03-10' });
    expect(restarted.newBadges).toEqual([]);

    const [member] = await cloud.docs('members', { _id: who });
    const ids = (member.badges as Array<{ id: string }>).map((b) => b.id);
    expect(ids.sort()).toEqual(['first_checkin', 'streak_7', 'tree_first_leaf']);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  }, 60_000);

  it('reports the tier change in the check-in that crosses the threshold', async () => {
    cloud.lc.setClock(shanghai('2031-03-11 09:00:00'));
    // 350 growth makes advanced: ops grant 235 brings the window to 345, the check-in adds 10.
    await cloud.ok('ops', 'adjust', OPS, { openid: who, points: 0, growth: 235, reason: '线下活动', requestId: 'tier-grant-0001' });
    const crossed = await checkin(who);
    // With the tier-up ceremony, advanced's entry reward: 100 points and a 会员优先购 voucher, given.
    expect(crossed.tierChanged).toEqual({
      from: 'basic',
      to: 'advanced',
      toName: '进阶层',
      entryReward: { points: 100, packTitle: '会员优先购' },
    });
    const home = await cloud.ok('member', 'home', who, {});
    expect(home.member.tier).toBe('advanced');
    const gift = await cloud.docs<Record<string, unknown>>('redemptions', { _id: `${who}_tier-advanced-2031` });
    expect(gift).toEqual([
      expect.objectContaining({ packId: 'adv_priority_buy', cost: 0, stockTaken: false, gift: 'tier_entry', status: 'issued' }),
    ]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('gives the month calendar with each day, its streak and reward', async () => {
    cloud.lc.setClock(shanghai('2031-03-11 10:00:00'));
    const cal = await cloud.ok('checkin', 'calendar', who, { month: '2031-03' });
    expect(cal.days.map((d) => d.date)).toEqual([
      '2031-03-01',
      '2031-03-02',
      '2031-03-03',
      '2031-03-04',
      '2031-03-05',
      '2031-03-06',
      '2031-03-07',
      '2031-03-08',
      '2031-03-10',
      '2031-03-11',
    ]);
    expect(cal.days[6]).toEqual({ date: '2031-03-07', streak: 7, points: 40, growth: 30, bonus: true });
    expect(cal).toMatchObject({ today: '2031-03-11', checkedInToday: true, totals: { days: 10, points: 130, growth: 120 } });
    expect(cal.streak.current).toBe(2);
    const other = await cloud.ok('checkin', 'calendar', who, { month: '2031-02' });
    expect(other.days).toEqual([]);
  });
});
