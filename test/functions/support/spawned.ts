import fs from 'node:fs';
import path from 'node:path';
import { localcloudSdkEnv, spawnLocalcloud, type SpawnedLocalcloud } from '../../../localcloud';
import { buildFunctions } from '../../../scripts/build-functions';
import { Database } from '../../../cloudfunctions/_common/db';
import { fromSdk } from '../../../cloudfunctions/_common/sdk';
import { INDEXES, ROOT } from './cloud';

/**
 * localcloud as its own process (the CLI), for tests that kill it with SIGKILL and start it again
 * on the same data: strict indexes, manual timer triggers, and the real SDK of this process
 * pointed at it.
 */
export interface SpawnedCloud {
  lc: SpawnedLocalcloud;
  db: Database;
}

/** The SDK in this process, pointed at a running localcloud. */
export function connectSdk(url: string): Database {
  Object.assign(process.env, localcloudSdkEnv(url), { SILENCE: 'true' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return new Database(fromSdk(cloud).database({ throwOnNotFound: false }));
}

/** Starts localcloud on `dataDir` with the built `functionsDir`, seeded from `seedDir` when given (a first start). */
export async function spawnCloud(options: { dataDir: string; functionsDir: string; seedDir?: string }): Promise<SpawnedCloud> {
  const args = ['--port', '0', '--data', options.dataDir, '--functions', options.functionsDir];
  args.push('--indexes', INDEXES, '--strict-indexes', '--quiet', '--manual-triggers');
  if (options.seedDir) args.push('--seed', '--seed-dir', options.seedDir);
  const lc = await spawnLocalcloud(args, { cwd: ROOT });
  return { lc, db: connectSdk(lc.url) };
}

export interface CrashWorkspace {
  /** Where the suite writes its seed documents, before its first `start(true)`. */
  readonly seedDir: string;
  /** Starts localcloud on the workspace's data (seeded when `seed`): after a kill, the same data again. */
  start(seed: boolean): Promise<SpawnedCloud>;
}

/**
 * A crash suite's workspace in `dist/.test-<tag>-*` (inside the repo so the bundles resolve the
 * real wx-server-sdk): `functions` built before the suite's own `beforeAll`; after the suite the
 * last localcloud started is killed, the environment the SDK was pointed with restored and the
 * workspace removed.
 */
export function crashWorkspace(tag: string, functions: string[]): CrashWorkspace {
  const savedEnv = { ...process.env };
  let work = '';
  let last: SpawnedLocalcloud | null = null;
  const dir = (name: string) => path.join(work, name);

  beforeAll(async () => {
    fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    work = fs.mkdtempSync(path.join(ROOT, 'dist', `.test-${tag}-`));
    await buildFunctions({ outDir: dir('functions'), names: functions });
  }, 180_000);

  afterAll(async () => {
    if (last) await last.kill('SIGKILL');
    process.env = { ...savedEnv };
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  return {
    get seedDir() {
      return dir('seed');
    },
    async start(seed) {
      const started = await spawnCloud({ dataDir: dir('data'), functionsDir: dir('functions'), seedDir: seed ? dir('seed') : undefined });
      last = started.lc;
      return started;
    },
  };
}
