/**
 * `npm run size`: builds the mini-program in production mode and prints each package's size
 * against its budget; exits non-zero when one is over. `--no-build` measures dist/weapp as is.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { formatKB, measureWeapp, TOTAL_LIMIT } from './weapp-packages';

const ROOT = path.resolve(__dirname, '..');
const distDir = path.join(ROOT, 'dist', 'weapp');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) {
    // Taro's progress bars are noise when it works; when it fails they hold the error.
    console.error(build.stdout, build.stderr);
    console.error('weapp build failed');
    process.exit(build.status ?? 1);
  }
}

const sizes = measureWeapp(distDir);
const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
let over = false;
console.log('package'.padEnd(18) + 'files'.padStart(6) + 'size'.padStart(12) + 'budget'.padStart(12) + '  use');
for (const s of sizes) {
  const ok = s.bytes <= s.budget;
  over ||= !ok;
  const use = `${((s.bytes / s.budget) * 100).toFixed(0)}%`;
  console.log(
    s.name.padEnd(18) +
      String(s.files).padStart(6) +
      formatKB(s.bytes).padStart(12) +
      formatKB(s.budget).padStart(12) +
      `  ${use}${ok ? '' : '  OVER BUDGET'}`,
  );
}
const totalOk = total <= TOTAL_LIMIT;
over ||= !totalOk;
console.log(
  'total'.padEnd(18) +
    ''.padStart(6) +
    formatKB(total).padStart(12) +
    formatKB(TOTAL_LIMIT).padStart(12) +
    (totalOk ? '' : '  OVER BUDGET'),
);
process.exit(over ? 1 : 0);
