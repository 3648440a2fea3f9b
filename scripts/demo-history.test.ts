import { startTestCloud, type TestCloud } from '../test/functions/support/cloud';
import { addDays, addMonths, daysInMonth, dayOf, monthOf } from '../shared/time/shanghai';
import { callAs, DEMO_FRIENDS, DEMO_HOST, DEMO_MEMBER, seedDemoHistory } from './demo-history';

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

it('gives 林小满 a 12-day streak to yesterday, not checked in today, and a ceremony waiting', async () => {
  const home = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {});
  expect(home.member).toMatchObject({
    nickname: '林小满',
    checkedInToday: false,
    checkinDays: 12,
    // 150 from two weeks of check-ins, invites and vouchers, + 268 from last year's purchase, + 30 from the salon.
    points: 448,
    // Last year's 268 has left the tier window: 230 + 20 (salon) + 86 (this week's purchase) = 336 in it.
    growth: 604,
    windowGrowth: 336,
    tier: 'basic',
  });
  expect(home.member.streak).toMatchObject({ current: 12, best: 12 });
  expect(home.badges.newestUnseen).toMatchObject({ id: 'streak_7', name: '七日坚持' });
  // First check-in, 七日坚持, first redemption, first invite, the first leaf and half the tree
  // (lifetime growth 604), and 初次到场 from the salon.
  expect(home.badges.earned).toBe(7);
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
    new Set(['checkin', 'invite_reward', 'redeem', 'ops_adjust', 'purchase', 'purchase_release', 'event_reward']),
  );
  expect(ledger.entries.reduce((s, e) => s + e.points, 0)).toBe(448);
});

it('has a purchase pending, last year’s points expiring at the end of this month, and the salon attended', async () => {
  const today = dayOf(Date.now());
  const month = monthOf(today);
  const home = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'home', {});
  expect(home.pointsOutlook).toMatchObject({
    pending: 86,
    pendingReleaseOn: addDays(today, 6),
    debt: 0,
    // 268 earned a year ago, 150 of them spent on the two vouchers (oldest first).
    expiring: { points: 118, lastDay: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` },
  });
  const ledger = await callAs(cloud.lc, DEMO_MEMBER, 'member', 'ledger', { limit: 50 });
  const purchases = ledger.entries.filter((e) => e.kind === 'purchase' || e.kind === 'purchase_release');
  expect(purchases.map((e) => [e.kind, e.points, e.growth, monthOf(e.createdAt)])).toEqual([
    ['purchase', 0, 86, monthOf(addDays(today, -2))],
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
