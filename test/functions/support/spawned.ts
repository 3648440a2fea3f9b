import { localcloudSdkEnv, spawnLocalcloud, type SpawnedLocalcloud } from '../../../localcloud';
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
