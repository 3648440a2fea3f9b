/**
 * subscribeMessage.send as WeChat answers it, through the real wx-server-sdk: keyword values held to
 * their type's limits (47003), pages of the app (41030), faults a test sets in WeChat's place (43101
 * for a member who refused, -1 for a system error…) by API, parameters and count, over HTTP and the
 * JS API — and an outbox that outlives a restart, as what WeChat received does.
 */
import { getJson, openid, postJson, rejection, run, startTestCloud, tempDir, useSdk, type Sdk, type TestCloud } from './support/harness';

// Generous: these suites start servers and worker threads on a shared machine.
jest.setTimeout(30_000);

const PAGES = ['pages/index/index', 'packages/benefits/pages/vouchers/index'];

let cloud: TestCloud;
let sdk: Sdk;
let restore: () => void;

beforeAll(async () => {
  cloud = await startTestCloud({ appPages: PAGES, fsync: false });
  ({ cloud: sdk, restore } = useSdk(cloud.lc, { openid: openid('sender') }));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

beforeEach(() => cloud.lc.clearOpenApiFaults());

/** What the SDK resolves a send with. */
const answered = async (call: Promise<unknown> | void | string) => (await run(call)) as { errCode: number; msgid: number };

const send = (touser: string, data: Record<string, { value: string }>, extra: Record<string, unknown> = {}) =>
  sdk.openapi.subscribeMessage.send({ touser, templateId: 'TPL_expiry', page: 'pages/index/index', data, ...extra });

describe('keyword values', () => {
  test.each([
    ['thing1', '券将于明天到期，记得在门店出示券码使用哦！'],
    ['thing1', '第一行\n第二行'],
    ['number2', '12个'],
    ['number2', '1'.repeat(33)],
    ['phrase3', '即将到期了吗'],
    ['phrase3', 'VIP'],
    ['character_string4', '券码 2345'],
    ['time5', '明天晚上'],
    ['time5', '2026年11月20日'],
    ['date6', '20:00'],
    ['name7', '一二三四五六七八九十一'],
  ])('%s = %j is refused with 47003, naming the keyword', async (key, value) => {
    const before = cloud.lc.outbox().length;
    const err = await rejection(send(openid('values'), { [key]: { value } }));
    expect(err.errCode).toBe(47003);
    expect(err.errMsg).toContain(`data.${key}.value`);
    expect(cloud.lc.outbox()).toHaveLength(before);
  });

  test('values within their limits are sent as given', async () => {
    const data = {
      thing1: { value: '券将于明天到期，记得在门店出示券码使用…' },
      number2: { value: '12' },
      phrase3: { value: '即将到期' },
      character_string4: { value: 'K7QM-2345' },
      time5: { value: '2026年11月20日 20:00' },
      date6: { value: '2026年11月20日' },
      name7: { value: '林小满' },
      amount8: { value: '¥12.50' },
    };
    const res = await answered(send(openid('values'), data));
    expect(res.errCode).toBe(0);
    expect(cloud.lc.outbox().find((m) => m.msgid === res.msgid)).toMatchObject({
      touser: openid('values'),
      template_id: 'TPL_expiry',
      page: 'pages/index/index',
      lang: 'zh_CN',
      miniprogram_state: 'formal',
      data,
    });
  });

  test('a page the app does not have is refused with 41030; a query string is fine', async () => {
    expect((await rejection(send(openid('pages'), { thing1: { value: '你好' } }, { page: 'pages/nope/index' }))).errCode).toBe(41030);
    const ok = await answered(
      send(openid('pages'), { thing1: { value: '你好' } }, { page: 'packages/benefits/pages/vouchers/index?tab=issued' }),
    );
    expect(ok.errCode).toBe(0);
  });
});

describe('faults', () => {
  test('43101 for one member and template only, until cleared; nothing reaches the outbox', async () => {
    const refused = openid('refused');
    const fault = cloud.lc.addOpenApiFault({
      api: 'subscribeMessage.send',
      match: { touser: refused, template_id: 'TPL_expiry' },
      errcode: 43101,
    });
    expect(fault).toMatchObject({ api: 'subscribeMessage.send', errcode: 43101, errmsg: 'user refuse to accept the msg', remaining: null });
    const before = cloud.lc.outbox().length;

    for (let i = 0; i < 2; i++) {
      const err = await rejection(send(refused, { thing1: { value: '提醒' } }));
      expect(err.errCode).toBe(43101);
      expect(err.errMsg).toContain('user refuse to accept the msg');
    }
    // Another template, another member: WeChat answers as usual.
    expect((await answered(send(refused, { thing1: { value: '提醒' } }, { templateId: 'TPL_other' }))).errCode).toBe(0);
    expect((await answered(send(openid('someone'), { thing1: { value: '提醒' } }))).errCode).toBe(0);
    expect(cloud.lc.outbox()).toHaveLength(before + 2);
    expect(cloud.lc.openApiFaults()).toEqual([expect.objectContaining({ id: fault.id, hits: 2 })]);

    cloud.lc.clearOpenApiFaults();
    expect((await answered(send(refused, { thing1: { value: '提醒' } }))).errCode).toBe(0);
  });

  test('`times` answers that many calls, then WeChat answers again', async () => {
    cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', errcode: -1, times: 1 });
    const first = await rejection(send(openid('flaky'), { thing1: { value: '提醒' } }));
    expect(first.errCode).toBe(-1);
    expect(first.errMsg).toContain('system error');
    expect((await answered(send(openid('flaky'), { thing1: { value: '提醒' } }))).errCode).toBe(0);
    expect(cloud.lc.openApiFaults()).toEqual([expect.objectContaining({ remaining: 0, hits: 1 })]);
  });

  test('other APIs are not touched by a fault on subscribeMessage.send', async () => {
    cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', errcode: 43101 });
    const check = await answered(sdk.openapi.security.msgSecCheck({ content: '你好', version: 2, scene: 2, openid: openid('sender') }));
    expect(check.errCode).toBe(0);
  });

  test('over HTTP: POST sets one, GET lists them, DELETE clears them; a bad fault is a 400', async () => {
    const url = `${cloud.lc.url}/__localcloud/openapi/faults`;
    const set = await postJson(url, { api: 'subscribeMessage.send', match: { touser: openid('http') }, errcode: 43101, times: 2 });
    expect(set).toMatchObject({ status: 200, body: { ok: true, fault: { errcode: 43101, remaining: 2 } } });
    expect((await rejection(send(openid('http'), { thing1: { value: '提醒' } }))).errCode).toBe(43101);
    expect((await getJson(url)).body).toMatchObject({ ok: true, faults: [{ hits: 1, remaining: 1 }] });

    for (const bad of [
      { api: 'nope', errcode: 1 },
      { api: 'subscribeMessage.send', errcode: 0 },
      { api: 'a.b', errcode: 1, times: 0 },
    ]) {
      expect((await postJson(url, bad)).body).toMatchObject({ ok: false, error: { code: 'INVALID_FAULT' } });
    }
    expect(() => cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', errcode: 1.5 })).toThrow(/errcode/);

    const cleared = await fetch(url, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect((await getJson(url)).body).toEqual({ ok: true, faults: [] });
  });

  test('reset clears faults with the outbox', async () => {
    cloud.lc.addOpenApiFault({ api: 'subscribeMessage.send', errcode: 43101 });
    await cloud.lc.reset();
    expect(cloud.lc.openApiFaults()).toEqual([]);
    expect(cloud.lc.outbox()).toEqual([]);
  });
});

describe('the outbox outlives localcloud', () => {
  test('messages sent before a restart are listed after it, and message ids go on', async () => {
    const dataDir = tempDir();
    const first = await startTestCloud({ dataDir });
    const one = useSdk(first.lc, { openid: openid('restart') });
    const sent = await answered(
      one.cloud.openapi.subscribeMessage.send({ touser: openid('restart'), templateId: 'TPL_a', data: { thing1: { value: '第一条' } } }),
    );
    one.restore();
    await first.lc.stop();

    const second = await startTestCloud({ dataDir });
    try {
      expect(second.lc.outbox()).toEqual([
        expect.objectContaining({ msgid: sent.msgid, touser: openid('restart'), data: { thing1: { value: '第一条' } } }),
      ]);
      const two = useSdk(second.lc, { openid: openid('restart') });
      const next = await answered(
        two.cloud.openapi.subscribeMessage.send({ touser: openid('restart'), templateId: 'TPL_a', data: { thing1: { value: '第二条' } } }),
      );
      two.restore();
      expect(next.msgid).toBe(sent.msgid + 1);
      expect((await getJson(`${second.lc.url}/__localcloud/outbox`)).body.messages).toHaveLength(2);
    } finally {
      await second.close();
    }
  });
});
