/**
 * Test control endpoints, seeding, and the static (H5) site.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURES,
  FIXTURE_FUNCTIONS,
  callAs,
  getJson,
  openid,
  postJson,
  run,
  startTestCloud,
  tempDir,
  useSdk,
  type Db,
  type TestCloud,
} from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

const seedDir = path.join(FIXTURES, 'seed');
let cloud: TestCloud;
let db: Db;
let restore: () => void;

beforeAll(async () => {
  cloud = await startTestCloud({
    seedDir,
    seed: true,
    staticDir: path.join(FIXTURES, 'static'),
    indexesFile: path.join(FIXTURES, 'indexes.json'),
  });
  ({ db, restore } = useSdk(cloud.lc));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

test('GET /health', async () => {
  expect(await getJson(`${cloud.lc.url}/health`)).toEqual({ status: 200, body: { ok: true } });
});

test('seed: <collection>.json files with extended JSON, loaded at start', async () => {
  const people = (await run(db.collection('people').orderBy('name', 'asc').get())).data as Array<Record<string, unknown>>;
  expect(people.map((p) => p.name)).toEqual(['Ann', 'Ben', 'Cat without an id']);
  expect(people[0].joinedAt).toEqual(new Date('2024-05-01T00:00:00.000Z'));
  const expires = (people[1].expiresAt as Date).getTime();
  expect(Math.abs(expires - (Date.now() + 86_400_000))).toBeLessThan(60_000);
  expect(people[2]._id).toMatch(/^[0-9a-f]{32}$/);
  expect((await run(db.collection('settings').doc('checkin').get())).data).toEqual({ _id: 'checkin', points: 5, enabled: true });
});

test('POST /__localcloud/clock jumps the clock, which keeps running; null releases it', async () => {
  const jumped = await postJson(`${cloud.lc.url}/__localcloud/clock`, { now: '2030-05-05T05:05:05.000Z' });
  expect(jumped.status).toBe(200);
  expect(Date.parse(jumped.body.now as string)).toBeGreaterThanOrEqual(Date.parse('2030-05-05T05:05:05.000Z'));
  await new Promise((resolve) => setTimeout(resolve, 30));
  const later = await getJson(`${cloud.lc.url}/__localcloud/clock`);
  expect(Date.parse(later.body.now as string) - Date.parse('2030-05-05T05:05:05.000Z')).toBeGreaterThanOrEqual(25);
  expect(cloud.lc.now().getUTCFullYear()).toBe(2030);
  expect((await postJson(`${cloud.lc.url}/__localcloud/clock`, { now: 'not a date' })).status).toBe(400);
  await postJson(`${cloud.lc.url}/__localcloud/clock`, { now: null });
  expect(Math.abs(cloud.lc.now().getTime() - Date.now())).toBeLessThan(1000);
});

test('POST /__localcloud/reset empties the data (collections from the index file stay) and can re-seed', async () => {
  await run(db.createCollection('scratch'));
  await run(db.collection('people').add({ data: { name: 'Dan' } }));
  await run(db.collection('codes').add({ data: { code: 'X' } }));

  expect((await postJson(`${cloud.lc.url}/__localcloud/reset`, { seed: false })).body).toEqual({ ok: true });
  expect(Object.keys(cloud.lc.stats().collections).sort()).toEqual(['codes', 'orders', 'people']);
  expect((await run(db.collection('people').count())).total).toBe(0);
  expect((await run(db.collection('codes').count())).total).toBe(0);

  await postJson(`${cloud.lc.url}/__localcloud/reset`, { seed: true });
  expect((await run(db.collection('people').count())).total).toBe(3);
  expect((await run(db.collection('settings').count())).total).toBe(1);
  await cloud.lc.reset();
  expect((await run(db.collection('people').count())).total).toBe(0);
});

test('GET /__localcloud/outbox and /stats answer JSON; unknown control routes are 404', async () => {
  expect((await getJson(`${cloud.lc.url}/__localcloud/outbox`)).body).toEqual({ ok: true, messages: [] });
  const stats = await getJson(`${cloud.lc.url}/__localcloud/stats`);
  expect(stats.body).toMatchObject({ ok: true, invocations: expect.any(Array), uncoveredQueries: expect.any(Array), openTransactions: 0 });
  expect((await getJson(`${cloud.lc.url}/__localcloud/functions`)).body.functions).toContain('whoami');
  expect((await getJson(`${cloud.lc.url}/__localcloud/nope`)).status).toBe(404);
});

test('the static site is served at / with SPA fallback; API paths are not shadowed', async () => {
  const index = await fetch(`${cloud.lc.url}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toMatch(/text\/html/);
  expect(await index.text()).toContain('<div id="app">');
  const asset = await fetch(`${cloud.lc.url}/js/app.js`);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  const route = await fetch(`${cloud.lc.url}/pages/badges/index`);
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('<div id="app">');
  expect((await fetch(`${cloud.lc.url}/missing.png`)).status).toBe(404);
  expect((await fetch(`${cloud.lc.url}/..%2f..%2fpackage.json`)).status).not.toBe(200);
  expect((await getJson(`${cloud.lc.url}/health`)).body).toEqual({ ok: true });
});

describe('function instances', () => {
  const cached = async (lc = cloud.lc) => (await callAs(lc, 'cached', openid('cache'))).body as { instance: string; calls: number };

  test('reset replaces function instances, so per-instance caches start over (unless asked not to)', async () => {
    const first = await cached();
    expect((await cached()).instance).toBe(first.instance);
    await postJson(`${cloud.lc.url}/__localcloud/reset`, { keepFunctionInstances: true });
    expect(await cached()).toMatchObject({ instance: first.instance });
    await postJson(`${cloud.lc.url}/__localcloud/reset`, {});
    const fresh = await cached();
    expect(fresh.instance).not.toBe(first.instance);
    expect(fresh.calls).toBe(1);
  });

  test('a rebuilt function (index.js changed) runs its new code on the next call', async () => {
    const functionsDir = tempDir('localcloud-fns-');
    fs.cpSync(path.join(FIXTURE_FUNCTIONS, 'noop'), path.join(functionsDir, 'noop'), { recursive: true });
    const own = await startTestCloud({ functionsDir });
    try {
      expect((await callAs(own.lc, 'noop', openid(1), { echo: 1 })).body).toEqual({ ok: true, echo: 1 });
      const file = path.join(functionsDir, 'noop', 'index.js');
      fs.writeFileSync(file, 'exports.main = async () => ({ version: 2 });\n');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later);
      expect((await callAs(own.lc, 'noop', openid(1))).body).toEqual({ version: 2 });
    } finally {
      await own.close();
      fs.rmSync(functionsDir, { recursive: true, force: true });
    }
  });
});
