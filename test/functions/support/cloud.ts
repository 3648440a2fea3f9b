import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@shared/envelope';
import type { ActionName, ApiInput, ApiOutput, FunctionName } from '@shared/contracts/api';
import { ACTION_ERRORS, COMMON_ERRORS } from '@shared/contracts/actionErrors';
import { startLocalcloud, type Localcloud, type LocalcloudOptions } from '../../../localcloud';
import { buildFunctions } from '../../../scripts/build-functions';
import { ALL_COLLECTIONS } from '../../../cloudfunctions/_common/collections';
import { Database } from '../../../cloudfunctions/_common/db';
import { fromSdk } from '../../../cloudfunctions/_common/sdk';

/**
 * A localcloud for one test suite: the functions built once into `dist/.test-cf-*` (inside the
 * repo so the bundles resolve the real wx-server-sdk), strict indexes from `content/indexes.json`,
 * the demo program seeded. Calls go through localcloud's invoke path (the gateway's, without HTTP)
 * or the HTTP gateway itself; direct reads use the real SDK in this process.
 */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEMO_DIR = path.join(ROOT, 'content', 'demo');
export const INDEXES = path.join(ROOT, 'content', 'indexes.json');

export const VERIFIER = 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA';
export const OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';

/** A realistic openid: "o" + 27 URL-safe characters. */
export function memberId(tag: string | number): string {
  const body = `${String(tag)}_${'x'.repeat(27)}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return `o${body}`.slice(0, 28);
}

export type Doc = Record<string, unknown> & { _id: string };
export type Dump = Record<string, Doc[]>;

export interface TestCloud {
  lc: Localcloud;
  db: Database;
  /** Raw envelope of a call (whatever the function answered). */
  call(fn: string, openid: string, event: Record<string, unknown>): Promise<Envelope<unknown>>;
  /** A typed call that must succeed. */
  ok<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, openid: string, input?: ApiInput<F, A>): Promise<ApiOutput<F, A>>;
  /** A call that must fail: its error code and message. */
  fail(
    fn: string,
    openid: string,
    event: Record<string, unknown>,
  ): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
  /** POST /functions/<fn> with the identity header. */
  http(fn: string, openid: string, event: unknown): Promise<{ status: number; body: Envelope<unknown>; roundTrips: number }>;
  /** Every document of every collection the functions use. */
  dump(): Promise<Dump>;
  docs<T = Doc>(collection: string, where?: Record<string, unknown>): Promise<T[]>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

let sdkLoaded: Database | null = null;

/**
 * The demo program to seed, without its campaigns unless asked: campaigns carry real dates, so a
 * test running on a campaign's day would see its boosts and a test must not change with the day it
 * runs. Campaign tests seed them (or their own) and set the clock.
 */
export function demoSeedDir(dir: string, options: { campaigns?: boolean } = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(DEMO_DIR)) {
    if (f === 'campaigns.json' && !options.campaigns) continue;
    fs.copyFileSync(path.join(DEMO_DIR, f), path.join(dir, f));
  }
  return dir;
}

export async function startTestCloud(options: Partial<LocalcloudOptions> & { campaigns?: boolean } = {}): Promise<TestCloud> {
  const { campaigns, ...lcOptions } = options;
  const dist = path.join(ROOT, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  const work = fs.mkdtempSync(path.join(dist, '.test-cf-'));
  const functionsDir = path.join(work, 'functions');
  await buildFunctions({ outDir: functionsDir });
  const lc = await startLocalcloud({
    port: 0,
    dataDir: path.join(work, 'data'),
    functionsDir,
    seedDir: demoSeedDir(path.join(work, 'seed'), { campaigns }),
    seed: true,
    indexesFile: INDEXES,
    strictIndexes: true,
    fsync: false,
    quiet: true,
    // Tests move the clock; the `jobs` timer runs only when a test fires it (lc.fireTrigger).
    autoTriggers: false,
    ...lcOptions,
  });
  Object.assign(process.env, lc.sdkEnv(), { SILENCE: 'true' });
  if (!sdkLoaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    sdkLoaded = new Database(fromSdk(cloud).database({ throwOnNotFound: false }));
  }
  const db = sdkLoaded;

  const call = async (fn: string, openid: string, event: Record<string, unknown>): Promise<Envelope<unknown>> => {
    const { outcome } = await lc.invoke(fn, event, { openid });
    if (outcome.kind !== 'ok') throw new Error(`${fn} ${String(event.action)} did not answer: ${JSON.stringify(outcome)}`);
    const answer = JSON.parse(outcome.json) as Envelope<unknown>;
    // Every failure must be one the contract lists for the action (what the client is ready to show).
    if (!answer.ok) {
      const table = (ACTION_ERRORS as unknown as Record<string, Record<string, readonly string[]>>)[fn] ?? {};
      const name = String(event.action);
      const listed = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : [];
      if (![...COMMON_ERRORS, ...listed].includes(answer.error.code)) {
        throw new Error(`${fn}.${String(event.action)} answered ${answer.error.code}, which ACTION_ERRORS does not list for it`);
      }
    }
    return answer;
  };

  const docs = async <T = Doc>(collection: string, where: Record<string, unknown> = {}): Promise<T[]> =>
    // `pages` walks by _id, so a lookup by _id is a plain find.
    ('_id' in where
      ? await db.find<Doc>(collection, where, { limit: 100 })
      : await db.pages<Doc>(collection, where, 100_000)) as unknown as T[];

  return {
    lc,
    db,
    call,
    async ok(fn, action, openid, input) {
      const answer = await call(fn, openid, { ...(input ?? {}), action });
      if (!answer.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(answer.error)}`);
      return answer.data as never;
    },
    async fail(fn, openid, event) {
      const answer = await call(fn, openid, event);
      if (answer.ok)
        throw new Error(`${fn}.${String(event.action)} succeeded but should have failed: ${JSON.stringify(answer.data).slice(0, 300)}`);
      return answer.error;
    },
    async http(fn, openid, event) {
      const res = await fetch(`${lc.url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(event),
      });
      return {
        status: res.status,
        body: (await res.json()) as Envelope<unknown>,
        roundTrips: Number(res.headers.get('x-localcloud-db-round-trips') ?? NaN),
      };
    },
    async dump() {
      const out: Dump = {};
      for (const c of ALL_COLLECTIONS) out[c] = await docs(c);
      return out;
    },
    docs,
    reset: () => lc.reset({ seed: true }),
    async close() {
      await lc.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * One localcloud for a whole suite: started before its tests, closed after them (its clock back
 * on real time first). What it returns stands for that cloud from the start, so a suite reads
 * `const cloud = cloudForSuite()`; use it inside tests and hooks (before the start it throws).
 */
export function cloudForSuite(options: Parameters<typeof startTestCloud>[0] = {}): TestCloud {
  let started: TestCloud | undefined;
  beforeAll(async () => {
    started = await startTestCloud(options);
  }, 120_000);
  afterAll(async () => {
    started?.lc.setClock(null);
    await started?.close();
  });
  const current = (): TestCloud => {
    if (!started) throw new Error('the suite cloud starts in beforeAll: use it inside tests and hooks');
    return started;
  };
  return {
    get lc() {
      return current().lc;
    },
    get db() {
      return current().db;
    },
    call: (fn, openid, event) => current().call(fn, openid, event),
    ok: (fn, action, openid, input) => current().ok(fn, action, openid, input),
    fail: (fn, openid, event) => current().fail(fn, openid, event),
    http: (fn, openid, event) => current().http(fn, openid, event),
    dump: () => current().dump(),
    docs: <T = Doc>(collection: string, where?: Record<string, unknown>) => current().docs<T>(collection, where),
    reset: () => current().reset(),
    close: () => current().close(),
  };
}

/** Σ ledger per member must equal the member's points and growth; points never negative. */
export async function ledgerConsistency(cloud: TestCloud): Promise<string[]> {
  const [members, ledger] = await Promise.all([cloud.docs('members'), cloud.docs('ledger')]);
  const sums = new Map<string, { points: number; growth: number }>();
  for (const e of ledger) {
    const s = sums.get(String(e.openid)) ?? { points: 0, growth: 0 };
    s.points += Number(e.points);
    s.growth += Number(e.growth);
    sums.set(String(e.openid), s);
  }
  const problems: string[] = [];
  for (const m of members) {
    const s = sums.get(m._id) ?? { points: 0, growth: 0 };
    if (s.points !== m.points || s.growth !== m.growth)
      problems.push(`${m._id}: member ${String(m.points)}/${String(m.growth)} vs ledger ${s.points}/${s.growth}`);
    if (Number(m.points) < 0) problems.push(`${m._id}: negative points ${String(m.points)}`);
    const ids = (m.badges as Array<{ id: string }>).map((b) => b.id);
    if (new Set(ids).size !== ids.length) problems.push(`${m._id}: duplicate badges ${ids.join(',')}`);
  }
  return problems;
}
