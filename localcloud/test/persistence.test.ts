/**
 * Durability: data survives a restart, a torn journal line, and `kill -9` in the middle of a write
 * burst (every write acknowledged to the SDK is there afterwards). Also the CLI's process contract.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { localcloudSdkEnv, spawnLocalcloud, startLocalcloud } from '../index';
import { run, startTestCloud, tempDir, useSdk, type Sdk } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

function loadSdk(url: string): Sdk {
  Object.assign(process.env, localcloudSdkEnv(url), { SILENCE: 'true' });
  const cloud = require('wx-server-sdk') as Sdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return cloud;
}

async function allDocs(cloud: Sdk, coll: string): Promise<Array<Record<string, unknown>>> {
  const db = cloud.database();
  const total = (await run(db.collection(coll).count())).total;
  const out: Array<Record<string, unknown>> = [];
  while (out.length < total) {
    const page = await run(db.collection(coll).orderBy('_id', 'asc').skip(out.length).limit(1000).get());
    out.push(...(page.data as Array<Record<string, unknown>>));
    if (page.data.length === 0) break;
  }
  return out;
}

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

test('data and files survive a restart', async () => {
  const first = await startTestCloud();
  const sdk = useSdk(first.lc);
  await run(sdk.db.createCollection('keep'));
  await run(sdk.db.createCollection('empty_one'));
  const at = new Date('2025-07-08T09:10:11.012Z');
  await run(
    sdk.db.collection('keep').add({
      data: [
        { _id: 'a', at, nested: { list: [1, 'two', { three: 3 }] } },
        { _id: 7, n: 7 },
      ],
    }),
  );
  await run(
    sdk.db
      .collection('keep')
      .doc('a')
      .update({ data: { touched: sdk.db.command.inc(1) } }),
  );
  await run(sdk.db.collection('keep').add({ data: { _id: 'gone' } }));
  await run(sdk.db.collection('keep').doc('gone').remove());
  const { fileID } = await sdk.cloud.uploadFile({ cloudPath: 'kept/file.txt', fileContent: Buffer.from('still here') });
  await first.lc.stop();

  const second = await startLocalcloud({ dataDir: first.dataDir, quiet: true });
  try {
    const again = useSdk(second);
    expect((await run(again.db.collection('keep').doc('a').get())).data).toEqual({
      _id: 'a',
      at,
      nested: { list: [1, 'two', { three: 3 }] },
      touched: 1,
    });
    expect((await run(again.db.collection('keep').doc(7).get())).data).toEqual({ _id: 7, n: 7 });
    expect((await run(again.db.collection('keep').count())).total).toBe(2);
    expect((await run(again.db.collection('empty_one').count())).total).toBe(0);
    expect((await again.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('still here');
  } finally {
    await second.stop();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  }
});

test('a torn last journal line (a write cut off by a crash) is ignored and the rest loads', async () => {
  const first = await startTestCloud();
  const sdk = useSdk(first.lc);
  await run(sdk.db.createCollection('torn'));
  await run(sdk.db.collection('torn').add({ data: { _id: 'safe', v: 1 } }));
  await first.lc.stop();
  const dbDir = path.join(first.dataDir, 'db');
  const journal = fs
    .readdirSync(dbDir)
    .filter((f) => f.startsWith('journal-'))
    .sort()
    .pop() as string;
  fs.appendFileSync(path.join(dbDir, journal), '{"ops":[{"c":"torn","put":{"_id":"half","v":');

  for (let restart = 0; restart < 2; restart++) {
    const lc = await startLocalcloud({ dataDir: first.dataDir, quiet: true });
    const again = useSdk(lc);
    expect((await run(again.db.collection('torn').count())).total).toBe(1 + restart);
    await run(again.db.collection('torn').add({ data: { _id: `after-${restart}` } }));
    await lc.stop();
  }
  fs.rmSync(first.dataDir, { recursive: true, force: true });
});

test('kill -9 in the middle of a write burst loses no acknowledged write', async () => {
  const dataDir = tempDir();
  const child = await spawnLocalcloud(['--port', '0', '--data', dataDir, '--functions', path.join(dataDir, 'none'), '--quiet']);
  const cloud = loadSdk(child.url);
  const db = cloud.database();
  await run(db.createCollection('burst'));

  const acked = new Map<string, number>();
  const counters = new Map<string, number>();
  let cutOff = 0; // writes in flight when the process died
  const writers = Array.from({ length: 16 }, async (_, w) => {
    for (let i = 0; ; i++) {
      const id = `w${String(w).padStart(2, '0')}-${String(i).padStart(5, '0')}`;
      try {
        await run(db.collection('burst').add({ data: { _id: id, w, i, payload: 'x'.repeat(200) } }));
        acked.set(id, i);
        await run(
          db
            .collection('burst')
            .doc(`counter-${w}`)
            .set({ data: { n: i } }),
        );
        counters.set(`counter-${w}`, i);
      } catch {
        cutOff++;
        return; // the server is gone
      }
    }
  });
  // Kill once enough writes are acknowledged, however long that takes on this machine.
  for (const until = Date.now() + 20_000; acked.size < 150 && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const exit = child.kill('SIGKILL');
  await Promise.all(writers);
  expect(await exit).toBe('SIGKILL');
  expect(acked.size).toBeGreaterThan(100);
  expect(cutOff).toBe(16); // every writer was cut off mid-write

  const restarted = await spawnLocalcloud(['--port', '0', '--data', dataDir, '--quiet']);
  try {
    const after = loadSdk(restarted.url);
    const docs = await allDocs(after, 'burst');
    const byId = new Map(docs.map((d) => [d._id as string, d]));
    for (const [id, i] of acked) {
      expect(byId.get(id)).toMatchObject({ _id: id, i, payload: 'x'.repeat(200) });
    }
    for (const [id, n] of counters) {
      expect((byId.get(id) as { n: number }).n).toBeGreaterThanOrEqual(n);
    }
  } finally {
    expect(await restarted.kill('SIGTERM')).toBe(0); // a clean stop
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the CLI refuses a port in use with a clear error and a non-zero exit', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const dataDir = tempDir();
  try {
    const err = (await spawnLocalcloud(['--port', String(port), '--data', dataDir]).then(
      () => {
        throw new Error('expected localcloud to fail');
      },
      (e: unknown) => e,
    )) as { exitCode: number; stderr: string };
    expect(err.exitCode).toBe(1);
    expect(err.stderr).toMatch(new RegExp(`port ${port} is already in use`));
  } finally {
    blocker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
