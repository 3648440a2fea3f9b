/**
 * CloudBase's HTTP access service (`/http/<function>/<path>`): the integration request a function
 * gets, how its answer becomes the HTTP response, and per-function environment variables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SEED_FUNCTION_ENV_FILE } from '../src/localcloud';
import { callAs, openid, startRefused, startTestCloud, tempDir, type TestCloud } from './support/harness';

jest.setTimeout(30_000);

interface Echo {
  event: {
    path: string;
    httpMethod: string;
    headers: Record<string, string>;
    queryStringParameters: Record<string, string>;
    requestContext: Record<string, unknown>;
    body: string;
    isBase64Encoded: boolean;
    userInfo?: unknown;
  };
  context: Record<string, unknown>;
}

describe('HTTP access', () => {
  let cloud: TestCloud;

  beforeAll(async () => {
    cloud = await startTestCloud();
  });

  afterAll(async () => {
    await cloud.close();
  });

  test('the function gets the integration request: path, method, lower-cased headers, raw body, query', async () => {
    const raw = '{"orderId":"A-1","amount":1990}';
    const res = await fetch(`${cloud.lc.url}/http/httpecho/orders/A-1?store=sh01&dry=1&dry=2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-MC-Timestamp': '1700000000', 'X-MC-Signature': 'abc' },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { event, context } = (await res.json()) as Echo;
    expect(event).toMatchObject({
      path: '/orders/A-1',
      httpMethod: 'POST',
      body: raw, // the raw text, byte for byte, so a signature over it can be checked
      isBase64Encoded: false,
      queryStringParameters: { store: 'sh01', dry: '2' },
      requestContext: { envId: cloud.lc.envId, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-mc-timestamp': '1700000000', 'x-mc-signature': 'abc' });
    expect(event).not.toHaveProperty('userInfo');
    expect(context).not.toHaveProperty('OPENID');
    expect(cloud.lc.stats().invocations.find((i) => i.trigger === 'http')).toMatchObject({
      function: 'httpecho',
      openid: null,
      status: 'ok',
    });
  });

  test('a body that is not text arrives base64-encoded; any method works', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0x10, 0x80]);
    const res = await fetch(`${cloud.lc.url}/http/httpecho/upload`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const { event } = (await res.json()) as Echo;
    expect(event).toMatchObject({ httpMethod: 'PUT', path: '/upload', isBase64Encoded: true, body: bytes.toString('base64') });
    const get = (await (await fetch(`${cloud.lc.url}/http/httpecho`)).json()) as Echo;
    expect(get.event).toMatchObject({ httpMethod: 'GET', path: '/', body: '', isBase64Encoded: false, queryStringParameters: {} });
  });

  test('an integration response becomes that HTTP response', async () => {
    const created = await fetch(`${cloud.lc.url}/http/httpecho/integration`, { method: 'POST', body: '{}' });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-partner')).toBe('yes');
    expect(await created.json()).toEqual({ created: true });
    const refused = await fetch(`${cloud.lc.url}/http/httpecho/unauthorized`, { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const binary = await fetch(`${cloud.lc.url}/http/httpecho/binary`);
    expect(binary.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await binary.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  test('a string or number answer is text, anything else JSON; a malformed integration response is a 502', async () => {
    const text = await fetch(`${cloud.lc.url}/http/httpecho/text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('hello gateway');
    expect(await (await fetch(`${cloud.lc.url}/http/httpecho/number`)).text()).toBe('42');
    const bad = await fetch(`${cloud.lc.url}/http/httpecho/bad-status`);
    expect(bad.status).toBe(502);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INTEGRATION_RESPONSE' } });
  });

  test('an unknown function is a 404, a failing one a 500', async () => {
    expect((await fetch(`${cloud.lc.url}/http/nope/orders`, { method: 'POST' })).status).toBe(404);
    const boom = await fetch(`${cloud.lc.url}/http/boom/x`, { method: 'POST' });
    expect(boom.status).toBe(500);
    expect(await boom.json()).toMatchObject({ ok: false, error: { code: 'FUNCTIONS_EXECUTE_FAIL' } });
  });
});

describe('function environment variables', () => {
  test('a function sees only its own variables, from a file and from overrides, across resets', async () => {
    const dir = tempDir('localcloud-env-');
    const file = path.join(dir, 'env.json');
    fs.writeFileSync(file, JSON.stringify({ envprobe: { PARTNER_SECRET: 'from-file', SHARED: 'probe' }, envprobe2: { OTHER: 'mine' } }));
    const cloud = await startTestCloud({ functionEnvFile: file, functionEnv: { envprobe: { PARTNER_SECRET: 'override' } } });
    try {
      const probe = async () => (await callAs(cloud.lc, 'envprobe', openid('env'))).body;
      expect(await probe()).toEqual({ PARTNER_SECRET: 'override', OTHER: null, SHARED: 'probe' });
      await cloud.lc.reset({ keepFunctionInstances: true });
      expect(await probe()).toEqual({ PARTNER_SECRET: 'override', OTHER: null, SHARED: 'probe' });
      await cloud.lc.reset();
      expect(await probe()).toEqual({ PARTNER_SECRET: 'override', OTHER: null, SHARED: 'probe' });
      // Another function: its own variable only, never envprobe's (also when called over HTTP access).
      expect((await callAs(cloud.lc, 'envprobe2', openid('env'))).body).toEqual({ PARTNER_SECRET: null, OTHER: 'mine', SHARED: null });
      expect(await (await fetch(`${cloud.lc.url}/http/envprobe`)).json()).toEqual({
        PARTNER_SECRET: 'override',
        OTHER: null,
        SHARED: 'probe',
      });
    } finally {
      await cloud.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("with seeding on, the seed directory's functions.env.json is the default environment", async () => {
    const seedDir = tempDir('localcloud-seed-');
    fs.writeFileSync(path.join(seedDir, SEED_FUNCTION_ENV_FILE), JSON.stringify({ envprobe: { PARTNER_SECRET: 'demo-secret' } }));
    fs.writeFileSync(path.join(seedDir, 'things.json'), JSON.stringify([{ _id: 'a' }]));
    const seeded = await startTestCloud({ seedDir, seed: true });
    const unseeded = await startTestCloud({ seedDir });
    try {
      expect((await callAs(seeded.lc, 'envprobe', openid('env'))).body).toMatchObject({ PARTNER_SECRET: 'demo-secret' });
      // The env file is not mistaken for a collection.
      expect(Object.keys(seeded.lc.stats().collections)).toEqual(['things']);
      expect((await callAs(unseeded.lc, 'envprobe', openid('env'))).body).toMatchObject({ PARTNER_SECRET: null });
    } finally {
      await seeded.close();
      await unseeded.close();
      fs.rmSync(seedDir, { recursive: true, force: true });
    }
  });

  test('variables the runtime owns, and malformed names, are refused', async () => {
    expect((await startRefused({ functionEnv: { envprobe: { WX_OPENID: 'spoof' } } })).message).toMatch(/reserved by the runtime/);
    expect((await startRefused({ functionEnv: { envprobe: { '1BAD': 'x' } } })).message).toMatch(/not a valid variable name/);
  });
});
