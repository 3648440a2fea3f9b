/**
 * `npm run simulate -- --members 500 --days 30 [--seed 42] [--start 2026-11-01] [--concurrency 6]
 *                     [--no-history] [--keep <dataDir>] [--growth-sample <file.json>]`
 *
 * A month of a member community through the real functions on a fresh localcloud (see
 * simulate/run.ts). Prints a progress bar and a summary table: members, check-ins, redemptions,
 * invites, tier coverage against the 90/40/10 targets, thresholds that would meet them, and the
 * function calls per second (the number `npm run bench` reports). `--content` seeds another
 * content folder (e.g. a copy of content/demo with other tier thresholds, to try them); `--keep`
 * leaves the data in a folder `npm run localcloud -- --data <dir>` can serve (e.g. to look at the
 * dashboard).
 */
import fs from 'node:fs';
import path from 'node:path';
import { progressBar, summaryRows, table } from './simulate/report';
import { runSimulation, type SimulationOptions } from './simulate/run';

export { runSimulation, type SimulationOptions, type SimulationReport } from './simulate/run';

const USAGE =
  'Usage: npm run simulate -- --members 500 --days 30 [--seed 42] [--start YYYY-MM-DD] [--concurrency 6] [--no-history] [--content <dir>] [--keep <dir>] [--growth-sample <file>]';

interface CliOptions extends SimulationOptions {
  growthSample?: string;
}

const NUMERIC = {
  '--members': { key: 'members', min: 1, max: 100_000 },
  '--days': { key: 'days', min: 1, max: 400 },
  '--seed': { key: 'seed', min: 0, max: 2 ** 32 - 1 },
  '--concurrency': { key: 'concurrency', min: 1, max: 64 },
} as const;

function isNumericFlag(a: string): a is keyof typeof NUMERIC {
  return Object.prototype.hasOwnProperty.call(NUMERIC, a);
}

export function parseSimulateArgs(argv: readonly string[]): CliOptions | string {
  const o: CliOptions = { members: 500, days: 30, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (isNumericFlag(a)) {
      const { key, min, max } = NUMERIC[a];
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) return `${a} 应为 ${min}–${max} 的整数 / must be an integer ${min}–${max}\n${USAGE}`;
      o[key] = n;
      i++;
    } else if (a === '--start') {
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--start 应为 YYYY-MM-DD / must be YYYY-MM-DD\n${USAGE}`;
      o.start = v;
      i++;
    } else if (a === '--no-history') o.history = false;
    else if (a === '--keep' || a === '--growth-sample' || a === '--content') {
      if (!v) return `${a} 需要一个路径 / needs a path\n${USAGE}`;
      if (a === '--keep') o.dataDir = path.resolve(v);
      else if (a === '--content') o.seedDir = path.resolve(v);
      else o.growthSample = path.resolve(v);
      i++;
    } else return `未知参数 / unknown option: ${a}\n${USAGE}`;
  }
  return o;
}

async function main(): Promise<number> {
  const options = parseSimulateArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const tty = process.stderr.isTTY === true;
  console.error(`模拟 ${options.members} 位会员 × ${options.days} 天（种子 ${options.seed}）…`);
  const report = await runSimulation({
    ...options,
    onProgress: (p) => {
      if (tty) process.stderr.write(`\r${progressBar(p)}`);
      else if (p.day === p.days || p.day % Math.max(1, Math.round(p.days / 10)) === 0) console.error(progressBar(p));
    },
  });
  if (tty) process.stderr.write('\n');
  for (const line of table(summaryRows(report))) console.log(line);
  if (options.growthSample) {
    fs.mkdirSync(path.dirname(options.growthSample), { recursive: true });
    fs.writeFileSync(options.growthSample, `${JSON.stringify(report.activeWindowGrowths)}\n`);
    console.log(
      `活跃会员成长值样本 → ${options.growthSample}（npm run content:validate -- --growth-sample ${path.relative(process.cwd(), options.growthSample)}）`,
    );
  }
  if (options.dataDir) console.log(`数据保留在 ${options.dataDir}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
