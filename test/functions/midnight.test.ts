import { cloudForSuite, memberId } from './support/cloud';
import { shanghai } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * "Today" is the Asia/Shanghai day whatever the process time zone: run under TZ=UTC and
 * TZ=America/Los_Angeles too (`TZ=America/Los_Angeles npx jest test/functions/midnight`).
 */
const cloud = cloudForSuite();

beforeAll(async () => {
  // Warm instances: the clock keeps running after a jump, so the calls right after 23:59:59 must be quick.
  await cloud.ok('checkin', 'calendar', memberId('warmup'), { month: '2030-06' });
  await cloud.ok('member', 'home', memberId('warmup'), {});
}, 120_000);

it('23:59:59 and 00:00:00 Shanghai are two days: two check-ins, a streak of 2', async () => {
  const who = memberId('midnight');
  cloud.lc.setClock(shanghai('2030-06-30 23:59:59'));
  const late = await cloud.ok('checkin', 'checkin', who, {});
  cloud.lc.setClock(shanghai('2030-07-01 00:00:00'));
  const early = await cloud.ok('checkin', 'checkin', who, {});
  expect([late.date, early.date]).toEqual(['2030-06-30', '2030-07-01']);
  expect([late.alreadyCheckedIn, early.alreadyCheckedIn]).toEqual([false, false]);
  expect(early.streak).toEqual({ current: 2, best: 2, lastDate: '2030-07-01' });
  const ids = (await cloud.docs('checkins', { openid: who })).map((d) => d._id).sort();
  expect(ids).toEqual([`${who}_2030-06-30`, `${who}_2030-07-01`]);

  // Each month's calendar holds its own day.
  const june = await cloud.ok('checkin', 'calendar', who, { month: '2030-06' });
  const july = await cloud.ok('checkin', 'calendar', who, { month: '2030-07' });
  expect(june.days.map((d) => d.date)).toEqual(['2030-06-30']);
  expect(july.days.map((d) => d.date)).toEqual(['2030-07-01']);
  expect(july.today).toBe('2030-07-01');
});

it('16:00 UTC is already tomorrow in Shanghai, 15:59 UTC still today', async () => {
  const who = memberId('utcedge');
  cloud.lc.setClock('2030-08-10T15:59:00.000Z');
  const a = await cloud.ok('checkin', 'checkin', who, {});
  cloud.lc.setClock('2030-08-10T16:00:30.000Z');
  const b = await cloud.ok('checkin', 'checkin', who, {});
  expect([a.date, b.date]).toEqual(['2030-08-10', '2030-08-11']);
  const home = await cloud.ok('member', 'home', who, {});
  expect(home.today).toBe('2030-08-11');
  expect(home.member.checkedInToday).toBe(true);
});
