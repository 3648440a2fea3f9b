/**
 * localcloud benchmark (loopback only, about 30–40 s). Run alone with `tsx localcloud/bench/bench.ts`
 * or call `runLocalcloudBench()` from a larger bench runner.
 *
 * Measures, with the real wx-server-sdk in this process and the server in a child process:
 * - doc().get ops/s at 32 concurrent callers (SCF environment, as in a function instance) against
 *   localcloud, and against a do-nothing HTTP server answering the same shape (the floor set by the
 *   SDK and HTTP themselves), interleaved twice; and their ratio;
 * - add and update ops/s at 32 concurrent callers (each acknowledged write is fsynced);
 * - gateway latency (POST /functions/noop, a function that loads wx-server-sdk) cold (new instance:
 *   the function is redeployed before each call) and warm (sequential calls), p50/p95.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localcloudSdkEnv } from '../src/localcloud';
import { spawnLocalcloud, tsxNodeArgs } from '../spawn';

export interface BenchResult {
  getOpsLocalcloud: number;
  getOpsFloor: number;
  ratio: number;
  addOps: number;
  updateOps: number;
  gatewayColdP50: number;
  gatewayColdP95: number;
  gatewayWarmP50: number;
  gatewayWarmP95: number;
}

export interface BenchOptions {
  concurrency?: number;
  /** Length of each doc().get measurement window. */
  windowMs?: number;
  /** Length of the add and update windows. */
  writeWindowMs?: number;
  coldSamples?: number;
  warmSamples?: number;
  log?: (line: string) => void;
}

interface WxCloud {
  init(options: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  database(): WxDb;
}
interface WxDb {
  command: { inc(n: number): unknown };
  createCollection(name: string): Promise<unknown>;
  collection(name: string): {
    add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: Record<string, unknown> }): Promise<unknown>;
      update(options: { data: Record<string, unknown> }): Promise<unknown>;
    };
  };
}

/** A function like the product's: loads and initialises wx-server-sdk, then answers at once. */
const NOOP_SOURCE = [
  `const cloud = require(${JSON.stringify(require.resolve('wx-server-sdk'))});`,
  'cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });',
  'exports.main = async (event) => ({ ok: true, openid: cloud.getWXContext().OPENID, echo: event.echo === undefined ? null : event.echo });',
  '',
].join('\n');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function throughput(concurrency: number, windowMs: number, op: (worker: number, i: number) => Promise<unknown>): Promise<number> {
  let count = 0;
  const deadline = Date.now() + windowMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline; i++) {
        await op(worker, i);
        count++;
      }
    }),
  );
  return count / ((Date.now() - started) / 1000);
}

function startNullServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, tsxNodeArgs(path.join(__dirname, 'null-server.ts')), { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /ready (\d+)/.exec(out);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`null server exited (${code})`)));
  });
}

