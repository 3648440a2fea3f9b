/**
 * The ops dashboard in the H5 build, on a month of simulated community life (scripts/simulate):
 * the ops staff sees the figures `ops.stats` computes — DAU and retention lines, new members,
 * points, redemptions per tier and pack, tier coverage against 90/40/10, penetration, the invite
 * funnel with K-factor — and the content report; a member and a verifier see a locked page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { OpsStatsData } from '@shared/contracts/ops';
import type { Localcloud } from '../localcloud';
import { runSimulation, type SimulationReport } from '../scripts/simulate/run';
import { launchBrowser, openAsMember, type MemberPage } from './support/browser';
import { DEMO_OPS, DEMO_VERIFIER, newOpenid } from './support/cloud';
import { expectNoConsoleErrors, go, pageText, see, shot, tap } from './support/ui';

const ROOT = path.resolve(__dirname, '..');
const DASHBOARD = 'packages/ops/pages/dashboard/index';
/** The evening of the last simulated day, Shanghai — for localcloud and for the browser's own clock. */
const NOW = '2026-11-23T12:00:00.000Z';

let report: SimulationReport;
let lc: Localcloud;
let url: string;
let browser: Browser;
let ops: MemberPage;

const appUrl = (openid: string) => `${url}/?member=${encodeURIComponent(openid)}#/${DASHBOARD}`;

async function statsFor(from: string, to: string): Promise<OpsStatsData> {
  const res = await fetch(`${url}/functions/ops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': DEMO_OPS },
    body: JSON.stringify({ action: 'stats', from, to }),
  });
  const body = (await res.json()) as { ok: boolean; data: OpsStatsData };
  if (!body.ok) throw new Error('ops.stats failed');
  return body.data;
}

beforeAll(async () => {
  report = await runSimulation({
    members: 60,
    days: 30,
    seed: 2026,
    start: '2026-10-25',
    concurrency: 6,
    functionsDir: path.join(ROOT, 'dist', 'cloudfunctions'),
    // E2E_H5_DIR: an H5 build made elsewhere (so a build never replaces files another suite is serving).
    staticDir: process.env.E2E_H5_DIR ?? path.join(ROOT, 'dist', 'h5'),
    keepRunning: true,
  });
  if (!report.localcloud) throw new Error('the simulation did not keep its localcloud');
  lc = report.localcloud;
  url = lc.url.replace(/\/$/, '');
  lc.setClock(NOW);
  browser = await launchBrowser();
  ops = await openAsMember(browser);
  // The dashboard's "近 30 天" ends on the phone's today: make it the simulated one.
  await ops.page.clock.setFixedTime(new Date(NOW));
}, 300_000);

afterAll(async () => {
  await ops?.close();
  await browser?.close();
  if (lc) {
    const dataDir = lc.dataDir;
    await lc.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

afterEach(() => {
  expectNoConsoleErrors(ops);
});

test('ops staff see a month of metrics with charts, coverage against the targets and the funnel', async () => {
  const { page } = ops;
  await go(page, appUrl(DEMO_OPS));
  await see(page, '每日签到人数（DAU）');
  const expected = await statsFor('2026-10-25', '2026-11-23');
  const text = await pageText(page);
  expect(text).toContain('2026-10-25');
  expect(text).toContain('统计于 2026-11-23');
  expect(text).toContain(`活跃会员 ${expected.activeMembers} 人（2026-10-25 至 2026-11-23 有签到）`);
  for (const c of expected.coverage) expect(text).toContain(`${c.coverage}%`);
  expect(text).toContain('目标 40%');
  expect(text).toContain('目标 10%');
  expect(text).toMatch(/接近目标|低于目标|高于目标/);
  expect(text).toContain('福利渗透率');
  expect(text).toContain(`K 因子 ${expected.invites.kFactor.toFixed(2)}`);
  expect(text).toContain('好友激活');
  expect(text).toContain(`共 ${expected.redemptions.total} 次`);
  // The line charts are SVG images the browser decoded.
  const charts = await page
    .locator('img[src^="data:image/svg+xml;base64,"]')
    .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  expect(charts.length).toBe(2);
  for (const w of charts) expect(w).toBeGreaterThan(0);
  await see(page, /内容校验通过|内容有错误/);
  await shot(page, 'ops-dashboard-1-overview');
  // The H5 page scrolls inside Taro's container, not the document: one screenshot per part.
  for (const [title, name] of [
    ['每日新会员', 'ops-dashboard-2-members-points'],
    ['等级覆盖率', 'ops-dashboard-3-coverage'],
    // The end of the page: the invite funnel and the content report.
    ['内容校验', 'ops-dashboard-4-invites-validation'],
  ]) {
    await page
      .getByText(title, { exact: true })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, name);
  }
});

test('a shorter range reloads the figures', async () => {
  const { page } = ops;
  await tap(page, '近 7 天');
  await see(page, '2026-11-17');
  const expected = await statsFor('2026-11-17', '2026-11-23');
  await see(page, `共 ${expected.redemptions.total} 次`);
  expect(report.checkins).toBeGreaterThan(0);
});

test.each([
  ['a member', newOpenid('NotOps')],
  ['a verifier', DEMO_VERIFIER],
])('%s sees a locked page', async (_who, openid) => {
  const other = await openAsMember(browser);
  try {
    await go(other.page, appUrl(openid));
    await see(other.page, '仅限运营人员');
    expect(await pageText(other.page)).not.toContain('每日签到人数');
    expectNoConsoleErrors(other);
  } finally {
    await other.close();
  }
});
