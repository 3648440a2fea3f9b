import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalcloud, type Localcloud } from '../../localcloud';
import { buildFunctions } from '../../scripts/build-functions';
import { A, BROKEN_OPS, CLOCK, DATASET, EXPECTED, INACTIVE_OPS, OPS, OPS_AND_VERIFIER, RANGE, VERIFIER } from './fixtures/statsDataset';
import { STATS_INDEXES } from '../../cloudfunctions/ops/statsQueries';

/**
 * `ops.stats` built and run on localcloud through the real wx-server-sdk, against a small
 * history whose every figure is worked out by hand (see the fixture). Strict indexes: a query
 * no index of `content/indexes.json` covers fails the test.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DEMO = path.join(ROOT, 'content', 'demo');
const INDEXES = path.join(ROOT, 'content', 'indexes.json');

interface Envelope {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

let lc: Localcloud;
let work: string;

async function callOps(openid: string, event: Record<string, unknown>): Promise<Envelope> {
  const { outcome } = await lc.invoke('ops', event, { openid });
  if (outcome.kind !== 'ok') throw new Error(`ops failed: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.json) as Envelope;
}

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  work = fs.mkdtempSync(path.join(ROOT, 'dist', '.test-ops-stats-'));
  const functionsDir = path.join(work, 'functions');
  await buildFunctions({ names: ['ops'], outDir: functionsDir });
  // The demo program (packs, settings) plus the hand-made history.
  const seedDir = path.join(work, 'seed');
  fs.mkdirSync(seedDir);
  for (const f of fs.readdirSync(DEMO))
    if (f.endsWith('.json') && f !== 'staff.json') fs.copyFileSync(path.join(DEMO, f), path.join(seedDir, f));
  for (const [collection, docs] of Object.entries(DATASET))
    fs.writeFileSync(path.join(seedDir, `${collection}.json`), JSON.stringify(docs));
  lc = await startLocalcloud({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ops-stats-')),
    functionsDir,
    seedDir,
    seed: true,
    indexesFile: INDEXES,
    strictIndexes: true,
    fsync: false,
    quiet: true,
  });
  lc.setClock(CLOCK);
}, 60_000);

afterAll(async () => {
  const dataDir = lc?.dataDir;
  await lc?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('ops.stats', () => {
  it('has every index its queries need listed for the console', () => {
    const listed = JSON.parse(fs.readFileSync(INDEXES, 'utf8')) as Record<string, Array<{ keys: Record<string, number> }>>;
    for (const [collection, indexes] of Object.entries(STATS_INDEXES)) {
      for (const ix of indexes) expect(listed[collection]?.map((l) => Object.keys(l.keys)[0])).toContain(Object.keys(ix.keys)[0]);
    }
  });

  it('answers the hand-computed figures exactly', async () => {
    const answer = await callOps(OPS, { action: 'stats', ...RANGE });
    expect(answer).toEqual({ ok: true, data: EXPECTED });
  });

  it('answers the campaign asked for: one still in its pre-heat has no live day yet; an unknown one, none', async () => {
    const ahead = await callOps(OPS, { action: 'stats', ...RANGE, campaignId: 'summer_test' });
    const data = ahead.data as typeof EXPECTED;
    expect(data.campaign).toMatchObject({ id: 'summer_test', phase: 'preheat', during: { figures: { checkins: 0, redemptions: 0 } } });
    expect(data.campaign?.lift.checkins).toBeNull();
    expect(((await callOps(OPS, { action: 'stats', ...RANGE, campaignId: 'nope' })).data as typeof EXPECTED).campaign).toBeNull();
  });

  it('is the same for a staff member who is also a verifier', async () => {
    const answer = await callOps(OPS_AND_VERIFIER, { action: 'stats', ...RANGE });
    expect(answer.ok).toBe(true);
  });

  it('reads a bounded number of times, whatever the data', async () => {
    await callOps(OPS, { action: 'stats', ...RANGE });
    const last = lc
      .stats()
      .invocations.filter((i) => i.function === 'ops')
      .at(-1);
    // The entry's staff check and member record, content (cached after the first call), then one per
    // figure: eleven for the range and the KOC candidates, their invites, six per window for the campaign view,
    // and three for the purchases line (orders and refunds in the range, pending today).
    expect(last?.dbRoundTrips).toBeLessThanOrEqual(29);
    expect(lc.stats().uncoveredQueries).toEqual([]);
  });

  it('leaves retention open while the return day is not over', async () => {
    const answer = await callOps(OPS, { action: 'stats', from: '2026-03-13', to: '2026-03-20' });
    const data = answer.data as typeof EXPECTED;
    expect(data.asOf).toBe('2026-03-20');
    expect(data.retention.find((r) => r.date === '2026-03-18')).toMatchObject({ d1: 0, d7: null });
    expect(data.retention.find((r) => r.date === '2026-03-19')).toMatchObject({ d1: null, d7: null });
    expect(data.retention.find((r) => r.date === '2026-03-12')).toBeUndefined();
  });

  it.each([
    ['a member', A],
    ['a verifier', VERIFIER],
    ['an inactive ops account', INACTIVE_OPS],
    ['a broken staff document', BROKEN_OPS],
    ['someone unknown', 'oNobodyKnown_000000000000000'],
  ])('is FORBIDDEN for %s', async (_who, openid) => {
    const answer = await callOps(openid, { action: 'stats', ...RANGE });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } });
  });

  it.each([
    ['from after to', { from: '2026-03-07', to: '2026-03-01' }],
    ['a range over 92 days', { from: '2026-01-01', to: '2026-04-30' }],
    ['an impossible day', { from: '2026-02-30', to: '2026-03-01' }],
    ['an injection-shaped value', { from: { $gt: '' }, to: '2026-03-01' }],
    ['an extra key', { ...RANGE, openid: OPS }],
  ])('refuses %s with INVALID_INPUT', async (_what, input) => {
    const answer = await callOps(OPS, { action: 'stats', ...input });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('INVALID_INPUT');
  });
});