async function gatewayCall(url: string, openid: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/functions/noop`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: '{"echo":1}',
  });
  await res.json();
  if (res.status !== 200) throw new Error(`gateway answered ${res.status}`);
  return performance.now() - started;
}

export async function runLocalcloudBench(options: BenchOptions = {}): Promise<BenchResult> {
  const concurrency = options.concurrency ?? 32;
  const windowMs = options.windowMs ?? 3000;
  const writeWindowMs = options.writeWindowMs ?? 3000;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'));
  const functionsDir = path.join(work, 'functions');
  fs.mkdirSync(path.join(functionsDir, 'noop'), { recursive: true });
  const noopFile = path.join(functionsDir, 'noop', 'index.js');
  fs.writeFileSync(noopFile, NOOP_SOURCE);

  const savedEnv = { ...process.env };
  const localcloud = await spawnLocalcloud(['--port', '0', '--data', path.join(work, 'data'), '--functions', functionsDir, '--quiet']);
  const nullServer = await startNullServer();
  try {
    Object.assign(process.env, localcloudSdkEnv(localcloud.url, { openid: 'oBenchUser0000000000000000001' }), { SILENCE: 'true' });
    const pointAt = (url: string) => {
      process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` });
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as WxCloud;
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    const db = cloud.database();
    pointAt(localcloud.url);
    await db.createCollection('bench');
    await db
      .collection('bench')
      .doc('bench-doc')
      .set({ data: { n: 1, name: 'benchmark document' } });

    const get = () => db.collection('bench').doc('bench-doc').get();
    log('warming up…');
    for (const url of [localcloud.url, nullServer.url]) {
      pointAt(url);
      await throughput(concurrency, 800, get);
    }
    const lc: number[] = [];
    const floor: number[] = [];
    for (let round = 0; round < 2; round++) {
      pointAt(localcloud.url);
      lc.push(await throughput(concurrency, windowMs, get));
      pointAt(nullServer.url);
      floor.push(await throughput(concurrency, windowMs, get));
      log(`round ${round + 1}: localcloud ${lc[round].toFixed(0)} ops/s, floor ${floor[round].toFixed(0)} ops/s`);
    }
    pointAt(localcloud.url);

    const addOps = await throughput(concurrency, writeWindowMs, (w, i) => db.collection('bench').add({ data: { w, i, at: new Date() } }));
    await Promise.all(
      Array.from({ length: concurrency }, (_, w) =>
        db
          .collection('bench')
          .doc(`counter-${w}`)
          .set({ data: { n: 0 } }),
      ),
    );
    const _ = db.command;
    const updateOps = await throughput(concurrency, writeWindowMs, (w) =>
      db
        .collection('bench')
        .doc(`counter-${w}`)
        .update({ data: { n: _.inc(1) } }),
    );
    log(`writes: add ${addOps.toFixed(0)} ops/s, update ${updateOps.toFixed(0)} ops/s`);

    const cold: number[] = [];
    for (let i = 0; i < (options.coldSamples ?? 8); i++) {
      const t = new Date(Date.now() + (i + 1) * 1000);
      fs.utimesSync(noopFile, t, t); // a new deployment: the next call starts a fresh instance
      cold.push(await gatewayCall(localcloud.url, 'oBenchUser0000000000000000001'));
    }
    const warm: number[] = [];
    for (let i = 0; i < (options.warmSamples ?? 300); i++) warm.push(await gatewayCall(localcloud.url, 'oBenchUser0000000000000000001'));
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);

    const getOpsLocalcloud = lc.reduce((a, b) => a + b, 0) / lc.length;
    const getOpsFloor = floor.reduce((a, b) => a + b, 0) / floor.length;
    return {
      getOpsLocalcloud,
      getOpsFloor,
      ratio: getOpsLocalcloud / getOpsFloor,
      addOps,
      updateOps,
      gatewayColdP50: percentile(cold, 50),
      gatewayColdP95: percentile(cold, 95),
      gatewayWarmP50: percentile(warm, 50),
      gatewayWarmP95: percentile(warm, 95),
    };
  } finally {
    process.env = savedEnv;
    nullServer.stop();
    await localcloud.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function formatBenchTable(r: BenchResult): string {
  const rows: Array<[string, string]> = [
    ['doc().get ops/s, localcloud (32 concurrent SDK callers)', r.getOpsLocalcloud.toFixed(0)],
    ['doc().get ops/s, do-nothing server (floor)', r.getOpsFloor.toFixed(0)],
    ['ratio localcloud / floor (goal ≥ 0.80)', r.ratio.toFixed(2)],
    ['add ops/s (32 concurrent, fsynced)', r.addOps.toFixed(0)],
    ['update ops/s (32 concurrent, fsynced)', r.updateOps.toFixed(0)],
    ['gateway call, cold p50 / p95 (ms)', `${r.gatewayColdP50.toFixed(0)} / ${r.gatewayColdP95.toFixed(0)}`],
    ['gateway call, warm p50 / p95 (ms)', `${r.gatewayWarmP50.toFixed(1)} / ${r.gatewayWarmP95.toFixed(1)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return ['| localcloud benchmark | value |', '|---|---:|', ...rows.map(([label, value]) => `| ${label.padEnd(width)} | ${value} |`)].join(
    '\n',
  );
}

if (require.main === module) {
  runLocalcloudBench().then(
    (result) => {
      process.stdout.write(`${formatBenchTable(result)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
