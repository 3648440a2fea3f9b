/**
 * localcloud's console (`/console`) in a desktop Chromium, next to the member app on a phone:
 * browse the collections, filter, edit a benefit pack's stock and see the member app answer the
 * new stock on its next call, an invalid edit reported before saving and flagged once insisted
 * (and the functions' log saying they skip it), import a JSON Lines file and page through it,
 * the indexes, storage and outbox views, and the clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PackView } from '@shared/contracts/redeem';
import { launchBrowser, openAsMember, openOnDesktop, type MemberPage } from './support/browser';
import { DEMO_OPS, newOpenid, startTestCloud, type TestCloud } from './support/cloud';
import { closeAll } from './support/suite';
import { expectNoConsoleErrors, go, notSee, see, shot } from './support/ui';

const ROOT = path.resolve(__dirname, '..');
const BENEFITS = 'packages/benefits/pages/list/index';

let cloud: TestCloud;
let browser: Browser;
let desk: MemberPage;
let phone: MemberPage;
const lin = newOpenid('Console');

const consoleUrl = (route: string) => `${cloud.url}/console#/${route}`;
const packCard = (page: Page, title: string) => page.locator('.pk').filter({ hasText: title, visible: true }).first();

async function editorText(page: Page): Promise<string> {
  return page.getByLabel('文档 JSON').inputValue();
}

async function editDocument(page: Page, change: (text: string) => string): Promise<void> {
  const editor = page.getByLabel('文档 JSON');
  await editor.fill(change(await editor.inputValue()));
}

async function packList(openid: string): Promise<PackView[]> {
  return (await cloud.call<{ packs: PackView[] }>(openid, 'redeem', { action: 'list' })).packs;
}

/** A document as stored, read through the console's own API. */
async function storedDoc(collection: string, id: string): Promise<Record<string, unknown>> {
  const filter = encodeURIComponent(JSON.stringify({ _id: id }));
  const res = await fetch(`${cloud.url}/console/api/collections/${collection}/documents?filter=${filter}`);
  const body = (await res.json()) as { rows: Array<{ doc: Record<string, unknown> }> };
  return body.rows[0].doc;
}

beforeAll(async () => {
  // The whole demo program, campaigns included: without them their badges would be reported as awarded by nothing.
  cloud = await startTestCloud('console', { consoleValidator: path.join(ROOT, 'content', 'consoleValidator.ts'), campaigns: true });
  // Monday 10:00 in Shanghai.
  cloud.lc.setClock('2026-11-23T02:00:00.000Z');
  browser = await launchBrowser();
  desk = await openOnDesktop(browser);
  phone = await openAsMember(browser);
});

afterAll(() => closeAll(desk, phone, browser, cloud));

/** Documents of a demo collection (what the console lists). */
function demoCount(collection: string): number {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'content', 'demo', `${collection}.json`), 'utf8')) as unknown[]).length;
}

afterEach(() => {
  // Chromium logs every 4xx answer as a console error; the console's refusals (400 malformed
  // filter, 422 validation) are deliberate and asserted on screen by the tests that cause them.
  desk.errors.splice(0, desk.errors.length, ...desk.errors.filter((e) => !/Failed to load resource: .*status of (400|422)/.test(e)));
  expectNoConsoleErrors(desk);
  expectNoConsoleErrors(phone);
});

test('the console lists the collections with their counts and opens one', async () => {
  const { page } = desk;
  await go(page, consoleUrl('database'));
  await see(page, '集合 Collections');
  await expect(page.locator('a[data-collection="benefit_packs"]').innerText()).resolves.toMatch(
    new RegExp(`benefit_packs\\s+${demoCount('benefit_packs')}`),
  );
  await expect(page.locator('a[data-collection="badges"]').innerText()).resolves.toMatch(new RegExp(`badges\\s+${demoCount('badges')}`));
  await expect(page.locator('a[data-collection="ledger"]').innerText()).resolves.toMatch(/ledger\s+0/);
  await page.locator('a[data-collection="benefit_packs"]').click();
  await see(page, '内容校验 validated');
  await see(page, 'basic_health_pack');
  await expect(page.getByTestId('pager-range').innerText()).resolves.toBe(
    `1–${demoCount('benefit_packs')} / 共 ${demoCount('benefit_packs')} 条`,
  );
  await page.locator('tr[data-id="basic_annual_kit"]').click();
  expect(await editorText(page)).toContain('"title": "年度专属资料包"');
  await see(page, '通过 passed');
  await shot(page, 'console-01-collections');
  await page.getByLabel('关闭编辑器').click();
});

