/**
 * `npm run bench`: every published speed and size figure, from one run (never timed asserts in
 * tests). Sections: localcloud against the SDK's own floor; the cloud functions (latency, round
 * trips, the stock race, throughput); the simulator's load (calls/s); the weapp package sizes.
 *   npm run bench -- [--only localcloud,functions,simulate,size]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { formatBenchTable, runLocalcloudBench } from '../localcloud/bench/bench';
import { runBackendBench } from '../bench/functions/bench';
import { buildFunctions } from './build-functions';
import { runSimulation } from './simulate';

const ROOT = path.resolve(__dirname, '..');
const SECTIONS = ['localcloud', 'functions', 'simulate', 'size'] as const;
type Section = (typeof SECTIONS)[number];

function chosenSections(): Section[] {
  const i = process.argv.indexOf('--only');
  if (i < 0) return [...SECTIONS];
  const wanted = (process.argv[i + 1] ?? '').split(',');
  return SECTIONS.filter((s) => wanted.includes(s));
}

function heading(title: string): void {
  console.log(`\n## ${title}\n`);
}

async function main(): Promise<void> {
  const sections = chosenSections();
  const started = Date.now();
  if (sections.includes('functions') || sections.includes('simulate')) await buildFunctions();

  if (sections.includes('localcloud')) {
    heading('localcloud (real wx-server-sdk, loopback)');
    console.log(formatBenchTable(await runLocalcloudBench()));
  }
  if (sections.includes('functions')) {
    heading('cloud functions on localcloud');
    await runBackendBench((line) => console.log(line));
  }
  if (sections.includes('simulate')) {
    heading('simulator as load test (100 members × 7 days)');
    const report = await runSimulation({ members: 100, days: 7, seed: 42 });
    console.log('| simulator | value |\n|---|---:|');
    console.log(`| function calls | ${report.calls} |`);
    console.log(`| calls/s | ${report.callsPerSecond.toFixed(0)} |`);
    console.log(`| call latency p50 / p95 (ms) | ${report.latencyMs.p50.toFixed(0)} / ${report.latencyMs.p95.toFixed(0)} |`);
  }
  if (sections.includes('size')) {
    heading('weapp packages (production build)');
    const size = spawnSync('npx', ['tsx', 'scripts/size.ts'], { cwd: ROOT, stdio: 'inherit' });
    if (size.status !== 0) process.exitCode = 1;
  }
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
