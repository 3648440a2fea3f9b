import fs from 'node:fs';
import path from 'node:path';
import type { SpawnedLocalcloud } from '../../localcloud';
import { buildFunctions } from '../../scripts/build-functions';
import type { Database } from '../../cloudfunctions/_common/db';
import { memberId, ROOT } from './support/cloud';
import { shanghai, writeSeedDir } from './support/seed';
import { spawnCloud } from './support/spawned';

// Whole localcloud processes start, die and restart here, on a shared machine.
jest.setTimeout(180_000);

/**
 * Points expiry across a real crash: 60 members hold points earned in November 2025; after
 * Shanghai midnight on 2026-12-01 the `jobs` timer starts expiring them and localcloud is killed
 * with SIGKILL mid-batch (wherever the kill lands — the assertions hold for any point). After a
 * restart the timer runs again, twice: every member has exactly one `expire` entry, the rest of
 * their points, and `points = Σ ledger`.
 */
const MEMBERS = Array.from({ length: 60 }, (_v, i) => memberId(`expcrash${i}`));
const EXPIRED = 100;
const KEPT = 20;

let work: string;
let functionsDir: string;
let dataDir: string;
let lc: SpawnedLocalcloud | null = null;
let db: Database;
const savedEnv = { ...process.env };

async function start(seed: boolean): Promise<void> {
  ({ lc, db } = await spawnCloud({ dataDir, functionsDir, seedDir: seed ? path.join(work, 'seed') : undefined }));
}

async function setClock(now: string): Promise<void> {
  const res = await fetch(`${lc?.url}/__localcloud/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  expect(res.status).toBe(200);
}

const runJobs = () => fetch(`${lc?.url}/__localcloud/triggers/jobs/schedule`, { method: 'POST' }).then((r) => r.json() as Promise<unknown>);

async function expireEntries(): Promise<Array<{ openid: string; points: number }>> {
  const ledger = await db.pages<{ _id: string; openid: string; kind: string; points: number }>('ledger', { openid: db.op.in(MEMBERS) });
  return ledger.filter((e) => e.kind === 'expire');
}

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  work = fs.mkdtempSync(path.join(ROOT, 'dist', '.test-expcrash-'));
  functionsDir = path.join(work, 'functions');
  dataDir = path.join(work, 'data');
  await buildFunctions({ outDir: functionsDir, names: ['jobs'] });
  const seed = writeSeedDir(path.join(work, 'seed'), {
    packs: [],
    members: MEMBERS,
    points: EXPIRED + KEPT,
    now: Date.parse(shanghai('2026-03-10 10:00:00')),
  });
  // What their history left on the member documents: 100 points from November 2025, 20 from March 2026.
  const file = path.join(seed, 'members.json');
  const members = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  fs.writeFileSync(
    file,
    JSON.stringify(members.map((m) => ({ ...m, pointLots: { '2025-11': EXPIRED, '2026-03': KEPT }, oldestLot: '2025-11' }))),
  );
  await start(true);
}, 180_000);

afterAll(async () => {
  if (lc) await lc.kill('SIGKILL');
  process.env = { ...savedEnv };
  fs.rmSync(work, { recursive: true, force: true });
});

it('writes one expire entry per member, killed mid-batch and run again twice', async () => {
  await setClock(shanghai('2026-12-01 00:05:00'));
  const run = runJobs().catch(() => undefined);
  // Pull the plug once a few members are done (or when the run is over, if it was quicker).
  let over = false;
  void run.finally(() => {
    over = true;
  });
  while (!over && (await expireEntries().catch(() => [])).length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(await lc?.kill('SIGKILL')).toBe('SIGKILL');
  await run;

  await start(false);
  const before = (await expireEntries()).length;
  console.info(`expiry crash: ${before} of ${MEMBERS.length} members had expired when localcloud was killed`);
  // Past the dead run's lease on the job (2 minutes).
  await setClock(shanghai('2026-12-01 00:10:00'));
  await runJobs();
  await runJobs();

  const entries = await expireEntries();
  expect(entries).toHaveLength(MEMBERS.length);
  expect(new Set(entries.map((e) => e.openid)).size).toBe(MEMBERS.length);
  expect(entries.every((e) => e.points === -EXPIRED)).toBe(true);
  const ledger = await db.pages<{ _id: string; openid: string; points: number }>('ledger', { openid: db.op.in(MEMBERS) });
  for (const who of MEMBERS) {
    const m = await db.get<{ points: number; pointLots: Record<string, number> }>('members', who);
    expect([who, m?.points, m?.pointLots]).toEqual([who, KEPT, { '2026-03': KEPT }]);
    expect(ledger.filter((e) => e.openid === who).reduce((s, e) => s + e.points, 0)).toBe(KEPT);
  }
});
