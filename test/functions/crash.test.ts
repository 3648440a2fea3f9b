import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@shared/envelope';
import type { SpawnedLocalcloud } from '../../localcloud';
import { buildFunctions } from '../../scripts/build-functions';
import type { Database } from '../../cloudfunctions/_common/db';
import { memberId, ROOT } from './support/cloud';
import { spawnCloud } from './support/spawned';
import { testPack, writeSeedDir } from './support/seed';

// Whole localcloud processes start, die and restart here, on a shared machine.
jest.setTimeout(180_000);

/**
 * Stock across real crashes: 40 members redeem in parallel and localcloud is killed with
 * SIGKILL mid-burst — at four different points — then restarted on the same data. Half the
 * requests are retried with their requestId (each gets its voucher or a clear refusal, never
 * BUSY), the `jobs` sweep settles what the other half left, and then, exactly:
 * units taken = vouchers issued − vouchers cancelled, no hold is left, points = Σ ledger.
 */
const STOCK = 15;
const PACK = 'crash_pack';
const MEMBERS = Array.from({ length: 40 }, (_v, i) => memberId(`crash${i}`));
const CLEAR_REFUSALS = new Set(['OUT_OF_STOCK', 'INSUFFICIENT_POINTS', 'LIMIT_REACHED']);

let work: string;
let functionsDir: string;
let dataDir: string;
let lc: SpawnedLocalcloud | null = null;
let db: Database;
const savedEnv = { ...process.env };

async function start(seed: boolean): Promise<void> {
  ({ lc, db } = await spawnCloud({ dataDir, functionsDir, seedDir: seed ? path.join(work, 'seed') : undefined }));
}

