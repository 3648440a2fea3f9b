/**
 * Reminders a member asks for, in the browser: a member on a 1-day streak checks in on day 2, taps
 * 明天提醒我签到, allows it in the (simulated) WeChat sheet, and finds the credit on the profile
 * page under 消息提醒; 撤回 takes it back. The 20:00 run then sends them nothing.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { expectNoConsoleErrors, go, notSee, pageText, see, shot, takeCeremonies, tap } from './support/ui';

let cloud: TestCloud;
let browser: Browser;
let member: MemberPage;
const lin = newOpenid('Remind');

beforeAll(async () => {
  cloud = await startTestCloud('reminders');
  // Day 1 (Monday 09:00 Shanghai): a first check-in, its ceremonies already seen.
  cloud.lc.setClock('2026-11-23T01:00:00.000Z');
  await cloud.call(lin, 'checkin', { action: 'checkin' });
  await cloud.call(lin, 'member', { action: 'badgesSeen' });
  // Day 2, 09:00.
  cloud.lc.setClock('2026-11-24T01:00:00.000Z');
  browser = await launchBrowser();
  member = await openAsMember(browser);
});

afterAll(async () => {
  await member?.close();
  await browser?.close();
  await cloud?.stop();
});

afterEach(() => {
  expectNoConsoleErrors(member);
});

test('after a check-in that keeps a streak, 明天提醒我签到 asks in the subscription sheet and records the consent', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(lin));
  await takeCeremonies(page);
  await see(page, '今日未签');
  expect(await pageText(page)).not.toContain('明天提醒我签到');
  await tap(page, '签到');
  await takeCeremonies(page);
  await see(page, '已连续签到 2 天');
  await tap(page, '🔔 明天提醒我签到');
  await see(page, '会员中心 申请向你发送以下订阅消息');
  expect(await pageText(page)).toContain('签到提醒');
  await shot(page, 'reminders-01-sheet');
  await tap(page, '允许');
  await see(page, '明天 20:00 你还没签到的话，会用微信服务通知提醒你一次');
  await notSee(page, '会员中心 申请向你发送以下订阅消息');
  await shot(page, 'reminders-02-granted');
});

test('the profile page shows the credit under 消息提醒 and lets the member withdraw it', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(lin, 'packages/profile/pages/profile/index'));
  await see(page, '消息提醒');
  const row = page.locator('[data-purpose="checkinReminder"]');
  await row.getByText('还可提醒 1 次').waitFor({ state: 'visible', timeout: 15_000 });
  expect(await row.innerText()).toContain('签到提醒');
  await row.scrollIntoViewIfNeeded();
  await shot(page, 'reminders-03-profile');

  await row.getByText('撤回', { exact: true }).click();
  await see(page, '撤回「签到提醒」？');
  await page.locator('.taro-modal__foot').getByText('撤回', { exact: true }).click();
  await row.getByText('未开启').waitFor({ state: 'visible', timeout: 15_000 });
  await shot(page, 'reminders-04-withdrawn');

  // Day 3 at 20:05 without a check-in: the streak would break, but the consent was withdrawn.
  cloud.lc.setClock('2026-11-25T12:05:00.000Z');
  await cloud.lc.fireTrigger('jobs', 'schedule');
  expect(cloud.lc.outbox().filter((m) => m.touser === lin)).toEqual([]);
});
