/**
 * Earning where members really are, in the browser: a store purchase reported by the brand's till
 * (signed `partner` call) shows on home as pending points beside points about to expire; the
 * ledger shows them apart; the 会员码 page shows a big QR code and the digits, which change every
 * 30 seconds and are what a host scans at an event's door (活动签到, as the demo host); the
 * member then sees the event in 我的活动.
 */
import type { Browser } from 'playwright-core';
import { demoPartnerSecret, postPartner } from '../scripts/partner-client';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { DEMO_HOST, DEMO_OPS, newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { expectNoConsoleErrors, go, pageText, see, shot, tap } from './support/ui';

let cloud: TestCloud;
let browser: Browser;
let member: MemberPage;
let host: MemberPage;
const xia = newOpenid('Buyer');
let shownCode = '';

/** The 18 digits the page shows, without the spaces it groups them with. */
async function digitsOnPage(page: MemberPage['page']): Promise<string> {
  return (await page.locator('.mcode__digits').first().innerText()).replace(/\s/g, '');
}

beforeAll(async () => {
  cloud = await startTestCloud('earn');
  // Last December: 80 points for a salon (they expire at the end of this December).
  cloud.lc.setClock('2025-12-05T02:00:00.000Z');
  await cloud.call(xia, 'member', { action: 'profile', nickname: '夏天' });
  await cloud.call(DEMO_OPS, 'ops', {
    action: 'adjust',
    openid: xia,
    points: 80,
    growth: 0,
    reason: '线下沙龙',
    requestId: 'e2e_earn_0001',
  });
  // 2026-12-12, 14:10 in Shanghai: the demo's coffee course (14:00–16:00) is on.
  cloud.lc.setClock('2026-12-12T06:10:00.000Z');
  const paid = await postPartner(
    `${cloud.url}/http/partner`,
    'orders',
    { orderId: 'E2E-POS-0001', openid: xia, amount: 12_850, paidAt: '2026-12-12T13:55:00+08:00', storeId: 'sh-jingan-01' },
    demoPartnerSecret(),
    { timestamp: Math.floor(cloud.lc.now().getTime() / 1000) },
  );
  expect(paid.status).toBe(200);
  browser = await launchBrowser();
  member = await openAsMember(browser);
  host = await openAsMember(browser);
});

afterAll(async () => {
  await member?.close();
  await host?.close();
  await browser?.close();
  await cloud?.stop();
});

afterEach(() => {
  expectNoConsoleErrors(member);
  expectNoConsoleErrors(host);
});

test('home shows the purchase’s points as pending, apart from the balance, and the points about to expire', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(xia));
  // Growth alone lights nothing on the tree (学习 is on events attended): no ceremony comes first.
  await see(page, '128 积分待到账 · 12月20日起可用');
  expect(await page.getByText('解锁新徽章').filter({ visible: true }).count()).toBe(0);
  const text = await pageText(page);
  expect(text).toContain('夏天');
  expect(text).toContain('80 积分将于 12月31日过期');
  // The balance is the 80 spendable points; the purchase's 128 growth counts already.
  expect(await page.locator('.home-card__stat-value').first().innerText()).toBe('80');
  expect(text).toContain('近 12 个月成长值 128');
  await shot(page, 'earn-01-home-pending-and-expiring');
});

test('the ledger keeps pending points apart from the entries', async () => {
  const { page } = member;
  await tap(page, '积分 ›');
  await see(page, '消费奖励');
  const text = await pageText(page);
  expect(text).toContain('128 积分待到账 · 12月20日起可用');
  expect(text).toContain('80 积分将于 12月31日过期');
  expect(text).toContain('+128 成长值');
  await shot(page, 'earn-02-ledger-pending');
});

test('the 会员码 page shows a QR code and the 18 digits, and a fresh code every 30 seconds', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(xia));
  await tap(page, '会员码');
  await see(page, /会员码每 30 秒自动刷新/);
  await see(page, /^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
  shownCode = await digitsOnPage(page);
  expect(shownCode).toMatch(/^\d{18}$/);
  expect(await page.locator('.mc-qr__run').count()).toBeGreaterThan(50);
  expect(await pageText(page)).toContain('夏天');
  await shot(page, 'earn-03-member-code');

  // The page asks for the next code after 30 s (the server's window has moved on by then too).
  await page.waitForFunction(
    (first) => (document.querySelector('.mcode__digits')?.textContent ?? '').replace(/\s/g, '') !== first,
    shownCode,
    { timeout: 90_000, polling: 1_000 },
  );
  shownCode = await digitsOnPage(page);
  expect(shownCode).toMatch(/^\d{18}$/);
});

test('the host checks the member in at the door with the code on their screen, once', async () => {
  const { page } = host;
  await go(page, cloud.appUrl(DEMO_HOST));
  await tap(page, '活动签到');
  await see(page, '咖啡品鉴入门课');
  await tap(page, '咖啡品鉴入门课');
  await see(page, '输入会员出示的 18 位会员码数字（可带空格）。');
  // The code the member's screen shows now.
  shownCode = await digitsOnPage(member.page);
  await page.locator('input').filter({ visible: true }).first().fill(shownCode);
  await tap(page, '签到');
  await see(page, '继续签到');
  await see(page, '已签到 1 人 · 签到时间 13:30–16:30');
  const text = await pageText(page);
  expect(text).toContain('夏天');
  expect(text).toContain('+40 积分 · +30 成长值');
  await shot(page, 'earn-04-host-checked-in');

  await tap(page, '继续签到');
  await page.locator('input').filter({ visible: true }).first().fill(shownCode);
  await tap(page, '签到');
  await see(page, '这位会员已经签到过了');
  expect(await pageText(page)).toMatch(/该会员已于 12月12日 14:\d\d 签到，无需重复签到。/);
  await shot(page, 'earn-05-host-second-scan');
});

test('the member finds the course in 我的活动, with what is coming next', async () => {
  const { page } = member;
  await go(page, cloud.appUrl(xia, 'packages/events/pages/mine/index'));
  await see(page, '参加过的活动');
  const text = await pageText(page);
  expect(text).toContain('咖啡品鉴入门课');
  expect(text).toContain('+40 积分 · +30 成长值');
  expect(text).toContain('新春手作市集');
  // The market's badge is 初次到场, which the course just earned her: nothing to look forward to there.
  expect(text).not.toContain('到场即得「初次到场」徽章');
  await shot(page, 'earn-06-my-events');
});
