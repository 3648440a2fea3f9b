/**
 * A new member's first visit, end to end in the browser: home → check in → streak and reward →
 * unlock ceremony of the first-check-in badge → badge wall → growth tree → redeem a basic pack
 * (double tap, charged once) → the voucher in 我的券 → why an advanced pack is locked → a staff
 * member verifies the voucher (and a second verify is refused).
 */
import { openAsMember } from './support/browser';
import { DEMO_OPS, DEMO_VERIFIER, newOpenid, opsGrant } from './support/cloud';
import { memberSuite } from './support/suite';
import { expectNoConsoleErrors, go, notSee, pageText, see, shot, tap, tapTab } from './support/ui';

const lin = newOpenid('Journey');
let voucherCode = '';

const suite = memberSuite('journey', {
  // Monday 10:00 in Shanghai.
  setup: async (cloud) => cloud.lc.setClock('2026-11-23T02:00:00.000Z'),
});

test('a new member opens home: member card, tier progress, a check-in button', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin));
  await see(page, '今天开始你的第一次签到');
  const text = await pageText(page);
  expect(text).toContain('基础层');
  expect(text).toContain('再获得 350 成长值升级进阶层');
  expect(text).toContain('今日未签');
  expect(text).toContain('徽章墙');
  expect(text).toContain('为你推荐');
  expect(text).not.toContain('核销券码');
  expect(text).not.toContain('数据看板');
  expect(text).not.toContain('运营后台');
  await shot(page, '01-home-new-member');
});

test('checking in shows the unlock ceremony of the first badge, then the streak and the reward', async () => {
  const { page } = suite.member;
  await tap(page, '签到');
  await see(page, '解锁新徽章');
  await see(page, '初次签到');
  expect(await pageText(page)).toMatch(/普通 · .*会员/);
  await shot(page, '02-unlock-ceremony');
  await tap(page, '收下');
  // The first check-in also lit the tree's first node: 第一片叶 comes next.
  await see(page, '第一片叶');
  await tap(page, '收下');
  await notSee(page, '解锁新徽章');
  await see(page, '签到成功 +10 积分 · +10 成长值');
  const text = await pageText(page);
  expect(text).toContain('已连续签到 1 天');
  expect(text).toContain('已签到');
  expect(text).toContain('再获得 340 成长值升级进阶层');
  await shot(page, '03-home-checked-in');
});

test('the check-in calendar marks today and counts the streak', async () => {
  const { page } = suite.member;
  await tap(page, /签到日历/);
  await see(page, '2026年11月');
  const text = await pageText(page);
  expect(text).toContain('当前连续');
  expect(text).toContain('今日获得 +10 积分 · +10 成长值');
  expect(text).toMatch(/本月签到\s*1\s*天/);
  await shot(page, '04-checkin-calendar');
});

test('the badge wall shows the earned badge lit and the locked ones with progress', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/badges/pages/wall/index'));
  await see(page, '枚徽章已点亮');
  const text = await pageText(page);
  expect(text).toContain('初次签到');
  expect(text).toContain('11月23日获得');
  expect(text).toContain('还差 6 天');
  await shot(page, '05-badge-wall');
  await tap(page, '七日坚持');
  await see(page, '未解锁的徽章');
  expect(await pageText(page)).toContain('当前进度');
  await shot(page, '06-badge-detail');
});

test('the growth tree shows its stage, branches and the next node', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/tree/pages/tree/index'));
  await see(page, '下一个节点');
  const text = await pageText(page);
  expect(text).toContain('萌芽');
  expect(text).toContain('新手课堂');
  expect(text).toContain('还差 1 场活动');
  expect(text).toContain('解锁：20 积分');
  expect(text).toContain('学习');
  await shot(page, '07-growth-tree');
});

