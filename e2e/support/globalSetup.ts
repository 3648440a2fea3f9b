/**
 * Builds what the tests run, once per `jest -c e2e/jest.config.js`: the cloud functions
 * (dist/cloudfunctions), the production H5 app (dist/h5) and the production mini-program (dist/weapp). `E2E_SKIP_BUILD=1` reuses existing
 * builds (when iterating on tests only).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function run(label: string, args: string[]): void {
  const started = Date.now();
  const res = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) {
    throw new Error(`${label} failed:\n${res.stdout.slice(-4000)}\n${res.stderr.slice(-4000)}`);
  }
  process.stderr.write(`e2e: ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

export default async function globalSetup(): Promise<void> {
  const built = ['h5/index.html', 'weapp/app.json', 'cloudfunctions'].every((p) => fs.existsSync(path.join(ROOT, 'dist', p)));
  if (process.env.E2E_SKIP_BUILD === '1' && built) return;
  run('build:functions', ['tsx', 'scripts/build-functions.ts']);
  run('build:h5', ['taro', 'build', '--type', 'h5']);
  // The weapp smoke test (weapp-smoke/) renders the production mini-program.
  run('build:weapp', ['taro', 'build', '--type', 'weapp']);
}
