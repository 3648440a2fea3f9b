/**
 * Runs the time-sensitive suites under three process time zones: a member's day is the
 * Shanghai day, so the answers must not move with TZ.
 */
import { spawnSync } from 'node:child_process';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
// The pure domain, and the midnight boundaries run end to end on localcloud (check-in; a team challenge's
// first and last day; points expiry at a month's end).
const SUITES = ['shared', 'test/functions/midnight', 'test/functions/team', 'test/functions/expiry.test'];

for (const tz of ZONES) {
  console.log(`\n── TZ=${tz} ──`);
  const run = spawnSync('npx', ['jest', '--maxWorkers=2', ...SUITES], { stdio: 'inherit', env: { ...process.env, TZ: tz } });
  if (run.status !== 0) {
    console.error(`tests failed under TZ=${tz}`);
    process.exit(run.status ?? 1);
  }
}
