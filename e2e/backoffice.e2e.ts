/**
 * The back office in the H5 build, as the demo ops member (运营小林): find a member by the start
 * of their nickname, open their page, adjust their points with a reason — the confirmation saying
 * exactly what changes —, see the ledger entry and the audit line; grant a member the verifier
 * role and be refused, in Chinese, when taking away one's own ops role; filter the audit by
 * member; export the dashboard's figures as a CSV download. A member and a verifier see every
 * back-office page locked.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { OpsAuditData, OpsMemberData, OpsStaffData } from '@shared/contracts/ops';
import { formatNumber } from '../client/utils/format';
import { demoPartnerSecret, postPartner } from '../scripts/partner-client';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { DEMO_OPS, DEMO_VERIFIER, newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { expectNoConsoleErrors, go, pageText, see, shot, tap, tapTab } from './support/ui';

const OFFICE = 'packages/ops/pages/office/index';
const STAFF = 'packages/ops/pages/staff/index';
const AUDIT = 'packages/ops/pages/audit/index';
const DASHBOARD = 'packages/ops/pages/dashboard/index';

let cloud: TestCloud;
let browser: Browser;
let ops: MemberPage;
/** 林小满: a member with a check-in and 120 points from an offline event. */
const lin = newOpenid('Office');

const memberPage = (openid: string) => `packages/ops/pages/member/index?openid=${openid}`;
const opsMember = (openid: string) => cloud.call<OpsMemberData>(DEMO_OPS, 'ops', { action: 'member', openid });

/** The visible input of a back-office field, by its label. */
const field = (page: Page, label: string) =>
  page.locator('.ops-field').filter({ hasText: label, visible: true }).first().locator('input').first();

/** Switches a role on or off in the staff sheet (the page behind shows the same words as tags). */
const toggle = (page: Page, label: string) =>
  page
    .locator('.mc-sheet .mc-toggle')
    .filter({ has: page.locator('.mc-toggle__label').getByText(label, { exact: true }), visible: true })
    .first()
    .click();

const staffRow = (page: Page, name: string) => page.locator('.ops-staff__row').filter({ hasText: name, visible: true }).first();

beforeAll(async () => {
  cloud = await startTestCloud('backoffice');
  await cloud.call(lin, 'member', { action: 'profile', nickname: '林小满' });
  await cloud.call(lin, 'checkin', { action: 'checkin' });
  await cloud.call(DEMO_OPS, 'ops', {
    action: 'adjust',
    openid: lin,
    points: 120,
    growth: 0,
    reason: '线下活动积分',
    requestId: 'e2e-office-seed-01',
  });
  // A purchase the brand's till reported: its points wait out the refund window (pending).
  const paid = await postPartner(
    `${cloud.url}/http/partner`,
    'orders',
    { orderId: 'E2E-OFFICE-0001', openid: lin, amount: 12_850, paidAt: cloud.lc.now().toISOString(), storeId: 'sh-jingan-01' },
    demoPartnerSecret(),
    { timestamp: Math.floor(cloud.lc.now().getTime() / 1000) },
  );
  expect(paid.status).toBe(200);
  browser = await launchBrowser();
  ops = await openAsMember(browser);
}, 180_000);

afterAll(async () => {
  await ops?.close();
  await browser?.close();
  await cloud?.stop();
});

afterEach(() => expectNoConsoleErrors(ops));

test('ops find a member by nickname, adjust their points after confirming, and see the ledger entry and the audit line', async () => {
  const { page } = ops;
  const before = (await opsMember(lin)).balance.points;
  await go(page, cloud.appUrl(DEMO_OPS, OFFICE));
  await see(page, '找会员');
  await page.locator('.ops-office__input input').fill('林小');
  await tap(page, '搜索');
  await see(page, '找到 1 位会员');
  expect(await pageText(page)).toContain(`积分 ${formatNumber(before)} · 按昵称找到`);
  await shot(page, 'backoffice-1-search');

  await tap(page, '林小满');
  await see(page, '可用积分');
  const shown = await pageText(page);
  expect(shown).toContain(`OPENID ${lin}`);
  // The purchase's points are pending beside the balance, as the member's home says.
  const { balance } = await opsMember(lin);
  expect(balance.pending?.points).toBeGreaterThan(0);
  expect(shown).toContain(`另有 ${formatNumber(balance.pending?.points ?? 0)} 积分待到账`);
  expect(shown).toContain('消费 1 笔');
  await shot(page, 'backoffice-2-member');

  await tap(page, '调整积分');
  await see(page, '调整 林小满 的积分/成长值');
  await field(page, '积分').fill('50');
  await field(page, '原因').fill('线下沙龙签到补发');
  await see(page, `积分 ${before} → ${before + 50}（+50）`);
  await tap(page, '下一步：确认');
  const sentence = `林小满 的积分 ${before} → ${before + 50}（+50），原因：线下沙龙签到补发`;
  await see(page, sentence);
  await shot(page, 'backoffice-3-confirm');
  // Nothing has changed before the confirmation.
  expect((await opsMember(lin)).balance.points).toBe(before);
  await tap(page, '确认调整');
  await see(page, formatNumber(before + 50));
  expect((await opsMember(lin)).balance.points).toBe(before + 50);

  await see(page, '原因：线下沙龙签到补发');
  expect(await pageText(page)).toContain('操作人 运营小林（演示）');
  await shot(page, 'backoffice-4-ledger');

  await tapTab(page, '操作记录');
  await see(page, `积分 ${before} → ${before + 50}（+50）`);
  const audit = await pageText(page);
  expect(audit).toContain('调整积分/成长值');
  expect(audit).toContain('运营小林（演示）');
  await shot(page, 'backoffice-5-member-audit');
});

