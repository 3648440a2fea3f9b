/**
 * Timer triggers (config.json `triggers`): the schedule as GET /__localcloud/triggers shows it,
 * automatic runs when the clock passes a tick (a jump coalesces missed ticks into one run), runs
 * on demand, the event and identity of a run, and configs CloudBase would refuse.
 */
import path from 'node:path';
import { FIXTURES, getJson, run, startRefused, startTestCloud, useSdk, type Db, type TestCloud } from './support/harness';

jest.setTimeout(60_000);

const TRIGGER_FUNCTIONS = path.join(FIXTURES, 'trigger-functions');

interface Tick {
  event: Record<string, unknown>;
  context: Record<string, unknown>;
}

async function waitFor<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('automatic runs', () => {
  let cloud: TestCloud;
  let db: Db;
  let restore: () => void;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionsDir: TRIGGER_FUNCTIONS });
    ({ db, restore } = useSdk(cloud.lc));
    await run(db.createCollection('ticks'));
  });

  afterAll(async () => {
    restore();
    await cloud.close();
  });

  const ticks = async (): Promise<Tick[]> => (await run(db.collection('ticks').get())).data as unknown as Tick[];
  const times = (recorded: Tick[]) => recorded.map((t) => t.event.Time).sort();
  const timerRuns = () => cloud.lc.stats().invocations.filter((i) => i.trigger === 'timer' && i.function === 'tick');
  /** Waits until `n` timer runs have finished and returns their recorded events. */
  const settled = async (n: number): Promise<Tick[]> => {
    await waitFor(async () => (timerRuns().filter((i) => i.status !== 'running').length >= n ? true : null), `${n} timer runs`);
    return ticks();
  };

  test('a clock moved past a tick runs the function once, with the latest missed tick as Time', async () => {
    // From real time to 2030: years of missed ticks, one run.
    cloud.lc.setClock('2030-01-01T00:00:30Z');
    let recorded = await settled(1);
    expect(times(recorded)).toEqual(['2030-01-01T00:00:00Z']);

    // An hour later: twelve ticks missed, one run for 01:00.
    await fetch(`${cloud.lc.url}/__localcloud/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2030-01-01T01:00:30Z' }),
    });
    recorded = await settled(2);
    expect(times(recorded)).toEqual(['2030-01-01T00:00:00Z', '2030-01-01T01:00:00Z']);

    // Back in time, then forward again short of the next tick: nothing runs.
    cloud.lc.setClock('2030-01-01T00:00:30Z');
    cloud.lc.setClock('2030-01-01T00:03:30Z');
    const listed = (await getJson(`${cloud.lc.url}/__localcloud/triggers`)).body as { triggers: Array<{ name: string; next: string }> };
    expect(listed.triggers.find((t) => t.name === 'every5min')?.next).toBe('2030-01-01T00:05:00.000Z');
    // Past it: one run.
    cloud.lc.setClock('2030-01-01T00:10:30Z');
    recorded = await settled(3);
    expect(times(recorded)).toEqual(['2030-01-01T00:00:00Z', '2030-01-01T00:10:00Z', '2030-01-01T01:00:00Z']);
    expect(timerRuns()).toHaveLength(3);
  });

  test("a run gets CloudBase's timer event and no member identity", async () => {
    const first = (await ticks()).find((t) => t.event.Time === '2030-01-01T00:00:00Z') as Tick;
    expect(first.event).toEqual({ Type: 'Timer', TriggerName: 'every5min', Time: '2030-01-01T00:00:00Z', Message: '' });
    expect(first.event).not.toHaveProperty('userInfo');
    expect(first.context).not.toHaveProperty('OPENID');
    expect(first.context).not.toHaveProperty('APPID');
    expect(first.context).toMatchObject({ SOURCE: 'wx_trigger', ENV: cloud.lc.envId });
    const [summary] = timerRuns();
    expect(summary).toMatchObject({ function: 'tick', openid: null, status: 'ok', dbRoundTrips: 1 });
  });
});

describe('runs on demand, with automatic runs off', () => {
  let cloud: TestCloud;
  let restore: () => void;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionsDir: TRIGGER_FUNCTIONS, autoTriggers: false });
    const sdk = useSdk(cloud.lc);
    restore = sdk.restore;
    await run(sdk.db.createCollection('ticks'));
  });

  afterAll(async () => {
    restore();
    await cloud.close();
  });

  test('GET /__localcloud/triggers lists each trigger with its next tick (UTC+8)', async () => {
    cloud.lc.setClock('2030-01-01T00:00:00Z'); // 08:00 in Shanghai
    const { status, body } = await getJson(`${cloud.lc.url}/__localcloud/triggers`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, auto: false, errors: [] });
    const triggers = body.triggers as Array<Record<string, unknown>>;
    expect(triggers.map((t) => [t.function, t.name, t.type, t.config])).toEqual([
      ['nightly', 'nightly', 'timer', '0 0 2 * * * *'],
      ['tick', 'every5min', 'timer', '0 */5 * * * * *'],
    ]);
    const nightly = triggers[0];
    expect(nightly.next).toBe('2030-01-01T18:00:00.000Z'); // 02:00 on 2 January in Shanghai
    expect(cloud.lc.triggers().triggers).toHaveLength(2);
  });

  test('moving the clock runs nothing when automatic runs are off', async () => {
    cloud.lc.setClock('2030-03-01T00:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // more than one scheduler tick
    expect(cloud.lc.stats().invocations.filter((i) => i.trigger === 'timer')).toHaveLength(0);
  });

  test('POST /__localcloud/triggers/<function>/<trigger> runs it now and answers its result', async () => {
    cloud.lc.setClock('2030-05-06T07:08:09.500Z');
    const res = await fetch(`${cloud.lc.url}/__localcloud/triggers/nightly/nightly`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-localcloud-request-id')).toMatch(/^[0-9a-f]{24}$/);
    const body = (await res.json()) as { got: Record<string, unknown> };
    expect(body.got).toEqual({ Type: 'Timer', TriggerName: 'nightly', Time: '2030-05-06T07:08:09Z', Message: '' });
  });

  test('lc.fireTrigger runs it programmatically', async () => {
    const { outcome, invocation } = await cloud.lc.fireTrigger('tick', 'every5min');
    expect(outcome.kind).toBe('ok');
    expect(invocation.trigger).toBe('timer');
    expect(invocation.identity.openid).toBeUndefined();
  });

  test('an unknown function or trigger is a 404', async () => {
    const noFunction = await fetch(`${cloud.lc.url}/__localcloud/triggers/nope/nightly`, { method: 'POST' });
    expect(noFunction.status).toBe(404);
    expect(await noFunction.json()).toMatchObject({ ok: false, error: { code: 'FUNCTION_NOT_FOUND' } });
    const noTrigger = await fetch(`${cloud.lc.url}/__localcloud/triggers/nightly/daily`, { method: 'POST' });
    expect(noTrigger.status).toBe(404);
    expect(await noTrigger.json()).toMatchObject({ ok: false, error: { code: 'TRIGGER_NOT_FOUND' } });
  });
});

test('a function with two triggers is refused at start, as CloudBase refuses to deploy it', async () => {
  const err = await startRefused({ functionsDir: path.join(FIXTURES, 'bad-triggers') });
  expect(err.message).toBe(
    'function twotriggers: config.json has 2 triggers; CloudBase allows one trigger per function (CloudBase would refuse to deploy it)',
  );
});