test('a JSON filter narrows the list; a malformed one says what is wrong', async () => {
  const { page } = desk;
  const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'demo', 'benefit_packs.json'), 'utf8')) as Array<{
    _id: string;
    stock: number | null;
  }>;
  const lowStock = demo.filter((p) => p.stock !== null && p.stock < 100).map((p) => p._id);
  expect(lowStock.length).toBeGreaterThan(1);

  await page.getByLabel('查询条件').fill('{"stock": {"$lt": 100}}');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await see(page, `1–${lowStock.length} / 共 ${lowStock.length} 条`);
  const shown = await page.locator('tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
  expect(shown.sort()).toEqual([...lowStock].sort());

  await page.getByLabel('查询条件').fill('{"stock": {"$lt": }');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await see(page, '查询条件不是合法的 JSON');
  await shot(page, 'console-02-filter-error');
  await page.getByRole('button', { name: '清除' }).click();
  await see(page, `1–${demoCount('benefit_packs')} / 共 ${demoCount('benefit_packs')} 条`);
  await notSee(page, '查询条件不是合法的 JSON');
});

test('editing a pack stock in the console: the member app answers the new stock on its next call', async () => {
  await go(phone.page, cloud.appUrl(lin, BENEFITS));
  await see(phone.page, '健康福利包');
  await expect(packCard(phone.page, '健康福利包').innerText()).resolves.toContain('剩余 500 份');

  const { page } = desk;
  await page.locator('tr[data-id="basic_health_pack"]').click();
  await editDocument(page, (text) => text.replace('"stock": 500', '"stock": 7'));
  await see(page, '未保存');
  await see(page, '通过 passed');
  await shot(page, 'console-03-edit-stock');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await see(page, '已保存 basic_health_pack');
  await notSee(page, '未保存');

  const pack = (await packList(lin)).find((p) => p.id === 'basic_health_pack');
  expect(pack?.stockLeft).toBe(7);
  await go(phone.page, cloud.appUrl(lin, BENEFITS));
  await see(phone.page, '健康福利包');
  await expect(packCard(phone.page, '健康福利包').innerText()).resolves.toContain('剩余 7 份');
  await shot(phone.page, 'console-04-member-sees-new-stock');
});

test('an invalid edit is reported by field before saving, saved only when insisted, flagged, and logged by the functions', async () => {
  const { page } = desk;
  await editDocument(page, (text) => text.replace('"cost": 80', '"cost": "八十"'));
  const report = page.getByTestId('validation');
  await see(page, '1 个错误 error(s)');
  const reportText = await report.innerText();
  expect(reportText).toContain('basic_health_pack');
  expect(reportText).toContain('cost');
  expect(reportText).toMatch(/所需积分.*应为数字/);
  expect(reportText).toMatch(/must be a number/);
  await shot(page, 'console-05-invalid-report');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await see(page, '这个文档有校验错误');
  await shot(page, 'console-06-insist');
  expect((await storedDoc('benefit_packs', 'basic_health_pack')).cost).toBe(80);

  await page.getByRole('button', { name: /仍然保存/ }).click();
  await see(page, '1 个文档未通过校验');
  await expect(page.locator('tr[data-id="basic_health_pack"] [data-testid="row-flag"]').innerText()).resolves.toBe('1');
  await expect(page.locator('a[data-collection="benefit_packs"] .lc-count--error').innerText()).resolves.toBe('1');
  await shot(page, 'console-07-flagged');

  // A function loading the program now skips the pack and says so in its log.
  const report2 = await cloud.call<{ errors: number; problems: Array<{ id: string; field: string }> }>(DEMO_OPS, 'ops', {
    action: 'validate',
  });
  expect(report2.problems).toContainEqual(expect.objectContaining({ id: 'basic_health_pack', field: 'cost' }));
  await go(page, consoleUrl('functions'));
  const row = page.locator('tr[data-function="ops"][data-action="validate"]').first();
  await row.waitFor();
  await expect(row.innerText()).resolves.toContain(DEMO_OPS);
  await row.click();
  await see(page, '日志 Console output');
  await see(page, /benefit_packs\/basic_health_pack field cost/);
  await shot(page, 'console-08-function-log');

  // Fixed again: the flag goes away.
  await go(page, consoleUrl('database/benefit_packs'));
  await page.locator('tr[data-id="basic_health_pack"]').click();
  await editDocument(page, (text) => text.replace('"cost": "八十"', '"cost": 80'));
  await see(page, '通过 passed');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await see(page, '已保存 basic_health_pack');
  await notSee(page, '1 个文档未通过校验');
});