test('ops grant a member the verifier role, and cannot take away their own ops role', async () => {
  const { page } = ops;
  await go(page, cloud.appUrl(DEMO_OPS, memberPage(lin)));
  await see(page, '可用积分');
  await tap(page, '员工权限');
  await see(page, '林小满 的员工权限');
  await toggle(page, '核销员');
  await field(page, '门店编号').fill('sh-xuhui-02');
  await tap(page, '下一步：确认');
  await see(page, '林小满：不是员工 → 核销员（在职，门店 sh-xuhui-02）');
  await tap(page, '确认保存');
  await see(page, '员工：核销员');
  const roster = await cloud.call<OpsStaffData>(DEMO_OPS, 'ops', { action: 'staff' });
  expect(roster.staff.find((s) => s.openid === lin)).toMatchObject({ roles: ['verifier'], active: true, storeId: 'sh-xuhui-02' });

  await go(page, cloud.appUrl(DEMO_OPS, STAFF));
  await see(page, '在职运营 1 位');
  const list = await pageText(page);
  expect(list).toContain('林小满');
  expect(list).toContain('门店 sh-xuhui-02');
  await shot(page, 'backoffice-6-staff');

  await tap(page, '运营小林（演示）');
  await see(page, '运营小林（演示） 的员工权限');
  await toggle(page, '运营');
  await tap(page, '下一步：确认');
  await tap(page, '确认保存');
  await see(page, '没有执行：不能撤销自己的运营权限，请由另一位运营人员操作');
  await shot(page, 'backoffice-7-refused');
  const after = await cloud.call<OpsStaffData>(DEMO_OPS, 'ops', { action: 'staff' });
  expect(after.activeOps).toBe(1);
});

test('the audit lists every change, and one member’s from their page', async () => {
  const { page } = ops;
  await go(page, cloud.appUrl(DEMO_OPS, AUDIT));
  await see(page, '员工权限');
  const all = await pageText(page);
  expect(all).toContain('调整积分/成长值');
  expect(all).toContain('不是员工 → 核销员（在职，门店 sh-xuhui-02）');
  await shot(page, 'backoffice-8-audit');

  // By staff member, from the staff page: the demo ops member's lines, none by the verifier.
  await go(page, cloud.appUrl(DEMO_OPS, STAFF));
  await staffRow(page, '运营小林（演示）').locator('.ops-staff__audit').click();
  await see(page, '运营小林（演示） ×');
  await see(page, '不是员工 → 核销员（在职，门店 sh-xuhui-02）');
  await go(page, cloud.appUrl(DEMO_OPS, STAFF));
  await staffRow(page, '静安店核销员（演示）').locator('.ops-staff__audit').click();
  await see(page, '静安店核销员（演示） ×');
  await see(page, '没有操作记录');

  await go(page, cloud.appUrl(DEMO_OPS, memberPage(lin)));
  await see(page, '可用积分');
  await tap(page, '操作记录');
  await see(page, '林小满 ×');
  await see(page, '线下活动积分');
  // Only 林小满's lines: her two adjustments and the role.
  const hers = await cloud.call<OpsAuditData>(DEMO_OPS, 'ops', { action: 'audit', target: lin });
  expect(hers.entries.map((e) => e.actionName)).toEqual(['员工权限', '调整积分/成长值', '调整积分/成长值']);
  expect(await page.locator('.ops-audit__row').filter({ visible: true }).count()).toBe(3);
});

test('the dashboard exports its range as a CSV download (UTF-8 with BOM)', async () => {
  const { page } = ops;
  await go(page, cloud.appUrl(DEMO_OPS, DASHBOARD));
  await see(page, '每日签到人数（DAU）');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出 CSV')]);
  expect(download.suggestedFilename()).toMatch(/^会员中心数据_\d{4}-\d{2}-\d{2}_至_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8')).toContain('日期,签到人数（DAU）,新会员,次日留存,7 日留存');
  await see(page, /会员中心数据_.*（\d+ 行）/);
  await shot(page, 'backoffice-9-export');
});

test.each([
  ['a member', newOpenid('NotOps')],
  ['a verifier', DEMO_VERIFIER],
])('%s sees every back-office page locked', async (_who, openid) => {
  const other = await openAsMember(browser);
  try {
    for (const route of [OFFICE, memberPage(lin), STAFF, AUDIT]) {
      await go(other.page, cloud.appUrl(openid, route));
      await see(other.page, '仅限运营人员');
      const text = await pageText(other.page);
      expect(text).not.toContain('林小满');
      expect(text).not.toContain('运营小林');
    }
    await shot(other.page, 'backoffice-10-locked');
    expectNoConsoleErrors(other);
  } finally {
    await other.close();
  }
});
