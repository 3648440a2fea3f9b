/**
 * `npm start`: builds the cloud functions and the H5 app, starts localcloud with the demo
 * program (and, on a fresh data dir, a demo member with a few weeks of history), serves the
 * H5 build from it, and prints the URLs to open (the app, and localcloud's cloud console).
 * Ctrl-C stops it.
 *   npm start -- [--port 7300] [--data .localcloud] [--fresh]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalcloud } from '../localcloud';
import { buildFunctions } from './build-functions';
import { DEMO_HOST, DEMO_MEMBER, DEMO_OPS, DEMO_VERIFIER, isEmptyDatabase, seedDemoHistory } from './demo-history';
import { demoPartnerSecret } from './partner-client';

const ROOT = path.resolve(__dirname, '..');

function step(label: string): () => void {
  const started = Date.now();
  process.stdout.write(`• ${label}…`);
  return () => process.stdout.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function buildH5(): void {
  const run = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) {
    console.error(`\n${run.stdout}\n${run.stderr}\nH5 build failed`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '7300' },
      data: { type: 'string', default: path.join(ROOT, '.localcloud') },
      fresh: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (values.fresh) fs.rmSync(values.data, { recursive: true, force: true });

  let done = step('building cloud functions');
  const functions = await buildFunctions();
  done();
  done = step('building the H5 app');
  buildH5();
  done();

  done = step('starting localcloud');
  let localcloud;
  try {
    localcloud = await startLocalcloud({
      port,
      dataDir: values.data,
      functionsDir: path.join(ROOT, 'dist', 'cloudfunctions'),
      staticDir: path.join(ROOT, 'dist', 'h5'),
      seedDir: path.join(ROOT, 'content', 'demo'),
      seed: true,
      indexesFile: path.join(ROOT, 'content', 'indexes.json'),
      // The console checks content edits with the project's own validator (localcloud knows no domain).
      consoleValidator: path.join(ROOT, 'content', 'consoleValidator.ts'),
      quiet: true,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`\nport ${port} is in use: stop the other process or run npm start -- --port <n>`);
      process.exit(1);
    }
    throw err;
  }
  done();

  if (isEmptyDatabase(localcloud)) {
    done = step('giving the demo member a few weeks of history');
    await seedDemoHistory(localcloud);
    done();
  }

  const url = localcloud.url;
  console.log(`
会员中心 is running (${functions.length} cloud functions on localcloud, data in ${path.relative(ROOT, values.data) || '.'})

  Open:            ${url}/
  As a new member: ${url}/?member=oNew_Member_${Date.now().toString(36).padStart(16, '0')}
  As staff (核销): ${url}/?member=${DEMO_VERIFIER}
  As ops (运营后台): ${url}/?member=${DEMO_OPS}
  As host (活动签到): ${url}/?member=${DEMO_HOST}
  Cloud console:   ${url}/console   (数据库、云函数日志、导入导出、时钟 — this machine only)
  Brand systems:   POST ${url}/http/partner/orders | /refunds, signed with the demo PARTNER_SECRET "${demoPartnerSecret()}" (content/DEPLOY.md)

The default member is the demo member ${DEMO_MEMBER}. Ctrl-C stops; npm start -- --fresh starts over.
`);

  const stop = async () => {
    await localcloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