test('redeeming a basic pack (double-tapped) issues one voucher and charges once', async () => {
  const { page } = suite.member;
  // Points from an offline event, granted by ops (what the ops dashboard's adjust does).
  await opsGrant(suite.cloud, { openid: lin, points: 200, growth: 0, reason: '线下沙龙签到', requestId: 'e2e_grant_0001' });
  await go(page, suite.cloud.appUrl(lin, 'packages/benefits/pages/list/index'));
  await see(page, '健康福利包');
  expect(await pageText(page)).toContain('210');
  await shot(page, '08-benefits-basic');
  const card = page.locator('.pk').filter({ hasText: '健康福利包', visible: true });
  await card.getByText('立即兑换').click();
  await see(page, '确认兑换');
  expect(await pageText(page)).toContain('兑换后剩余');
  await shot(page, '09-redeem-confirm');
  await page.getByText(/确认兑换 · 80 积分/).dblclick();
  await see(page, '兑换成功');
  const text = await pageText(page);
  const code = /([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(text);
  expect(code).not.toBeNull();
  voucherCode = code![1];
  expect(text).toContain('剩余积分 130');
  await shot(page, '10-redeem-success');
  await tap(page, '查看我的券');
  await see(page, voucherCode);
  expect(await pageText(page)).toContain('未使用');
  await shot(page, '11-vouchers');
  await tap(page, voucherCode);
  await see(page, '请向门店员工出示此码');
  await shot(page, '12-voucher-qr');

  const mine = await suite.cloud.call<{ vouchers: unknown[] }>(lin, 'redeem', { action: 'mine' });
  expect(mine.vouchers).toHaveLength(1);
});

test('an advanced pack says why it is locked', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/benefits/pages/list/index'));
  await see(page, '健康福利包');
  await tapTab(page, '进阶层');
  await see(page, '线下沙龙席位');
  const text = await pageText(page);
  expect(text).toContain('进阶层专享');
  expect(text).toContain('达到进阶层即可兑换');
  await shot(page, '13-benefits-advanced-locked');
});

test('the ledger lists the check-in, the grant and the redemption', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/profile/pages/ledger/index'));
  await see(page, '每日签到');
  const text = await pageText(page);
  expect(text).toContain('+10 积分');
  expect(text).toContain('-80 积分');
  expect(text).toContain('线下沙龙签到');
  await shot(page, '14-ledger');
});

test('a staff member verifies the voucher once; a second verify is refused', async () => {
  const staff = await openAsMember(suite.browser);
  try {
    const { page } = staff;
    await go(page, suite.cloud.appUrl(DEMO_VERIFIER));
    await see(page, '核销券码');
    await tap(page, '核销券码');
    await see(page, '核销会员券');
    await page.locator('input').filter({ visible: true }).first().fill(voucherCode.toLowerCase());
    await tap(page, '核销');
    await see(page, '核对券码');
    // Before confirming, staff see what the voucher is and whose it is.
    await see(page, '未使用');
    const sheet = await pageText(page);
    expect(sheet).toContain('健康福利包');
    expect(sheet).toMatch(/会员\s*会员/);
    await shot(page, '15-verify-confirm');
    await tap(page, '确认核销');
    await see(page, '已核销');
    const text = await pageText(page);
    expect(text).toContain('健康福利包');
    await shot(page, '16-verify-done');

    await tap(page, '继续核销');
    await page.locator('input').filter({ visible: true }).first().fill(voucherCode);
    await tap(page, '核销');
    await tap(page, '确认核销');
    await see(page, '这张券已经核销过了');
    await shot(page, '17-verify-again-refused');
    expectNoConsoleErrors(staff);
  } finally {
    await staff.close();
  }

  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/benefits/pages/vouchers/index'));
  await tapTab(page, '已使用');
  await see(page, voucherCode);
  expect(await pageText(page)).toContain('已核销');
});

test('staff entries follow the roles: 数据看板 and 运营后台 for ops only', async () => {
  const ops = await openAsMember(suite.browser);
  try {
    await go(ops.page, suite.cloud.appUrl(DEMO_OPS));
    await see(ops.page, '数据看板');
    await see(ops.page, '运营后台');
    expect(await pageText(ops.page)).not.toContain('核销券码');
    await tap(ops.page, '运营后台');
    await see(ops.page, '找会员');
    expectNoConsoleErrors(ops);
  } finally {
    await ops.close();
  }
});

test('profile, privacy notice and rules read as a finished product', async () => {
  const { page } = suite.member;
  await go(page, suite.cloud.appUrl(lin, 'packages/profile/pages/profile/index'));
  await see(page, '保存资料');
  expect(await pageText(page)).toContain('注销账号');
  await shot(page, '18-profile');
  await tap(page, '用户隐私保护指引');
  await see(page, '我们收集的信息');
  await shot(page, '19-privacy');
  await go(page, suite.cloud.appUrl(lin, 'packages/invite/pages/rules/index'));
  await see(page, '邀请好友');
  const text = await pageText(page);
  expect(text).toContain('3 个不同的日子完成签到');
  expect(text).toContain('会员等级');
  await shot(page, '20-rules');
});
