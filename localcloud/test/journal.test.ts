/**
 * The persistence journal on its own: group commit, compaction while writes continue, and
 * reloading after any of it (the conformance suites cover it through the SDK).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Journal, type JournalOp } from '../src/db/journal';
import type { Doc } from '../src/db/values';
import { tempDir } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

type State = Map<string, Map<unknown, Doc>>;

function applyTo(state: State) {
  return (op: JournalOp): void => {
    if (op.kind === 'drop') {
      state.delete(op.coll);
      return;
    }
    const docs = state.get(op.coll) ?? new Map<unknown, Doc>();
    state.set(op.coll, docs);
    if (op.kind === 'put') docs.set(op.doc._id, op.doc);
    else if (op.kind === 'del') docs.delete(op.id);
  };
}

function snapshotOf(state: State) {
  return function* (): Generator<JournalOp> {
    for (const [coll, docs] of state) {
      yield { kind: 'create', coll };
      for (const doc of docs.values()) yield { kind: 'put', coll, doc };
    }
  };
}

async function reopen(dir: string, compactBytes = 1 << 30): Promise<{ journal: Journal; state: State }> {
  const state: State = new Map();
  const journal = new Journal(dir, snapshotOf(state), { compactBytes });
  await journal.open(applyTo(state));
  return { journal, state };
}

test('many concurrent appends are batched, survive compactions triggered mid-stream, and reload', async () => {
  const dir = tempDir('localcloud-journal-');
  const { journal, state } = await reopen(dir, 4096); // compact every ~4 KB
  const apply = applyTo(state);
  const write = (ops: JournalOp[]) => {
    ops.forEach(apply);
    return journal.append(ops);
  };
  await write([{ kind: 'create', coll: 'c' }]);
  await Promise.all(
    Array.from({ length: 500 }, (_, i) =>
      write([{ kind: 'put', coll: 'c', doc: { _id: `d${i % 50}`, i, at: new Date(1_700_000_000_000 + i), tags: ['a', i] } }]),
    ),
  );
  await write([{ kind: 'del', coll: 'c', id: 'd0' }]);
  await journal.compact();
  await write([{ kind: 'put', coll: 'c', doc: { _id: 'last', n: 1 } }]);
  await journal.close();

  const files = fs.readdirSync(dir);
  expect(files.filter((f) => f.startsWith('journal-'))).toHaveLength(1); // older generations are gone
  const { journal: again, state: loaded } = await reopen(dir);
  await again.close();
  expect([...loaded.get('c')!.keys()].sort()).toEqual([...state.get('c')!.keys()].sort());
  expect(loaded.get('c')!.get('d49')).toEqual(state.get('c')!.get('d49'));
  expect(loaded.get('c')!.get('d49')!.at).toBeInstanceOf(Date);
  expect(loaded.get('c')!.has('d0')).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a crash between writing a new snapshot and deleting old journals still loads the latest state', async () => {
  const dir = tempDir('localcloud-journal-');
  const { journal, state } = await reopen(dir);
  const apply = applyTo(state);
  for (const op of [
    { kind: 'create', coll: 'c' },
    { kind: 'put', coll: 'c', doc: { _id: 'a', v: 1 } },
  ] as JournalOp[]) {
    apply(op);
    await journal.append([op]);
  }
  await journal.close();
  // Simulate the leftovers of an interrupted compaction: a stale older journal and a temp snapshot.
  fs.writeFileSync(path.join(dir, 'journal-0.log'), '{"ops":[{"c":"c","put":{"_id":"stale","v":0}}]}\n');
  fs.writeFileSync(path.join(dir, 'snapshot.ndjson.tmp'), '{"localcloud":"snapshot","gen":99}\n{"c":"c","put":');
  const { journal: again, state: loaded } = await reopen(dir);
  await again.close();
  expect([...loaded.get('c')!.keys()]).toEqual(['a']);
  fs.rmSync(dir, { recursive: true, force: true });
});
