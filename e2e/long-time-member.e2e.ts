/**
 * A member with a year of history: growth earned last December (an ops grant for offline events)
 * made them 进阶层; it leaves the 12-month window soon, so home warns them ahead of the drop.
 * Their tree has grown, and advanced packs are theirs.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { DEMO_HOST, DEMO_OPS, newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { expectNoConsoleErrors, go, pageText, see, shot, tap, tapTab } from './support/ui';

let cloud: TestCloud;
let browser: Browser;
let member: MemberPage;
const chen = newOpenid('Veteran');

beforeAll(async () => {
  // Two offline events on the day of the grant, one of them a course: the veteran attended both.
  const events = [
    { _id: 'veteran_salon', title: '年度会员沙龙', kind: 'activity' },
    { _id: 'veteran_course', title: '咖啡入门课', kind: 'course' },
  ].map((e) => ({ ...e, place: '静安店', startAt: '2025-12-10T09:00', endAt: '2025-12-10T18:00', points: 0, growth: 0, active: true }));
  cloud = await startTestCloud('veteran', { extraSeed: { events } });
  cloud.lc.setClock('2025-12-10T02:00:00.000Z');
  await cloud.call(chen, 'member', { action: 'home' });
  await cloud.call(chen, 'member', { action: 'profile', nickname: '陈老师' });
  await cloud.call(DEMO_OPS, 'ops', {
    action: 'adjust',
    openid: chen,
    points: 360,
    growth: 400,
    reason: '年度线下活动',
    requestId: 'e2e_veteran_0001',
  });
  for (const e of events) {
    const { code } = await cloud.call<{ code: string }>(chen, 'member', { action: 'code' });
    await cloud.call(DEMO_HOST, 'event', { action: 'attend', eventId: e._id, memberCode: code });
  }
  cloud.lc.setClock('2026-11-23T02:00:00.000Z');
  browser = await launchBrowser();
  member = await openAsMember(browser);
});

afterAll(async () => {
  await member?.close();
  await browser?.close();
  await cloud?.stop();
});

afterEach(() => expectNoConsoleErrors(member));

test('home warns ahead of a tier drop, with the day and what keeps the tier', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(chen));
  // The grant lit badges they have not seen yet: the ceremony comes first.
  await see(page, '解锁新徽章');
  while (await page.getByText('解锁新徽章').filter({ visible: true }).count()) {
    await tap(page, '收下');
    await page.waitForTimeout(400);
  }
  await see(page, '等级变动提醒');
  const text = await pageText(page);
  expect(text).toContain('陈老师');
  expect(text).toContain('进阶层');
  expect(text).toContain('12月10日起将有 400 成长值过期，等级会从进阶层降为基础层');
  expect(text).toContain('在此之前再获得 350 成长值即可保级');
  await shot(page, '26-home-downgrade-warning');
});

test('the tree has grown with the growth earned', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(chen, 'packages/tree/pages/tree/index'));
  await see(page, '下一个节点');
  const text = await pageText(page);
  // The events attended light 学习's first two nodes (an event; a course opens 进阶课程).
  expect(text).toContain('已点亮 2/16 个节点');
  expect(text).toContain('解锁：进阶课程');
  await shot(page, '27-growth-tree-grown');
});

test('advanced packs are open to an advanced member', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(chen, 'packages/benefits/pages/list/index'));
  await see(page, '健康福利包');
  await tapTab(page, '进阶层');
  await see(page, '线下沙龙席位');
  const text = await pageText(page);
  expect(text).not.toContain('进阶层专享');
  expect(text).toContain('立即兑换');
  await tapTab(page, '核心层');
  await see(page, '创始人直通车');
  expect(await pageText(page)).toContain('核心层专享');
  await shot(page, '28-benefits-core-locked');
});

test('a failed load shows the Chinese message, and 重试 recovers', async () => {
  const { page } = member;
  let fail = true;
  await page.route('**/functions/member', async (route) => {
    if (!fail) return route.continue();
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'BUSY', message: '当前人数较多，请稍后再试' } }),
    });
  });
  try {
    await go(page, cloud.appUrl(chen, 'packages/badges/pages/wall/index'));
    await see(page, '当前人数较多，请稍后再试');
    expect(await pageText(page)).toContain('出了点小问题');
    await shot(page, '29-error-retry');
    fail = false;
    await tap(page, '重试');
    await see(page, '枚徽章已点亮');
  } finally {
    await page.unroute('**/functions/member');
  }
});
