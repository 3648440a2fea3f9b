/**
 * The project's content checks in localcloud's console, on the demo program: what ops would see
 * before saving an edit — by `_id` and field, Chinese and English — including what an edit breaks
 * in another document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalcloud, type Localcloud } from '../localcloud';
import type { ApiErrorBody, DocumentsAnswer, OverviewAnswer, ValidationAnswer, WriteAnswer } from '../localcloud/src/console/protocol';

jest.setTimeout(60_000);

let lc: Localcloud;
let dataDir: string;

async function api<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${lc.url}/console/api/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function stored(collection: string, id: string): Promise<Record<string, unknown>> {
  const page = await api<DocumentsAnswer>(
    'GET',
    `collections/${collection}/documents?filter=${encodeURIComponent(JSON.stringify({ _id: id }))}`,
  );
  return page.body.rows[0].doc;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-validator-'));
  lc = await startLocalcloud({
    dataDir,
    seedDir: path.join(__dirname, 'demo'),
    seed: true,
    indexesFile: path.join(__dirname, 'indexes.json'),
    consoleValidator: path.join(__dirname, 'consoleValidator.ts'),
    fsync: false,
    quiet: true,
  });
});

afterAll(async () => {
  await lc.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the content collections are validated and the demo program has no invalid document', async () => {
  const { body } = await api<OverviewAnswer>('GET', 'overview');
  const validated = body.collections.filter((c) => c.validated).map((c) => c.name);
  expect(validated.sort()).toEqual([
    'badges',
    'benefit_packs',
    'campaigns',
    'challenges',
    'charity_projects',
    'events',
    'settings',
    'staff',
    'tiers',
    'tree_nodes',
  ]);
  expect(body.collections.filter((c) => c.invalid > 0)).toEqual([]);
});

test('a pack with a text cost and an unknown scene: the report by _id and field in both languages, before saving', async () => {
  const pack = await stored('benefit_packs', 'basic_health_pack');
  const doc = JSON.stringify({ ...pack, cost: 'abc', scene: 'normall' });
  const { body } = await api<ValidationAnswer>('POST', 'collections/benefit_packs/validate', { doc, id: 'basic_health_pack' });
  expect(body.errors).toBe(2);
  expect(body.problems.map((p) => [p.id, p.field])).toEqual([
    ['basic_health_pack', 'cost'],
    ['basic_health_pack', 'scene'],
  ]);
  expect(body.problems[0].message_zh).toContain('所需积分');
  expect(body.problems[0].message_en).toMatch(/must be a number/);

  const refused = await api<ApiErrorBody>('PUT', 'collections/benefit_packs/documents', { id: 'basic_health_pack', doc });
  expect(refused.status).toBe(422);
  expect((await stored('benefit_packs', 'basic_health_pack')).cost).toBe(80);
});

test('a pack carrying the holds the functions keep on it is not reported (the field is known: maintained by the system)', async () => {
  const pack = await stored('benefit_packs', 'basic_points_coupon');
  const holds = { 'oMember_xxxxxxxxxxxxxxxxxxxxxxx_req-0001': { t: 'token0001', at: Date.parse('2030-01-01T00:00:00Z'), o: 'oMember' } };
  const { body } = await api<ValidationAnswer>('POST', 'collections/benefit_packs/validate', {
    doc: JSON.stringify({ ...pack, holds }),
    id: 'basic_points_coupon',
  });
  expect(body.problems).toEqual([]);
});

test('raising the advanced threshold above core is reported on core, the document it breaks', async () => {
  const advanced = await stored('tiers', 'advanced');
  const doc = JSON.stringify({ ...advanced, threshold: 5000 });
  const { body } = await api<ValidationAnswer>('POST', 'collections/tiers/validate', { doc, id: 'advanced' });
  expect(body.problems.filter((p) => p.severity === 'error').map((p) => [p.collection, p.id, p.field])).toEqual([
    ['tiers', 'core', 'threshold'],
  ]);
});

test('a valid stock change saves without a word; a forced broken one is flagged in the list and the overview', async () => {
  const pack = await stored('benefit_packs', 'basic_health_pack');
  const ok = await api<WriteAnswer>('PUT', 'collections/benefit_packs/documents', {
    id: 'basic_health_pack',
    doc: JSON.stringify({ ...pack, stock: 7 }),
  });
  expect(ok.body).toMatchObject({ errors: 0, problems: [] });

  const broken = JSON.stringify({ ...pack, stock: 7, minTier: 'gold' });
  const forced = await api<WriteAnswer>('PUT', 'collections/benefit_packs/documents', {
    id: 'basic_health_pack',
    doc: broken,
    force: true,
  });
  expect(forced.body.errors).toBeGreaterThan(0);
  const page = await api<DocumentsAnswer>('GET', 'collections/benefit_packs/documents?limit=50');
  const flagged = page.body.rows.filter((r) => (r.problems?.errors ?? 0) > 0).map((r) => r.id);
  expect(flagged).toEqual(['basic_health_pack']);
  const overview = await api<OverviewAnswer>('GET', 'overview');
  expect(overview.body.collections.find((c) => c.name === 'benefit_packs')?.invalid).toBe(1);
});
