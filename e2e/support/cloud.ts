/**
 * One localcloud per suite: free port, fresh data directory, demo content, the H5 build served
 * at `/`. Plus what a test needs from the outside world: the clock, and calls as another
 * identity (e.g. ops granting points for an offline event, as the ops dashboard would).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalcloud, type Localcloud, type LocalcloudOptions } from '../../localcloud';

const ROOT = path.resolve(__dirname, '..', '..');

export const DEMO_VERIFIER = 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA';
export const DEMO_OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';
/** The demo host (`content/demo/staff.json`, role host): checks members in at offline events. */
export const DEMO_HOST = 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ';

export interface TestCloud {
  lc: Localcloud;
  url: string;
  /** The H5 app as `openid`, at a hash route (default home). */
  appUrl(openid: string, route?: string): string;
  /** Calls a cloud function through the gateway as `openid`; returns `data` or throws. */
  call<T = unknown>(openid: string, fn: string, event: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The demo program without its campaigns unless asked: they carry real dates, and a suite must
 * not change with the day it runs (campaign suites seed them and set the clock).
 */
function demoSeed(dir: string, campaigns: boolean): string {
  const demo = path.join(ROOT, 'content', 'demo');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(demo)) if (campaigns || f !== 'campaigns.json') fs.copyFileSync(path.join(demo, f), path.join(dir, f));
  return dir;
}

/** Adds a suite's own documents to a seed collection (e.g. an event on the suite's dates). */
function addToSeed(dir: string, extra: Record<string, Array<Record<string, unknown>>>): void {
  for (const [collection, docs] of Object.entries(extra)) {
    const file = path.join(dir, `${collection}.json`);
    const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]) : [];
    fs.writeFileSync(file, JSON.stringify([...existing, ...docs], null, 2));
  }
}

export interface TestCloudOptions extends Partial<LocalcloudOptions> {
  /** Seed the demo campaigns too (they carry real dates). */
  campaigns?: boolean;
  /** More seed documents per collection, beside the demo's. */
  extraSeed?: Record<string, Array<Record<string, unknown>>>;
}

export async function startTestCloud(name: string, options: TestCloudOptions = {}): Promise<TestCloud> {
  const { campaigns = false, extraSeed = {}, ...lcOptions } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-${name}-`));
  const seedDir = demoSeed(`${dataDir}-seed`, campaigns);
  addToSeed(seedDir, extraSeed);
  const lc = await startLocalcloud({
    port: 0,
    dataDir,
    functionsDir: path.join(ROOT, 'dist', 'cloudfunctions'),
    staticDir: path.join(ROOT, 'dist', 'h5'),
    seedDir,
    seed: true,
    indexesFile: path.join(ROOT, 'content', 'indexes.json'),
    fsync: false,
    quiet: true,
    ...lcOptions,
  });
  const url = lc.url.replace(/\/$/, '');
  return {
    lc,
    url,
    appUrl: (openid, route = 'pages/index/index') => `${url}/?member=${encodeURIComponent(openid)}#/${route}`,
    async call<T>(openid: string, fn: string, event: Record<string, unknown>): Promise<T> {
      const res = await fetch(`${url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify(event),
      });
      const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${body.error?.code} ${body.error?.message}`);
      return body.data as T;
    },
    async stop() {
      await lc.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(seedDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, realistic openid (`o` + 27 URL-safe characters) for a member who never opened the app. */
export function newOpenid(tag: string): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `o${tag}_${random}`.slice(0, 28).padEnd(28, '0');
}
