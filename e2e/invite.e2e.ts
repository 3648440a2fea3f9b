/**
 * Invites, end to end: a member sets a nickname, opens the invite card and the poster (no
 * reward wording), copies the invite link; a new member opens that link, is bound and welcomed,
 * checks in on three days (localcloud's clock) and becomes active; the inviter sees the friend's
 * progress, then the activation and the reward.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { closeAll } from './support/suite';
import { expectNoConsoleErrors, go, notSee, pageText, see, shot, tap, takeCeremonies } from './support/ui';

let cloud: TestCloud;
let browser: Browser;
let inviter: MemberPage;
let friend: MemberPage;
const inviterId = newOpenid('Inviter');
const friendId = newOpenid('Friend');
let inviteLink = '';

const DAY1 = '2026-11-23T02:00:00.000Z';
const DAY2 = '2026-11-24T02:00:00.000Z';
const DAY3 = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  cloud = await startTestCloud('invite');
  cloud.lc.setClock(DAY1);
  browser = await launchBrowser();
  inviter = await openAsMember(browser);
  friend = await openAsMember(browser);
});

afterAll(() => closeAll(inviter, friend, browser, cloud));

afterEach(() => {
  expectNoConsoleErrors(inviter);
  expectNoConsoleErrors(friend);
});

async function checkInToday(member: MemberPage): Promise<void> {
  const { page } = member;
  await go(page, cloud.appUrl(friendId));
  await see(page, '今日未签');
  await tap(page, '签到');
  await see(page, /签到成功/);
  // A check-in may unlock badges: take them.
  await takeCeremonies(page);
  await notSee(page, '解锁新徽章');
}

test('the inviter sets a nickname and sees the invite card, without reward wording', async () => {
  const { page } = inviter;
  await go(page, cloud.appUrl(inviterId, 'packages/profile/pages/profile/index'));
  await see(page, '保存资料');
  await page.locator('input').filter({ visible: true }).first().fill('小林');
  await tap(page, '保存资料');
  await see(page, '已保存');

  await go(page, cloud.appUrl(inviterId, 'packages/invite/pages/card/index'));
  await see(page, '邀你一起加入会员社群');
  const text = await pageText(page);
  expect(text).toContain('小林');
  expect(text).toContain('邀请码');
  expect(text).toContain('还没有好友接受邀请');
  // The card: no reward copy (WeChat forbids rewarding the share itself).
  const card = await page.locator('.ic').filter({ visible: true }).innerText();
  expect(card).not.toMatch(/积分|奖励|红包|福利/);
  await shot(page, '21-invite-card');
});

test('the poster is drawn and can be downloaded', async () => {
  const { page } = inviter;
  await tap(page, '生成海报');
  await see(page, '邀请海报');
  const img = page.locator('.mc-poster-sheet__img img, img.mc-poster-sheet__img').filter({ visible: true }).first();
  await img.waitFor({ state: 'visible', timeout: 15_000 });
  const src = await img.getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  await shot(page, '22-invite-poster');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '下载海报')]);
  expect(download.suggestedFilename()).toBe('邀请海报.png');
  await page.locator('.mc-sheet__close').filter({ visible: true }).click();
});

test('sending to a friend copies the invite link', async () => {
  const { page, context } = inviter;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cloud.url });
  await tap(page, '发送给好友');
  await see(page, '链接已复制');
  inviteLink = await page.evaluate(() => navigator.clipboard.readText());
  expect(inviteLink).toMatch(/#\/pages\/index\/index\?inviteCode=[2-9A-HJKMNP-Z]{8}$/);
});

test('a new member opens the invite link, is bound once and welcomed', async () => {
  const { page } = friend;
  const url = new URL(inviteLink);
  url.searchParams.set('member', friendId);
  await go(page, url.toString());
  await see(page, '欢迎加入会员社群');
  expect(await pageText(page)).toContain('你已接受「小林」的邀请');
  await shot(page, '23-invite-welcome');
  await tap(page, '开始我的第一次签到');
  await notSee(page, '欢迎加入会员社群');

  // Opening the link again does not bind (or welcome) twice.
  await go(page, url.toString());
  await see(page, '今日未签');
  await page.waitForTimeout(1000);
  expect(await pageText(page)).not.toContain('欢迎加入会员社群');
});

test('day 1: the friend checks in; the inviter sees them waiting for activation', async () => {
  await checkInToday(friend);
  const { page } = inviter;
  await go(page, cloud.appUrl(inviterId, 'packages/invite/pages/card/index'));
  await see(page, '待激活');
  expect(await pageText(page)).toContain('已签到 1/3 天');
  await shot(page, '24-invite-pending');
});

test('days 2 and 3: the friend checks in and becomes active; the inviter sees the reward', async () => {
  cloud.lc.setClock(DAY2);
  await checkInToday(friend);
  cloud.lc.setClock(DAY3);
  await checkInToday(friend);
  expect(await pageText(friend.page)).toContain('已连续签到 3 天');

  const { page } = inviter;
  await go(page, cloud.appUrl(inviterId, 'packages/invite/pages/card/index'));
  await see(page, '已激活');
  const text = await pageText(page);
  expect(text).toContain('奖励 +50 积分 +30 成长值');
  await shot(page, '25-invite-activated');

  await go(page, cloud.appUrl(inviterId));
  await see(page, '今日未签');
  expect(await pageText(page)).toContain('已邀 1');
});
