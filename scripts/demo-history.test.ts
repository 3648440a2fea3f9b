import { startTestCloud, type TestCloud } from '../test/functions/support/cloud';
import { addDays, addMonths, daysInMonth, dayOf, monthOf } from '../shared/time/shanghai';
import {
  callAs,
  DEMO_CHALLENGE,
  DEMO_FRIENDS,
  DEMO_HOST,
  DEMO_MEMBER,
  DEMO_NICKNAME,
  DEMO_TEAMMATE,
  demoBirthday,
  seedDemoHistory,
} from './demo-history';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/** The demo member `npm start` shows, built through the real functions with the clock. */
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud();
  await seedDemoHistory(cloud.lc);
}, 120_000);

afterAll(async () => {
  await cloud.close();
});

// (The test cloud leaves the demo campaigns out, so these figures do not depend on the day it runs.)
// 150 from check-ins, the invite reward, the salon grant and two redemptions; 20 from 学习's first
// node, 30 from 社群's first (the first activated friend); the birthday gift 88 (and 20 growth) on
// this first visit; 30 given to charity; 268 from last year's purchase (released), 30 from the salon
// (this week's purchase is still pending).
const POINTS = 150 + 20 + 30 + 88 - 30 + 268 + 30;
const GROWTH_IN_WINDOW = 230 + 20 + 20 + 66;
const BADGES = 6;

it('gives 林小满 a 12-day streak to yesterday, not checked in today, a ceremony and a birthday gift waiting', async () => {
  const home = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {});
  expect(home.member).toMatchObject({
    nickname: '林小满',
    checkedInToday: false,
    checkinDays: 12,
    points: POINTS,
    // Last year's purchase (268) has left the tier window: 230 + 20 (birthday) + 20 (salon) + 66 (this week's purchase) in it: 14 short of 进阶层.
    growth: 268 + GROWTH_IN_WINDOW,
    windowGrowth: GROWTH_IN_WINDOW,
    tier: 'basic',
    birthday: demoBirthday(home.today),
    birthdayMonth: true,
  });
  expect(home.birthdayGift).toMatchObject({ points: 88, growth: 20 });
  expect(home.member.streak).toMatchObject({ current: 12, best: 12 });
  expect(home.badges.newestUnseen).toMatchObject({ id: 'streak_7', name: '七日坚持' });
  expect(home.badges.earned).toBe(BADGES);
  const charity = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'charity', {});
  expect(charity).toMatchObject({ pointsDonated: 30, certificate: { nickname: '林小满', pointsDonated: 30 } });
  expect(home.invite).toMatchObject({ invited: 3, activated: 1 });
  expect(home.packs.some((p) => p.eligibility.eligible)).toBe(true);
});

it('has a used and an unused voucher, and friends in three different states', async () => {
  const mine = await callAs(cloud.lc, DEMO_MEMBER, 'redeem', 'mine', {});
  expect(mine.vouchers.map((v) => [v.packId, v.status])).toEqual([
    ['basic_annual_kit', 'issued'],
    ['basic_points_coupon', 'used'],
  ]);
  const invites = await callAs(cloud.lc, DEMO_MEMBER, 'invite', 'mine', {});
  const byName = Object.fromEntries(invites.invitees.map((i) => [i.nickname, [i.status, i.expired]]));
  expect(byName).toEqual({
    [DEMO_FRIENDS.activated.nickname]: ['rewarded', false],
    [DEMO_FRIENDS.inProgress.nickname]: ['bound', false],
    [DEMO_FRIENDS.expired.nickname]: ['bound', true],
  });
  const ledger = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'ledger', { limit: 50 });
  expect(new Set(ledger.entries.map((e) => e.kind))).toEqual(
    new Set([
      'checkin',
      'invite_reward',
      'redeem',
      'ops_adjust',
      'node_reward',
      'birthday_gift',
      'donation',
      'purchase',
      'purchase_release',
      'event_reward',
    ]),
  );
  expect(ledger.entries.reduce((s, e) => s + e.points, 0)).toBe(POINTS);
});

it('has a purchase pending, last year’s points expiring at the end of this month, and the salon attended', async () => {
  const today = dayOf(Date.now());
  const month = monthOf(today);
  const home = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {});
  expect(home.pointsOutlook).toMatchObject({
    pending: 66,
    pendingReleaseOn: addDays(today, 6),
    debt: 0,
    // 268 earned a year ago, 150 of them spent on the two vouchers and 30 donated (oldest first).
    expiring: { points: 268 - 150 - 30, lastDay: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` },
  });
  const ledger = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'ledger', { limit: 50 });
  const purchases = ledger.entries.filter((e) => e.kind === 'purchase' || e.kind === 'purchase_release');
  expect(purchases.map((e) => [e.kind, e.points, e.growth, monthOf(e.createdAt)])).toEqual([
    ['purchase', 0, 66, monthOf(addDays(today, -2))],
    ['purchase_release', 268, 0, addMonths(month, -12)],
    ['purchase', 0, 268, addMonths(month, -12)],
  ]);
  const events = await callAs(cloud.lc, DEMO_MEMBER, 'event', 'mine', {});
  expect(events.attended).toEqual([expect.objectContaining({ eventId: 'demo_reading_salon', points: 30, growth: 20 })]);
  expect(events.upcoming.map((e) => [e.id, e.phase])).toEqual(expect.arrayContaining([['demo_open_day', 'running']]));
  const hosting = await callAs(cloud.lc, DEMO_HOST, 'event', 'hosting', {});
  expect(hosting.events.find((e) => e.id === 'demo_open_day')).toMatchObject({ open: true, attended: 0 });
});

it('writes nothing the second time', async () => {
  const before = await cloud.dump();
  await seedDemoHistory(cloud.lc);
  expect(await cloud.dump()).toEqual(before);
});

it('puts 林小满 in a running team with 小禾 and 乔乔 while the demo challenge runs, moved by their own check-ins', async () => {
  const { challenges } = await callAs(cloud.lc, DEMO_MEMBER, 'team', 'challenges', {});
  const winter = challenges.find((c) => c.challenge.id === DEMO_CHALLENGE);
  // The demo content has fixed dates: past them, the history simply has no team.
  if (!winter || winter.challenge.phase !== 'running') {
    expect((await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {})).team).toBeNull();
    return;
  }
  const page = await callAs(cloud.lc, DEMO_MEMBER, 'team', 'mine', { challengeId: DEMO_CHALLENGE });
  expect(page.team).toMatchObject({ status: 'active', isCaptain: true, members: 3 });
  expect(page.team?.roster.map((r) => r.nickname)).toEqual([DEMO_NICKNAME, DEMO_FRIENDS.activated.nickname, DEMO_TEAMMATE.nickname]);
  expect(page.team?.progress).toBeGreaterThan(0);
  expect(page.team?.progress).toBe(page.team?.roster.reduce((s, r) => s + r.contribution, 0));
  const home = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {});
  expect(home.team).toMatchObject({ teamId: page.team?.code, status: 'active', remainingText: expect.stringMatching(/^还差 \d+ 次签到$/) });
});
