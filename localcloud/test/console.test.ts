/**
 * The console's API (`/console/api/*`): browsing, validated writes through the database layer,
 * import/export in the cloud console's format, invocations with their own console output, storage,
 * outbox, indexes, the clock — and its guards (loopback host, same-origin writes, bounded bodies,
 * malformed input answered, never crashing).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnLocalcloud } from '../index';
import { fromConsoleLines } from '../src/console/consoleLines';
import type {
  ApiErrorBody,
  DocumentsAnswer,
  ImportAnswer,
  IndexesAnswer,
  InvocationRow,
  InvocationsAnswer,
  OutboxAnswer,
  OverviewAnswer,
  StorageAnswer,
  ValidationAnswer,
  WriteAnswer,
} from '../src/console/protocol';
import { loadConsoleValidator } from '../src/console/validator';
import { FIXTURES, callAs, openid, run, startTestCloud, tempDir, useSdk, type Db, type Sdk, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(60_000);

const VALIDATOR = path.join(FIXTURES, 'consoleValidator.ts');
let cloud: TestCloud;
let sdk: Sdk;
let db: Db;
let restore: () => void;

interface Answer<T> {
  status: number;
  body: T;
}

async function api<T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${cloud.lc.url}/console/api/${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** fetch() may not set Host; a raw request can, like a page on a DNS-rebound name would. */
function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: cloud.lc.port, path: '/console/api/overview', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const documents = (collection: string, query: Record<string, string | number> = {}) =>
  api<DocumentsAnswer>(
    'GET',
    `collections/${collection}/documents?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
  );
const insert = (collection: string, doc: unknown, force = false) =>
  api<WriteAnswer & ApiErrorBody>('POST', `collections/${collection}/documents`, {
    doc: typeof doc === 'string' ? doc : JSON.stringify(doc),
    force,
  });
const replace = (collection: string, id: unknown, doc: unknown, force = false) =>
  api<WriteAnswer & ApiErrorBody>('PUT', `collections/${collection}/documents`, { id, doc: JSON.stringify(doc), force });
const remove = (collection: string, id: unknown, force = false) =>
  api<WriteAnswer & ApiErrorBody>('DELETE', `collections/${collection}/documents`, { id, force });
const importLines = (collection: string, text: string, query = '') =>
  api<ImportAnswer & ApiErrorBody>('POST', `collections/${collection}/import${query}`, text, { 'content-type': 'text/plain' });

async function emptyCollection(name: string): Promise<void> {
  await run(
    db
      .collection(name)
      .where({ _id: db.command.exists(true) })
      .remove(),
  );
}

beforeAll(async () => {
  cloud = await startTestCloud({ indexesFile: path.join(FIXTURES, 'indexes.json'), consoleValidator: VALIDATOR });
  ({ cloud: sdk, db, restore } = useSdk(cloud.lc, { openid: openid('console') }));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

describe('guards', () => {
  test('a non-loopback Host (DNS rebinding) is refused, and so is a write from another origin', async () => {
    expect(await statusWithHost('evil.example')).toBe(403);
    expect(await statusWithHost(`localhost:${cloud.lc.port}`)).toBe(200);
    const crossSite = await api<ApiErrorBody>('POST', 'clock', { now: null }, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('FORBIDDEN');
    // The console page itself (same origin) may write.
    const own = await api('POST', 'clock', { now: null }, { origin: cloud.lc.url });
    expect(own.status).toBe(200);
  });

  test('bodies are bounded; malformed JSON, filters and operators get a clear 4xx and localcloud keeps serving', async () => {
    const huge = await insert('people', { _id: 'big', name: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const notJson = await api<ApiErrorBody>('POST', 'collections/people/documents', '{"doc": ', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    const badDoc = await insert('people', '{"name": "Ann",}');
    expect(badDoc.status).toBe(400);
    expect(badDoc.body.error.code).toBe('INVALID_JSON');
    expect(badDoc.body.error.message).toMatch(/文档不是合法的 JSON .* the document is not valid JSON/);
    const badFilter = await documents('people', { filter: '{"age": {"$gt": }' });
    expect(badFilter.status).toBe(400);
    expect((badFilter.body as unknown as ApiErrorBody).error.message).toContain('filter');
    const badOperator = await documents('people', { filter: '{"age": {"$frobnicate": 1}}' });
    expect(badOperator.status).toBe(400);
    expect((badOperator.body as unknown as ApiErrorBody).error.message).toMatch(/frobnicate/);
    const badDate = await documents('people', { filter: '{"at": {"$date": "next tuesday"}}' });
    expect(badDate.status).toBe(400);
    const badSort = await documents('people', { sort: '{"age": "up"}' });
    expect((badSort.body as unknown as ApiErrorBody).error.code).toBe('INVALID_SORT');
    expect((await documents('nope')).status).toBe(404);
    expect((await api('GET', 'overview')).status).toBe(200);
  });
});

describe('browsing', () => {
  beforeAll(async () => {
    await emptyCollection('orders');
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    await run(
      db.collection('orders').add({
        data: Array.from({ length: 45 }, (_, i) => ({
          _id: `o${String(i).padStart(2, '0')}`,
          openid: i % 3 === 0 ? 'alice' : 'bob',
          amount: i,
          createdAt: new Date(base + i * 86_400_000),
        })),
      }),
    );
  });

  test('the overview lists collections with counts, indexes and which are validated', async () => {
    const { body } = await api<OverviewAnswer>('GET', 'overview');
    expect(body.envId).toBe('local-env');
    expect(body.validator).toBe(true);
    expect(body.functions).toContain('chatty');
    const orders = body.collections.find((c) => c.name === 'orders');
    expect(orders).toEqual({ name: 'orders', count: 45, indexes: 2, validated: false, invalid: 0 });
    expect(body.collections.find((c) => c.name === 'people')?.validated).toBe(true);
    expect(body.collections.map((c) => c.name)).toEqual([...body.collections.map((c) => c.name)].sort());
  });

  test('pages through a collection, filters with the SDK query language and EJSON dates, sorts', async () => {
    const first = await documents('orders', { limit: 20 });
    expect(first.body.total).toBe(45);
    expect(first.body.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `o${String(i).padStart(2, '0')}`));
    expect(first.body.rows[0].doc.createdAt).toEqual({ $date: '2026-01-01T00:00:00Z' });
    expect(first.body.rows[0].problems).toBeNull();
    const third = await documents('orders', { limit: 20, skip: 40 });
    expect(third.body.rows.map((r) => r.id)).toEqual(['o40', 'o41', 'o42', 'o43', 'o44']);

    const filter = JSON.stringify({ openid: 'alice', createdAt: { $gte: { $date: '2026-01-31T00:00:00Z' } } });
    const filtered = await documents('orders', { filter, sort: '{"amount": -1}', limit: 5 });
    expect(filtered.body.total).toBe(5);
    expect(filtered.body.rows.map((r) => r.doc.amount)).toEqual([42, 39, 36, 33, 30]);
  });

  test('console queries are not index-checked and leave no uncovered shapes behind', async () => {
    const before = (await api<IndexesAnswer>('GET', 'indexes')).body.uncovered;
    await documents('orders', { filter: '{"amount": {"$gt": 10}}' });
    await documents('orders', { sort: '{"amount": -1}' });
    expect((await api<IndexesAnswer>('GET', 'indexes')).body.uncovered).toEqual(before);
    expect(before.some((u) => u.fields.includes('amount'))).toBe(false);
  });
});

describe('writes go through the database layer', () => {
  beforeEach(async () => {
    await emptyCollection('codes');
    await emptyCollection('people');
  });

  test('insert, edit and delete are what the SDK reads next, and survive a restart (journal)', async () => {
    const created = await insert('codes', { _id: 'c1', code: 'A1', at: { $date: '2026-02-03T04:05:06Z' } });
    expect(created.status).toBe(200);
    expect(created.body.id).toBe('c1');
    const read = (await run(db.collection('codes').doc('c1').get())).data as Record<string, unknown>;
    expect(read.at).toEqual(new Date('2026-02-03T04:05:06Z'));

    expect((await replace('codes', 'c1', { code: 'B2', note: 'edited' })).status).toBe(200);
    expect((await run(db.collection('codes').doc('c1').get())).data).toEqual({ _id: 'c1', code: 'B2', note: 'edited' });

    const generated = await insert('codes', { _id: '', code: 'C3' });
    expect(generated.body.id).toMatch(/^[0-9a-f]{32}$/);
    expect((await remove('codes', generated.body.id)).status).toBe(200);
    expect((await run(db.collection('codes').where({ code: 'C3' }).count())).total).toBe(0);

    // A localcloud restarted on the same data directory reads the edits back from the journal.
    await cloud.lc.stop();
    restore();
    cloud = await startTestCloud({ dataDir: cloud.dataDir, indexesFile: path.join(FIXTURES, 'indexes.json'), consoleValidator: VALIDATOR });
    ({ cloud: sdk, db, restore } = useSdk(cloud.lc, { openid: openid('console') }));
    expect((await documents('codes')).body.rows.map((r) => r.doc)).toEqual([{ _id: 'c1', code: 'B2', note: 'edited' }]);
  });

  test('unique indexes and _id are enforced like any write; _id cannot change; missing documents are 404', async () => {
    await insert('codes', { _id: 'u1', code: 'SAME' });
    const dup = await insert('codes', { _id: 'u2', code: 'SAME' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_KEY');
    expect(dup.body.error.message).toContain('E11000');
    const sameId = await insert('codes', { _id: 'u1', code: 'OTHER' });
    expect(sameId.status).toBe(409);
    const renamed = await replace('codes', 'u1', { _id: 'u9', code: 'SAME' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.code).toBe('ID_CHANGED');
    expect((await replace('codes', 'ghost', { code: 'X' })).status).toBe(404);
    expect((await remove('codes', 'ghost')).status).toBe(404);
    expect((await run(db.collection('codes').count())).total).toBe(1);
  });
});

describe('validation', () => {
  beforeEach(async () => {
    await emptyCollection('people');
    await run(
      db.collection('people').add({
        data: [
          { _id: 'boss', name: 'Boss' },
          { _id: 'p1', name: 'Ann', managerId: 'boss' },
        ],
      }),
    );
  });

  test('the editor text is checked live: problems by _id and field in both languages, nothing written', async () => {
    const { body } = await api<ValidationAnswer>('POST', 'collections/people/validate', { doc: '{"name": "", "age": 1.5}', id: 'p1' });
    expect(body.errors).toBe(2);
    expect(body.problems).toEqual([
      {
        collection: 'people',
        id: 'p1',
        field: 'name',
        severity: 'error',
        message_zh: '姓名必须是非空文本',
        message_en: 'name must be a non-empty string',
      },
      {
        collection: 'people',
        id: 'p1',
        field: 'age',
        severity: 'error',
        message_zh: '年龄必须是非负整数',
        message_en: 'age must be a whole number',
      },
    ]);
    expect((await run(db.collection('people').doc('p1').get())).data).toEqual({ _id: 'p1', name: 'Ann', managerId: 'boss' });
    const clean = await api<ValidationAnswer>('POST', 'collections/people/validate', {
      doc: '{"name": "Ann", "nickname": "Annabelle-Lee"}',
      id: 'p1',
    });
    expect(clean.body).toMatchObject({ errors: 0, warnings: 1 });
  });

  test('an invalid save is refused with the report; insisting saves it, and the list and overview flag it', async () => {
    const refused = await replace('people', 'p1', { name: 'Ann', age: -3 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.problems?.map((p) => `${p.id} ${p.field}`)).toEqual(['p1 age']);
    expect(((await run(db.collection('people').doc('p1').get())).data as { age?: number }).age).toBeUndefined();

    const forced = await replace('people', 'p1', { name: 'Ann', age: -3 }, true);
    expect(forced.status).toBe(200);
    expect(forced.body.errors).toBe(1);
    expect(((await run(db.collection('people').doc('p1').get())).data as { age?: number }).age).toBe(-3);

    const page = await documents('people');
    expect(page.body.validated).toBe(true);
    expect(Object.fromEntries(page.body.rows.map((r) => [r.id, r.problems]))).toEqual({
      boss: { errors: 0, warnings: 0 },
      p1: { errors: 1, warnings: 0 },
    });
    const overview = await api<OverviewAnswer>('GET', 'overview');
    expect(overview.body.collections.find((c) => c.name === 'people')?.invalid).toBe(1);
  });

  test('a write is judged by what it breaks elsewhere: deleting a manager needs insisting', async () => {
    const refused = await remove('people', 'boss');
    expect(refused.status).toBe(422);
    expect(refused.body.problems?.map((p) => `${p.id} ${p.field} ${p.message_en}`)).toEqual([
      'p1 managerId no person boss',
      'boss  boss is missing',
    ]);
    expect((await run(db.collection('people').count())).total).toBe(2);
    expect((await remove('people', 'boss', true)).status).toBe(200);
    // What concerns no stored document is shown for the collection.
    const page = await documents('people');
    expect(page.body.collectionProblems.map((p) => p.message_en)).toEqual(['boss is missing']);
  });

  test('inserts in a collection the validator does not check are never refused', async () => {
    const res = await insert('codes', { _id: 'free', code: 'FREE', anything: [1, { deep: true }] });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect((await documents('codes')).body.rows.every((r) => r.problems === null)).toBe(true);
  });
});

describe('import and export in the cloud console format', () => {
  beforeEach(async () => {
    await emptyCollection('people');
    await run(db.collection('people').add({ data: [{ _id: 'boss', name: 'Boss', since: new Date('2020-01-01T00:00:00Z') }] }));
  });

  test('JSON Lines import upserts by _id with dates as database Dates; export gives the same lines back', async () => {
    const lines = [
      '{"_id":"boss","name":"Big Boss","since":{"$date":"2020-01-01T00:00:00.000Z"}}',
      '{"_id":"p2","name":"Ben","since":{"$date":1700000000000},"age":{"$numberLong":"40"}}',
      '{"name":"No Id","managerId":"boss"}',
    ].join('\n');
    const res = await importLines('people', `${lines}\n`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 2, replaced: 1, errors: 0 });
    const ben = (await run(db.collection('people').doc('p2').get())).data as Record<string, unknown>;
    expect(ben.since).toEqual(new Date(1700000000000));
    expect(ben.age).toBe(40);

    const exported = await fetch(`${cloud.lc.url}/console/api/collections/people/export`);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="people.json"');
    const text = await exported.text();
    const docs = fromConsoleLines(text, { requireId: true });
    expect(docs.map((d) => d._id).slice(0, 2)).toEqual(['boss', 'p2']);
    expect(docs[1]).toEqual({ _id: 'p2', name: 'Ben', since: { $date: '2023-11-14T22:13:20.000Z' }, age: 40 });
    expect(text.split('\n')[0]).toBe('{"_id":"boss","name":"Big Boss","since":{"$date":"2020-01-01T00:00:00.000Z"}}');

    // Export → import into an emptied collection gives the same documents.
    await emptyCollection('people');
    expect((await importLines('people', text)).body.inserted).toBe(3);
    const back = await fetch(`${cloud.lc.url}/console/api/collections/people/export`);
    expect(await back.text()).toBe(text);
  });

  test('a filtered export holds what the filter matches', async () => {
    await run(db.collection('people').add({ data: [{ _id: 'p5', name: 'Eve', managerId: 'boss' }] }));
    const res = await fetch(`${cloud.lc.url}/console/api/collections/people/export?filter=${encodeURIComponent('{"managerId": "boss"}')}`);
    expect(await res.text()).toBe('{"_id":"p5","name":"Eve","managerId":"boss"}\n');
  });

  test('a broken file is refused whole, line by line; insert mode refuses existing ids; validation needs insisting', async () => {
    const broken = await importLines('people', '{"_id":"a","name":"A"}\n{"_id": "b",\n{"_id":"a","name":"again"}\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('INVALID_IMPORT_FILE');
    expect(broken.body.lines).toEqual([{ at: 2, id: '*', message_zh: '第 2 行不是合法的 JSON', message_en: 'line 2 is not valid JSON' }]);
    const duplicateInFile = await importLines('people', '{"_id":"a","name":"A"}\n{"_id":"a","name":"again"}\n');
    expect(duplicateInFile.body.lines?.[0]).toMatchObject({ at: 2, id: 'a', message_en: 'duplicate _id "a"' });

    const insertMode = await importLines('people', '{"_id":"boss","name":"B"}\n{"_id":"new","name":"N"}\n', '?mode=insert');
    expect(insertMode.status).toBe(409);
    expect(insertMode.body.error.code).toBe('DUPLICATE_ID');
    expect((await run(db.collection('people').count())).total).toBe(1);

    const invalid = await importLines('people', '{"_id":"n1","name":""}\n{"_id":"n2","name":"ok"}\n');
    expect(invalid.status).toBe(422);
    expect(invalid.body.problems?.map((p) => `${p.id} ${p.field}`)).toEqual(['n1 name']);
    expect((await run(db.collection('people').count())).total).toBe(1);
    const forced = await importLines('people', '{"_id":"n1","name":""}\n{"_id":"n2","name":"ok"}\n', '?force=1');
    expect(forced.body).toMatchObject({ inserted: 2, errors: 1 });
    expect((await importLines('people', '\n\n')).body.error.code).toBe('EMPTY_IMPORT');
  });
});

describe('functions, storage, outbox, indexes and clock', () => {
  const invocations = async () => (await api<InvocationsAnswer>('GET', 'invocations?limit=300')).body.invocations;
  const byTag = (rows: InvocationRow[], tag: string) =>
    rows.find((r) => r.result?.includes(`"${tag}"`) || r.output.includes(`start ${tag}\n`));

  test('each invocation lists function, action, caller, duration and code, with its own console output', async () => {
    const member = openid('chatty');
    const tags = Array.from({ length: 12 }, (_, i) => `t${i}`);
    await Promise.all(tags.map((tag, i) => callAs(cloud.lc, 'chatty', member, { action: 'talk', tag, delayMs: (i % 4) * 15 })));
    await callAs(cloud.lc, 'chatty', member, { action: 'explode', tag: 'boom1', fail: true });
    await callAs(cloud.lc, 'chatty', member, { action: 'refuse', tag: 'no1', code: 'NOT_ALLOWED' });
    const rows = await invocations();

    for (const tag of tags) {
      const row = byTag(rows, tag);
      expect(row).toMatchObject({ function: 'chatty', action: 'talk', openid: member, status: 'ok', code: 'OK' });
      // Only this call's lines, in order, although the calls ran side by side on several instances.
      expect(row?.output).toBe(`start ${tag}\nwarn ${tag}\nend ${tag}\n`);
      expect(row?.durationMs).toEqual(expect.any(Number));
    }
    const failed = rows.find((r) => r.action === 'explode');
    expect(failed).toMatchObject({ status: 'error', code: 'FUNCTIONS_EXECUTE_FAIL', error: 'Error: chatty failed boom1' });
    expect(failed?.stack).toContain('chatty failed boom1');
    expect(failed?.output).toBe('start boom1\nwarn boom1\nend boom1\n');
    expect(rows.find((r) => r.action === 'refuse')).toMatchObject({ status: 'ok', code: 'NOT_ALLOWED' });
    expect(rows[0].action).toBe('refuse');
  });

  test('console output is bounded per invocation', async () => {
    await callAs(cloud.lc, 'chatty', openid('bulk'), { action: 'bulk', tag: 'bulk1', bulk: 200_000 });
    const row = (await invocations()).find((r) => r.action === 'bulk');
    expect(row?.output.length).toBeLessThan(17 * 1024);
    expect(row?.output).toContain('output truncated');
    expect(row?.result).toBe('{"ok":true,"tag":"bulk1"}');
  });

  test('storage files and the subscription outbox are listed', async () => {
    await run(sdk.uploadFile({ cloudPath: 'cards/one card.png', fileContent: Buffer.from('png-bytes') }));
    const storage = (await api<StorageAnswer>('GET', 'storage')).body;
    const file = storage.files.find((f) => f.cloudPath === 'cards/one card.png');
    expect(file).toMatchObject({ size: 9, contentType: 'image/png', url: '/__storage/cards/one%20card.png' });
    expect(await (await fetch(`${cloud.lc.url}${file?.url}`)).text()).toBe('png-bytes');

    await callAs(cloud.lc, 'openapi', openid('outbox'), { text: '奖励到账' });
    const outbox = (await api<OutboxAnswer>('GET', 'outbox')).body;
    expect(outbox.messages[0]).toMatchObject({
      touser: openid('outbox'),
      template_id: 'TPL_reward',
      data: { thing1: { value: '奖励到账' } },
    });
  });

  test('indexes per collection, and the uncovered query shapes the functions ran', async () => {
    await run(db.collection('orders').where({ amount: 3 }).get());
    const { body } = await api<IndexesAnswer>('GET', 'indexes');
    expect(body).toMatchObject({ strict: false, loaded: true });
    expect(body.collections.find((c) => c.name === 'codes')?.indexes).toEqual([
      { name: '_id_', keys: [{ field: '_id', direction: 1 }], unique: true },
      { name: 'code_unique', keys: [{ field: 'code', direction: 1 }], unique: true },
    ]);
    expect(body.uncovered).toContainEqual({ collection: 'orders', operation: 'get', fields: ['amount'], count: 1 });
  });

  test('the clock: set, read, released; bad instants refused', async () => {
    const set = await api<{ now: string; offsetMs: number }>('POST', 'clock', { now: '2031-03-04T05:06:07.000Z' });
    expect(Date.parse(set.body.now)).toBeGreaterThanOrEqual(Date.parse('2031-03-04T05:06:07.000Z'));
    expect(set.body.offsetMs).toBeGreaterThan(0);
    expect(cloud.lc.now().getUTCFullYear()).toBe(2031);
    const bad = await api<ApiErrorBody>('POST', 'clock', { now: 'tomorrow-ish' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CLOCK');
    const released = await api<{ offsetMs: number }>('POST', 'clock', { now: null });
    expect(released.body.offsetMs).toBe(0);
    expect((await api<OverviewAnswer>('GET', 'overview')).body.clockOffsetMs).toBe(0);
  });

  test('collections can be created; an existing or malformed name is refused', async () => {
    expect((await api('POST', 'collections', { name: 'scratch_console' })).status).toBe(200);
    expect((await api<ApiErrorBody>('POST', 'collections', { name: 'scratch_console' })).body.error.code).toBe('COLLECTION_EXISTS');
    expect((await api('POST', 'collections', { name: 'bad name!' })).status).toBe(400);
  });
});

describe('the page', () => {
  test('GET /console serves the React page with hashed assets, and the bundle', async () => {
    const res = await fetch(`${cloud.lc.url}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    const script = /src="(\/console\/assets\/console\.js\?v=[0-9a-f]{12})"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${cloud.lc.url}${script}`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(50_000);
    const css = await fetch(`${cloud.lc.url}/console/assets/console.css`);
    expect(await css.text()).toContain('.lc-app');
  });
});

describe('the validator hook', () => {
  test('--console-validator <module> plugs a project module into the CLI', async () => {
    const dataDir = tempDir();
    const child = await spawnLocalcloud([
      '--port',
      '0',
      '--data',
      dataDir,
      '--functions',
      path.join(dataDir, 'none'),
      '--indexes',
      path.join(FIXTURES, 'indexes.json'),
      '--console-validator',
      VALIDATOR,
      '--quiet',
    ]);
    try {
      const overview = (await (await fetch(`${child.url}/console/api/overview`)).json()) as OverviewAnswer;
      expect(overview.validator).toBe(true);
      expect(overview.collections.filter((c) => c.validated).map((c) => c.name)).toEqual(['people']);
    } finally {
      await child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a module without a validator is a clear start-up error', () => {
    expect(() => loadConsoleValidator(path.join(FIXTURES, 'functions', 'noop', 'index.js'))).toThrow(/must export consoleValidator/);
    expect(() => loadConsoleValidator({ collections: 'people', validate: () => [] } as never)).toThrow(/collections/);
  });
});
