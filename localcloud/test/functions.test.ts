/**
 * Functions: the H5 gateway, identity isolation, nested calls, errors and timeouts, the clock
 * inside functions, and per-invocation database round trips.
 */
import { callAs, callGateway, getJson, openid, run, startTestCloud, useSdk, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let restore: () => void;

interface WhoAmI {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  userInfo: { appId: string; openId: string };
  tag?: string;
  hasToken: boolean;
  runenv: string;
}

beforeAll(async () => {
  cloud = await startTestCloud();
  const sdk = useSdk(cloud.lc);
  restore = sdk.restore;
  await run(sdk.db.createCollection('members'));
  await run(sdk.db.createCollection('clock_probe'));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

describe('gateway', () => {
  test.each([
    ['missing', undefined],
    ['too short', 'o123'],
    ['all digits', '1234567890'],
    ['bad characters', 'o#bad$openid!'],
    ['too long', `o${'a'.repeat(64)}`],
  ])('a %s x-wx-openid is refused with 401 and a JSON error', async (_label, value) => {
    const res = await callGateway(cloud.lc, 'whoami', {}, value === undefined ? {} : { 'x-wx-openid': value });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('an unknown function is a 404 JSON error', async () => {
    const res = await callAs(cloud.lc, 'no-such-function', openid(1));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ ok: false, error: { code: 'FUNCTION_NOT_FOUND', message: expect.any(String) } });
  });

  test('a body that is not a JSON object is a 400', async () => {
    expect((await callGateway(cloud.lc, 'noop', 'not json', { 'x-wx-openid': openid(1) })).status).toBe(400);
    expect((await callGateway(cloud.lc, 'noop', '[1,2]', { 'x-wx-openid': openid(1) })).status).toBe(400);
  });

  test('CORS preflight and headers for the H5 dev server', async () => {
    const pre = await fetch(`${cloud.lc.url}/functions/noop`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-wx-openid',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-wx-openid');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const res = await callAs(cloud.lc, 'noop', openid(1), { echo: 'hi' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, echo: 'hi' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-localcloud-request-id');
  });

  test('the function runs as the member: getWXContext, event.userInfo and an SCF environment', async () => {
    const who = openid('alice');
    const res = await callGateway(
      cloud.lc,
      'whoami',
      { tag: 't', userInfo: { openId: 'spoofed' } },
      { 'x-wx-openid': who, 'x-wx-unionid': 'oUnion_abcdefghijklmnop' },
    );
    expect(res.status).toBe(200);
    const body = res.body as WhoAmI;
    expect(body.before).toMatchObject({ OPENID: who, APPID: cloud.lc.appId, UNIONID: 'oUnion_abcdefghijklmnop', ENV: cloud.lc.envId });
    expect(body.before).not.toHaveProperty('API_TOKEN');
    expect(body.userInfo).toEqual({ appId: cloud.lc.appId, openId: who });
    expect(body.hasToken).toBe(true);
    expect(body.runenv).toBe('SCF');
  });
});

describe('identity isolation', () => {
  test('50 concurrent invocations by 50 members each see only their own identity', async () => {
    const members = Array.from({ length: 50 }, (_, i) => openid(`m${i}`));
    const answers = await Promise.all(members.map((who, i) => callAs(cloud.lc, 'whoami', who, { tag: `call-${i}` })));
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      const body = res.body as WhoAmI;
      expect(body.tag).toBe(`call-${i}`);
      expect(body.before.OPENID).toBe(members[i]);
      expect(body.after.OPENID).toBe(members[i]);
      expect(body.userInfo.openId).toBe(members[i]);
    });
  });

  test('nothing of a previous caller stays in the instance', async () => {
    await callGateway(cloud.lc, 'whoami', {}, { 'x-wx-openid': openid('u1'), 'x-wx-unionid': 'oUnion_first_caller_xyz' });
    for (let i = 0; i < 6; i++) {
      const body = (await callAs(cloud.lc, 'whoami', openid('u2'))).body as WhoAmI;
      expect(body.before).not.toHaveProperty('UNIONID');
      expect(body.before.OPENID).toBe(openid('u2'));
    }
  });
});

describe('nested calls', () => {
  test('cloud.callFunction inside a function runs the callee as the same member', async () => {
    const who = openid('nester');
    const res = await callAs(cloud.lc, 'nested', who);
    expect(res.status).toBe(200);
    const body = res.body as { me: Record<string, unknown>; callee: WhoAmI; errMsg: string };
    expect(body.errMsg).toBe('callFunction:ok');
    expect(body.callee.tag).toBe('nested');
    expect(body.callee.before.OPENID).toBe(who);
    expect(body.callee.userInfo.openId).toBe(who);

    const requestId = res.headers.get('x-localcloud-request-id');
    const stats = await getJson(`${cloud.lc.url}/__localcloud/stats`);
    const invocations = stats.body.invocations as Array<{
      requestId: string;
      function: string;
      parentRequestId: string | null;
      openid: string;
    }>;
    const child = invocations.find((inv) => inv.parentRequestId === requestId);
    expect(child).toMatchObject({ function: 'whoami', openid: who });
  });

  test('functions calling themselves do not deadlock when every instance is busy', async () => {
    const callers = Array.from({ length: 6 }, (_, i) => openid(`rec${i}`)); // more callers than instances (4)
    const answers = await Promise.all(callers.map((who) => callAs(cloud.lc, 'recurse', who, { depth: 1 })));
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body).toEqual([callers[i], callers[i]]);
    });
  });

  test("a caller's time limit does not run while localcloud starts an instance for its nested call", async () => {
    // slowboot takes 2.5 s to start (what a worker start can take on a loaded machine); callslow
    // has 2 s. Only the time the caller itself runs counts, so it does not time out.
    const res = await callAs(cloud.lc, 'callslow', openid('patient'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ callee: { booted: true } });
  });

  test("a failing callee rejects the caller's callFunction with the cloud's error", async () => {
    const res = await callAs(cloud.lc, 'nested', openid('nester'), { callee: 'boom' });
    const body = res.body as { error: { code: string; errMsg: string; errCode: number } };
    expect(body.error.code).toBe('FUNCTIONS_EXECUTE_FAIL');
    expect(body.error.errMsg).toBe('callFunction:fail Error: boom: something broke');
  });

  test('calling a function that does not exist fails', async () => {
    const res = await callAs(cloud.lc, 'nested', openid('nester'), { callee: 'missing-fn' });
    const body = res.body as { error: { code: string; errMsg: string } };
    expect(body.error.code).toBe('FUNCTION_NOT_FOUND');
    expect(body.error.errMsg).toMatch(/^callFunction:fail/);
  });

  test('callFunction from outside a function (this process) works too', async () => {
    const { cloud: sdk } = useSdk(cloud.lc);
    const res = await run(sdk.callFunction({ name: 'noop', data: { echo: 7 } }));
    expect(res.result).toEqual({ ok: true, echo: 7 });
  });
});