test('recent invocations show function, action, caller, duration and the answer code', async () => {
  const res = await fetch(`${cloud.url}/functions/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': lin },
    body: JSON.stringify({ action: 'teleport' }),
  });
  expect(res.status).toBe(200);
  const { page } = desk;
  await go(page, consoleUrl('functions'));
  const refused = page.locator('tr[data-function="redeem"][data-action="teleport"]').first();
  await refused.waitFor();
  const text = await refused.innerText();
  expect(text).toContain(lin);
  expect(text).toContain('INVALID_INPUT');
  expect(text).toMatch(/\d+ ms/);
  await expect(page.locator('tr[data-function="redeem"][data-action="list"]').first().innerText()).resolves.toContain('OK');
  await shot(page, 'console-09-invocations');
  await page.getByLabel('只看出错').check();
  await page.locator('tr[data-function="redeem"][data-action="list"]').first().waitFor({ state: 'detached' });
  await refused.waitFor();
  await page.getByLabel('只看出错').uncheck();
});

test('importing a JSON Lines file into a new collection, then paging through it', async () => {
  const { page } = desk;
  await go(page, consoleUrl('database'));
  await page.getByLabel('新建集合').click();
  await page.getByPlaceholder('集合名称').fill('console_notes');
  await page.getByPlaceholder('集合名称').press('Enter');
  await see(page, '这个集合还没有文档');

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'console-import-')), 'console_notes.json');
  const lines = Array.from({ length: 30 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return JSON.stringify({ _id: `note_${n}`, title: `第 ${i + 1} 条`, at: { $date: `2026-11-${n}T02:00:00.000Z` } });
  });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);

  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('导入文件').setInputFiles(file);
  await see(page, '30 行');
  await shot(page, 'console-10-import');
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await see(page, '新增 30');
  await see(page, '1–20 / 共 30 条');
  expect(cloud.lc.stats().collections.console_notes).toBe(30);
  await page.getByLabel('下一页').click();
  await see(page, '21–30 / 共 30 条');
  await page.locator('tr[data-id="note_25"]').click();
  expect(await editorText(page)).toContain('"$date": "2026-11-25T02:00:00Z"');
  await shot(page, 'console-11-paging');
});

test('indexes, storage and the subscription outbox', async () => {
  await cloud.call(lin, 'invite', { action: 'card' });
  const { page } = desk;
  await go(page, consoleUrl('indexes'));
  await see(page, '各集合的索引 Indexes by collection');
  await see(page, 'inviteCode ↑');
  await see(page, 'voucherCode ↑');
  await shot(page, 'console-12-indexes');
  await go(page, consoleUrl('storage'));
  await see(page, /invite-cards\/.+\.png/);
  await page.locator('tbody tr').first().click();
  await page.locator('.lc-storage__preview img').waitFor();
  await shot(page, 'console-13-storage');
  await go(page, consoleUrl('outbox'));
  await see(page, /还没有发出的消息|模板/);
});

test('the clock: set it, the functions follow, give it back to real time', async () => {
  const { page } = desk;
  await go(page, consoleUrl('clock'));
  await page.getByLabel('新的时间').fill('2026-12-24 09:30:00');
  await page.getByRole('button', { name: '设置时间' }).click();
  await see(page, /时钟已设为 2026-12-24 09:30/);
  await expect(page.getByTestId('clock-now').innerText()).resolves.toMatch(/^2026-12-24 09:3\d:\d\d$/);
  await expect(page.getByTestId('clock-state').innerText()).resolves.toMatch(/^已调整 \+/);
  const at = cloud.lc.now().getTime();
  expect(at).toBeGreaterThanOrEqual(Date.parse('2026-12-24T01:30:00Z'));
  expect(at).toBeLessThan(Date.parse('2026-12-24T01:40:00Z'));
  const checkin = await cloud.call<{ date: string }>(newOpenid('Clock'), 'checkin', { action: 'checkin' });
  expect(checkin.date).toBe('2026-12-24');
  await shot(page, 'console-14-clock');

  await page.getByRole('button', { name: /回到真实时间/ }).click();
  await see(page, '跟随真实时间');
  await expect(page.getByTestId('clock-badge').innerText()).resolves.toBeTruthy();
  expect(Math.abs(cloud.lc.now().getTime() - Date.now())).toBeLessThan(5000);
});
