/**
 * No request takes localcloud down: deeply nested, huge, malformed and random input to every
 * HTTP endpoint (gateway, HTTP access, admin API, storage, test control, static site, health)
 * gets an answer — 4xx when it is the caller's fault — and localcloud stays healthy.
 */
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { FIXTURES, callAs, openid, startTestCloud, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ staticDir: path.join(FIXTURES, 'static') });
  // A collection with documents, so fuzzed database actions get past "collection not found".
  await send('POST', '/admin', JSON.stringify({ action: 'database.addCollection', collectionName: 'fuzz' }), {
    'content-type': 'application/json',
  });
  const docs = [
    { _id: 'a', n: 1, items: [{ k: 'x' }] },
    { _id: 'b', s: 'text', at: { $date: '2030-01-01T00:00:00Z' } },
  ];
  await send(
    'POST',
    '/admin',
    JSON.stringify({ action: 'database.insertDocument', collectionName: 'fuzz', data: docs.map((d) => JSON.stringify(d)) }),
    {
      'content-type': 'application/json',
    },
  );
});

afterAll(async () => {
  await cloud.close();
});

interface Answer {
  status: number;
  body: Buffer;
}

/** A raw HTTP request (no client-side URL or method normalisation, unlike fetch). */
function send(method: string, target: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = cloud.lc;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (answer: Answer): Record<string, unknown> => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
const deepArrays = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const asMember = { 'content-type': 'application/json', 'x-wx-openid': openid('fuzz') };

async function expectHealthy(): Promise<void> {
  const health = await send('GET', '/health');
  expect(health.status).toBe(200);
  expect(json(health)).toEqual({ ok: true });
  expect((await callAs(cloud.lc, 'noop', openid('after'), { echo: 'still here' })).body).toEqual({ ok: true, echo: 'still here' });
}

describe('the reported cases', () => {
  test('a ~40 KB event nested 20,000 arrays deep is a 400 at the gateway, and nothing else is hurt', async () => {
    const slow = callAs(cloud.lc, 'slow', openid('inflight'), { ms: 300 }); // a call in flight meanwhile
    const deep = deepArrays(20_000);
    expect(deep.length).toBeGreaterThan(40_000);
    const res = await send('POST', '/functions/noop', deep, asMember);
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({ ok: false, error: { code: 'INVALID_JSON' } });
    expect((await slow).body).toEqual({ slept: 300 });
    await expectHealthy();
  });

  test('the same event through the admin API (cloud.callFunction) is refused with INVALID_PARAM', async () => {
    const res = await send(
      'POST',
      '/admin',
      JSON.stringify({ action: 'functions.invokeFunction', function_name: 'noop', request_data: deepArrays(20_000) }),
      { 'content-type': 'application/json' },
    );
    expect(res.status).toBe(200);
    expect(json(res)).toMatchObject({ code: 'INVALID_PARAM' });
    await expectHealthy();
  });

  test('an event nested 257 levels deep (parseable, but past the limit) is refused by every entrance', async () => {
    const event = deepArrays(256); // the wrapping object makes it 257
    expect((await send('POST', '/functions/noop', event, asMember)).status).toBe(400);
    expect((await send('POST', '/http/noop/x', event, { 'content-type': 'application/json' })).status).toBe(200); // a string body, not parsed
    const nested = JSON.parse(deepArrays(300)) as Record<string, unknown>;
    const direct = await cloud.lc.invoke('noop', nested, { openid: openid('direct') });
    expect(direct.outcome).toEqual({ kind: 'invalid', message: 'the event is nested more than 256 levels deep' });
  });

  test('an event that cannot be handed to a worker is refused, and the instance keeps serving', async () => {
    const { outcome } = await cloud.lc.invoke('noop', { callback: () => 1 }, { openid: openid('clone') });
    expect(outcome.kind).toBe('invalid');
    await expectHealthy();
  });

  test('deeply nested EJSON in a query, an update or a pipeline is INVALID_PARAM', async () => {
    const admin = async (params: Record<string, unknown>) =>
      json(await send('POST', '/admin', JSON.stringify({ collectionName: 'fuzz', ...params }), { 'content-type': 'application/json' }));
    const deep = deepArrays(20_000);
    expect(await admin({ action: 'database.getDocument', query: deep })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await admin({ action: 'database.modifyDocument', query: '{}', data: deep })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await admin({ action: 'database.insertDocument', data: [deep] })).toMatchObject({ code: 'INVALID_PARAM' });
    expect(await admin({ action: 'database.aggregateDocuments', stages: [{ stageKey: '$match', stageValue: deep }] })).toMatchObject({
      code: 'INVALID_PARAM',
    });
    await expectHealthy();
  });

  test('malformed percent-encoding in a path is a 400, not a 500', async () => {
    expect((await send('POST', '/functions/%E0%A4%A', '{}', asMember)).status).toBe(400);
    expect((await send('POST', '/http/%E0%A4%A/x', '{}')).status).toBe(400);
    expect((await send('GET', '/http/noop/%FF')).status).toBe(400);
    expect((await send('POST', '/__localcloud/triggers/%E0%A4%A/x')).status).toBe(400);
    expect((await send('GET', '/__storage/%E0%A4%A')).status).toBe(400);
    expect((await send('GET', '/%E0%A4%A')).status).toBe(400);
  });

  test('a body past the limit is answered 413 (after being read, so the client sees it)', async () => {
    const huge = Buffer.alloc(7 * 1024 * 1024, 0x20);
    expect((await send('POST', '/functions/noop', huge, asMember)).status).toBe(413);
    expect((await send('POST', '/http/httpecho/x', huge)).status).toBe(413);
    expect((await send('POST', '/__localcloud/clock', huge, { 'content-type': 'application/json' })).status).toBe(413);
    await expectHealthy();
  });
});

describe('fuzz', () => {
  const segment = fc.oneof(
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
    fc.constantFrom('%', '%E0%A4%A', '%FF', '%00', '..', '.', '%2e%2e', '%2F', 'noop', 'httpecho', 'whoami', 'boom'),
  );
  const pathAfter = (prefix: string) => fc.array(segment, { minLength: 0, maxLength: 4 }).map((parts) => `${prefix}${parts.join('/')}`);
  const deep = fc
    .integer({ min: 1, max: 30_000 })
    .chain((depth) =>
      fc.constantFrom(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, '['.repeat(depth)),
    );
  const body = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ action: 'noop', payload: v })),
    deep,
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.constant(''),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'text/plain',
    'application/octet-stream',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'multipart/form-data; boundary="a b"',
  );
  const openidHeader = fc.oneof(
    fc.constant(openid('fuzzer')),
    fc.string({ maxLength: 70 }).filter((s) => /^[\x21-\x7e]*$/.test(s)),
  );
  const runs = { numRuns: 40, seed: 20260101 };

  /** Every answer is an HTTP response below 500 (the caller's fault is never ours). */
  const answered = (answer: Answer) => {
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(500);
  };

  test('gateway: POST /functions/<anything>', async () => {
    await fc.assert(
      fc.asyncProperty(pathAfter('/functions/'), body, contentType, openidHeader, async (target, payload, type, who) => {
        answered(await send('POST', target, payload, { 'content-type': type, 'x-wx-openid': who }));
      }),
      runs,
    );
  });

  test('HTTP access: any method on /http/<function>/<path>', async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD');
    const fn = fc.constantFrom('httpecho', 'noop', 'whoami', 'nope');
    await fc.assert(
      fc.asyncProperty(method, fn, pathAfter('/'), body, contentType, async (m, name, rest, payload, type) => {
        answered(
          await send(
            m,
            `/http/${name}${rest}?q=${encodeURIComponent(payload.slice(0, 20))}`,
            m === 'GET' || m === 'HEAD' ? undefined : payload,
            { 'content-type': type },
          ),
        );
      }),
      runs,
    );
  });

  test('admin API: POST /admin with any body, action and parameters', async () => {
    const action = fc.constantFrom(
      'database.getDocument',
      'database.calculateDocument',
      'database.insertDocument',
      'database.modifyDocument',
      'database.modifyAndReturnDoc',
      'database.removeDocument',
      'database.aggregateDocuments',
      'database.addCollection',
      'database.startTransaction',
      'database.commitTransaction',
      'database.abortTransaction',
      'database.getInTransaction',
      'database.updateDocInTransaction',
      'database.deleteDocInTransaction',
      'storage.getUploadMetadata',
      'storage.batchGetDownloadUrl',
      'storage.batchDeleteFile',
      'functions.invokeFunction',
      'wx.openApi',
      'no.such.action',
    );
    // EJSON-ish texts as the SDK sends them, plus anything else.
    const ejson = fc.oneof(
      fc.constantFrom(
        '{}',
        '{"_id":"a"}',
        '{"n":{"$gt":0}}',
        '{"$set":{"n":2}}',
        '{"items.k":{"$elemMatch":{"$eq":"x"}}}',
        '{"$match":{}}',
        '{"at":{"$date":"x"}}',
      ),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }).map((v) => JSON.stringify(v)),
    );
    const param = fc.oneof(fc.jsonValue({ maxDepth: 3 }), body, deep, ejson, ejson, fc.constant('fuzz'));
    const params = fc.record(
      {
        collectionName: fc.oneof(fc.constant('fuzz'), fc.constant('fuzz'), fc.string({ maxLength: 10 })),
        query: param,
        data: fc.oneof(param, fc.array(param, { maxLength: 3 })),
        order: param,
        projection: param,
        stages: fc.oneof(param, fc.array(fc.record({ stageKey: fc.string({ maxLength: 12 }), stageValue: param }), { maxLength: 3 })),
        transactionId: fc.oneof(fc.constant(''), fc.string({ maxLength: 32 })),
        _id: param,
        limit: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })),
        offset: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })),
        function_name: fc.constantFrom('noop', 'whoami', 'boom', 'nope', ''),
        request_data: param,
        path: fc.string({ maxLength: 40 }),
        file_list: param,
        fileid_list: param,
        multi: fc.boolean(),
        upsert: fc.boolean(),
        merge: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(action, params, fc.option(body, { nil: undefined }), contentType, async (name, fields, raw, type) => {
        const answer = await send('POST', '/admin', raw ?? JSON.stringify({ action: name, ...fields }), {
          'content-type': raw === undefined ? 'application/json' : type,
        });
        answered(answer);
        if (answer.status === 200 && answer.body[0] === 0x7b) {
          const code = json(answer).code;
          // SYS_ERR is our own failure; a bad request must be told what is wrong with it.
          expect(code).not.toBe('SYS_ERR');
        }
      }),
      { ...runs, numRuns: 300 },
    );
  });

  test('storage: uploads to any token, downloads of any path', async () => {
    await fc.assert(
      fc.asyncProperty(pathAfter('/__storage-upload/'), pathAfter('/__storage/'), body, async (upload, download, payload) => {
        answered(await send('PUT', upload, payload));
        answered(await send('GET', download));
      }),
      runs,
    );
  });

  test('test control, the static site and health', async () => {
    const route = fc.constantFrom('clock', 'reset', 'outbox', 'stats', 'functions', 'triggers', 'triggers/noop/x', 'nope');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST'), route, body, pathAfter('/'), async (method, r, payload, staticPath) => {
        if (r === 'reset' && method === 'POST') return; // would empty the data other properties use
        answered(await send(method, `/__localcloud/${r}`, method === 'POST' ? payload : undefined, { 'content-type': 'application/json' }));
        answered(await send('GET', staticPath));
        answered(await send(method, `/health?${encodeURIComponent(payload.slice(0, 30))}`, method === 'POST' ? payload : undefined));
      }),
      runs,
    );
  });

  afterAll(async () => {
    await expectHealthy();
  });
});