describe('errors and timeouts', () => {
  test("a function that throws answers the cloud's error shape and localcloud stays up", async () => {
    const res = await callAs(cloud.lc, 'boom', openid(1));
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      errCode: -504002,
      errMsg: expect.stringContaining('functions execute fail'),
      ok: false,
      error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: 'Error: boom: something broke' },
    });
    expect((await callAs(cloud.lc, 'noop', openid(1))).status).toBe(200);
  });

  test('a function past its timeout (config.json) is stopped with the timeout error', async () => {
    const started = Date.now();
    const res = await callAs(cloud.lc, 'slow', openid(1), { ms: 5000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ errCode: -504003, error: { message: 'Invoking task timed out after 1 seconds' } });
    const ok = await callAs(cloud.lc, 'slow', openid(1), { ms: 10 });
    expect(ok.body).toEqual({ slept: 10 });
  });

  test('an uncaught exception kills only that instance', async () => {
    const res = await callAs(cloud.lc, 'crash', openid(1));
    expect(res.status).toBe(500);
    expect((res.body as { error: { message: string } }).error.message).toMatch(/uncaught in timer/);
    expect((await callAs(cloud.lc, 'noop', openid(1))).status).toBe(200);
  });
});

describe('the clock inside functions', () => {
  test('new Date(), Date.now() and db.serverDate() follow POST /__localcloud/clock; timers stay real', async () => {
    const jump = await fetch(`${cloud.lc.url}/__localcloud/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2032-02-29T23:59:00.000Z' }),
    });
    expect(jump.status).toBe(200);
    const body = (await callAs(cloud.lc, 'clock', openid(1))).body as {
      nowMs: number;
      iso: string;
      serverDate: string;
      isDate: boolean;
      timerElapsed: number;
      parsed: number;
    };
    const target = Date.parse('2032-02-29T23:59:00.000Z');
    expect(Math.abs(body.nowMs - target)).toBeLessThan(5000);
    expect(body.iso.startsWith('2032-02-29T23:5')).toBe(true);
    expect(Math.abs(Date.parse(body.serverDate) - body.nowMs)).toBeLessThan(2000);
    expect(body.isDate).toBe(true);
    expect(body.timerElapsed).toBeGreaterThanOrEqual(45);
    expect(body.timerElapsed).toBeLessThan(1000);
    expect(body.parsed).toBe(Date.parse('2020-01-01T00:00:00Z'));

    await fetch(`${cloud.lc.url}/__localcloud/clock`, { method: 'POST', body: JSON.stringify({ now: null }) });
    const real = (await callAs(cloud.lc, 'clock', openid(1))).body as { nowMs: number };
    expect(Math.abs(real.nowMs - Date.now())).toBeLessThan(5000);
  });
});

describe('stats', () => {
  test('database round trips are counted per invocation', async () => {
    const res = await callAs(cloud.lc, 'dbtrips', openid('counter'), { n: 3 });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-localcloud-db-round-trips')).toBe('3');
    const requestId = res.headers.get('x-localcloud-request-id');
    const stats = await getJson(`${cloud.lc.url}/__localcloud/stats`);
    const mine = (stats.body.invocations as Array<{ requestId: string; dbRoundTrips: number; status: string }>).find(
      (i) => i.requestId === requestId,
    );
    expect(mine).toMatchObject({ dbRoundTrips: 3, status: 'ok' });
    expect(cloud.lc.stats().invocations.length).toBeGreaterThan(0);
  });

  test('lc.invoke runs a function without HTTP', async () => {
    const { outcome, invocation } = await cloud.lc.invoke('whoami', { tag: 'direct' }, { openid: openid('direct') });
    expect(outcome.kind).toBe('ok');
    expect(invocation.identity.openid).toBe(openid('direct'));
  });
});