async function redeem(who: string, requestId: string): Promise<Envelope<unknown>> {
  const res = await fetch(`${lc?.url}/functions/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': who },
    body: JSON.stringify({ action: 'redeem', packId: PACK, requestId }),
  });
  return (await res.json()) as Envelope<unknown>;
}

async function control(route: string, body: unknown): Promise<void> {
  const res = await fetch(`${lc?.url}/__localcloud/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

/** Fires the `jobs` timer trigger through localcloud's control API (a timer event, no member identity). */
async function runJobs(): Promise<unknown> {
  const res = await fetch(`${lc?.url}/__localcloud/triggers/jobs/schedule`, { method: 'POST' });
  expect(res.status).toBe(200);
  return res.json();
}

async function packDoc(): Promise<{ stock: number; holds: Record<string, unknown> }> {
  const doc = await db.get<{ stock: number; holds?: Record<string, unknown> }>('benefit_packs', PACK);
  if (!doc) throw new Error('pack missing');
  return { stock: doc.stock, holds: doc.holds ?? {} };
}

/** Kills localcloud with SIGKILL once `when` says so (polled), or when the burst is over. */
async function killWhen(when: () => Promise<boolean>, burst: Promise<unknown>): Promise<void> {
  let over = false;
  void burst.finally(() => {
    over = true;
  });
  while (!over && !(await when().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(await lc?.kill('SIGKILL')).toBe('SIGKILL');
}

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  work = fs.mkdtempSync(path.join(ROOT, 'dist', '.test-crash-'));
  functionsDir = path.join(work, 'functions');
  dataDir = path.join(work, 'data');
  await buildFunctions({ outDir: functionsDir, names: ['redeem', 'jobs'] });
  writeSeedDir(path.join(work, 'seed'), {
    packs: [testPack(PACK, { stock: STOCK, cost: 10, perMemberLimit: 10 })],
    members: MEMBERS,
    points: 100,
    now: Date.now() - 3_600_000,
  });
  await start(true);
}, 180_000);

afterAll(async () => {
  if (lc) await lc.kill('SIGKILL');
  process.env = { ...savedEnv };
  fs.rmSync(work, { recursive: true, force: true });
});

const issuedIn = async (round: number) =>
  (await db.find<{ requestId: string }>('redemptions', { openid: db.op.in(MEMBERS) }, { limit: 100 })).filter((r) =>
    r.requestId.startsWith(`crash-r${round}-`),
  ).length;

/** When to pull the plug: each a different place in the life of a redemption. */
const CRASH_POINTS: Array<[string, (round: number) => () => Promise<boolean>]> = [
  ['while a unit is held, before its voucher commits', () => async () => Object.keys((await packDoc()).holds).length > 0],
  [
    'after a voucher committed, before its hold was removed (the answer lost)',
    () => async () => {
      for (const id of Object.keys((await packDoc()).holds)) if (await db.get('redemptions', id)) return true;
      return false;
    },
  ],
  [
    'once a few vouchers are issued, with units still held',
    (round) => async () => (await issuedIn(round)) >= 3 && Object.keys((await packDoc()).holds).length > 0,
  ],
  ['as the burst begins', () => async () => true],
];

describe('kill -9 during parallel redeems, restart, retry, sweep', () => {
  it.each(CRASH_POINTS.map(([name, when], round) => [name, when, round] as const))(
    'killed %s: stock stays exact',
    async (_name, when, round) => {
      // Ops restock the pack for this round (a stock set in the console counts from the next call).
      await db.update('benefit_packs', PACK, { stock: STOCK });
      const requests = MEMBERS.map((who, i) => ({ who, requestId: `crash-r${round}-${String(i).padStart(4, '0')}` }));
      const burst = Promise.allSettled(requests.map((r) => redeem(r.who, r.requestId)));
      await killWhen(when(round), burst);
      await burst;

      await start(false);
      const held = Object.keys((await packDoc()).holds);
      const consumed = (await Promise.all(held.map((id) => db.get('redemptions', id)))).filter(Boolean).length;
      console.info(`crash ${round}: ${held.length} unit(s) held by calls that died, ${consumed} of them consumed by a voucher`);

      // The clients retry half the requests, with the same requestId, right after the restart.
      const retried = requests.filter((_r, i) => i % 2 === 0);
      const started = Date.now();
      const answers = await Promise.all(retried.map((r) => redeem(r.who, r.requestId)));
      console.info(`crash ${round}: ${retried.length} retries answered within ${Date.now() - started} ms`);
      for (const a of answers) if (!a.ok) expect(CLEAR_REFUSALS.has(a.error.code) ? 'clear refusal' : a.error.code).toBe('clear refusal');
      for (const [i, a] of answers.entries()) {
        if (a.ok) expect(await db.get('redemptions', `${retried[i].who}_${retried[i].requestId}`)).not.toBeNull();
      }

      // The other half never comes back: the sweep settles their units once they are stale.
      await control('clock', { now: new Date(Date.now() + 5 * 60_000).toISOString() });
      expect(await runJobs()).toMatchObject({
        ok: true,
        data: { runs: expect.arrayContaining([expect.objectContaining({ job: 'stockHolds', status: 'done' })]) },
      });
      await control('clock', { now: null });

      const after = await packDoc();
      const vouchers = await db.pages<{ _id: string; requestId: string; stockTaken: boolean; status: string }>('redemptions', {
        openid: db.op.in(MEMBERS),
      });
      const live = vouchers.filter((v) => v.requestId.startsWith(`crash-r${round}-`) && v.stockTaken && v.status !== 'cancelled');
      expect(after.holds).toEqual({});
      expect(after.stock).toBeGreaterThanOrEqual(0);
      expect(STOCK - after.stock).toBe(live.length);

      // points = Σ ledger for every member, never negative.
      const ledger = await db.pages<{ _id: string; openid: string; points: number; growth: number }>('ledger', {
        openid: db.op.in(MEMBERS),
      });
      for (const who of MEMBERS) {
        const member = await db.get<{ points: number; growth: number }>('members', who);
        const mine = ledger.filter((e) => e.openid === who);
        expect([who, member?.points]).toEqual([who, mine.reduce((s, e) => s + e.points, 0)]);
        expect(member?.points ?? 0).toBeGreaterThanOrEqual(0);
      }
    },
  );
});
