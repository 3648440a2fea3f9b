/**
 * Transactions through the real wx-server-sdk: snapshot isolation, write conflicts answered with
 * DATABASE_TRANSACTION_CONFLICT at the conflicting write (and at commit for a write outside any
 * transaction), the server's own messages, retries that converge, and aborts that change nothing.
 */
import { rejection, run, startTestCloud, useSdk, type Db, type SdkError, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let db: Db;
let restore: () => void;

interface TxnCollection {
  doc(id: string): {
    get(): Promise<{ data: Record<string, unknown> }>;
    update(options: { data: Record<string, unknown> }): Promise<unknown>;
    set(options: { data: Record<string, unknown> }): Promise<unknown>;
    remove(): Promise<unknown>;
  };
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  where(query: Record<string, unknown>): { get(): Promise<{ data: Array<Record<string, unknown>> }> };
}
interface Txn {
  collection(name: string): TxnCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

const start = async (): Promise<Txn> => (await db.startTransaction()) as Txn;

/**
 * The server's conflict message. A conflict at a write reaches the caller through wx-server-sdk as
 * `document.update:fail -501001 … [ResourceUnavailable.TransactionConflict] …` without its code
 * (the SDK rewraps errors of single calls); at commit the code DATABASE_TRANSACTION_CONFLICT stays.
 */
const CONFLICT = '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.';
const isConflict = (err: unknown): boolean => {
  const e = err as Partial<SdkError>;
  return (
    e.code === 'DATABASE_TRANSACTION_CONFLICT' ||
    `${e.errMsg ?? ''} ${e.message ?? ''}`.includes('[ResourceUnavailable.TransactionConflict]')
  );
};

/** What a caller on CloudBase must do: retry the whole transaction on a conflict, however it surfaced. */
async function retrying<T>(body: (t: Txn) => Promise<T>, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(body, 0);
    } catch (err) {
      if (!isConflict(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.floor(Math.random() * 20)));
    }
  }
}
const runTransaction = <T>(body: (t: Txn) => Promise<T>, retries?: number): Promise<T> => db.runTransaction(body, retries) as Promise<T>;
const read = async (coll: string, id: string) => (await run(db.collection(coll).doc(id).get())).data as Record<string, unknown>;
/** A write outside any transaction. */
const updateOutside = (id: string, data: Record<string, unknown>) => run(db.collection('accounts').doc(id).update({ data }));

beforeAll(async () => {
  cloud = await startTestCloud();
  ({ db, restore } = useSdk(cloud.lc, { openid: 'oTransactionTester00000000001' }));
  await run(db.createCollection('accounts'));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

beforeEach(async () => {
  await run(
    db
      .collection('accounts')
      .where({ _id: db.command.exists(true) })
      .remove(),
  );
  await run(
    db.collection('accounts').add({
      data: [
        { _id: 'alice', balance: 100 },
        { _id: 'bob', balance: 0 },
        { _id: 'counter', n: 0 },
      ],
    }),
  );
});

test('a committed transaction applies all its writes; it reads its own writes', async () => {
  const result = await runTransaction(async (t) => {
    const alice = await t.collection('accounts').doc('alice').get();
    await t
      .collection('accounts')
      .doc('alice')
      .update({ data: { balance: (alice.data.balance as number) - 30 } });
    await t
      .collection('accounts')
      .doc('bob')
      .update({ data: { balance: db.command.inc(30) } });
    await t.collection('accounts').add({ data: { _id: 'log-1', amount: 30 } });
    const own = await t.collection('accounts').doc('alice').get();
    return { seenInside: own.data.balance };
  });
  expect(result).toEqual({ seenInside: 70 });
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 70 });
  expect(await read('accounts', 'bob')).toMatchObject({ balance: 30 });
  expect(await read('accounts', 'log-1')).toMatchObject({ amount: 30 });
});

test('snapshot isolation: a transaction keeps seeing the state as of its start', async () => {
  const t = await start();
  expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(100);
  await updateOutside('alice', { balance: 1 });
  await run(db.collection('accounts').add({ data: { _id: 'late', balance: 5 } }));
  await run(db.collection('accounts').doc('bob').remove());
  expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(100);
  expect((await t.collection('accounts').doc('bob').get()).data.balance).toBe(0);
  const inside = await t
    .collection('accounts')
    .where({ balance: db.command.gte(0) })
    .get();
  expect(inside.data.map((d) => d._id).sort()).toEqual(['alice', 'bob']); // not 'late', still 'bob'
  await t.commit(); // it wrote nothing, so nothing conflicts
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 1 });
});

test("a write to a document another open transaction wrote fails at that write, with the server's conflict error", async () => {
  const first = await start();
  const second = await start();
  await first
    .collection('accounts')
    .doc('alice')
    .update({ data: { balance: 50 } });
  const err = await rejection(
    second
      .collection('accounts')
      .doc('alice')
      .update({ data: { balance: 60 } }),
  );
  expect(err.errMsg).toContain(CONFLICT);
  expect(isConflict(err)).toBe(true);
  // The refused write is not part of `second`; it rolls back (as runTransaction would).
  await second
    .collection('accounts')
    .doc('bob')
    .update({ data: { balance: 60 } });
  await second.rollback();
  await first.commit();
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 50 });
  expect(await read('accounts', 'bob')).toMatchObject({ balance: 0 });
});

test('a write to a document that changed after the transaction read it fails at that write', async () => {
  const t = await start();
  expect((await t.collection('accounts').doc('alice').get()).data.balance).toBe(100);
  await updateOutside('alice', { balance: 1 });
  const err = await rejection(
    t
      .collection('accounts')
      .doc('alice')
      .update({ data: { balance: 100 - 30 } }),
  );
  expect(err.errMsg).toContain(CONFLICT);
  await t.rollback();
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 1 });
});

test("a committed transaction is gone: using it again answers the server's TransactionNotExist error", async () => {
  const t = await start();
  await t.commit();
  const err = await rejection(
    t
      .collection('accounts')
      .doc('alice')
      .set({ data: { balance: 0 } }),
  );
  expect(err.errMsg).toContain(
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 100 });
});

test('a non-transactional write to a document a transaction wrote makes that transaction conflict', async () => {
  const t = await start();
  await t
    .collection('accounts')
    .doc('alice')
    .update({ data: { balance: 1 } });
  await updateOutside('alice', { balance: 2 });
  expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 2 });
});

test('runTransaction alone does not retry a conflict raised at a write: the caller gets the conflict', async () => {
  const t = await start();
  await t
    .collection('accounts')
    .doc('counter')
    .update({ data: { n: 1 } }); // holds the counter
  let attempts = 0;
  const err = await rejection(
    runTransaction(async (tx) => {
      attempts++;
      await tx
        .collection('accounts')
        .doc('counter')
        .update({ data: { n: 2 } });
    }),
  );
  expect(isConflict(err)).toBe(true);
  expect(attempts).toBe(1); // wx-server-sdk drops the code runTransaction retries on
  await t.rollback();
});

test('retrying on conflict: concurrent read-modify-write increments are never lost', async () => {
  let attempts = 0;
  const writers = 4;
  await Promise.all(
    Array.from({ length: writers }, () =>
      retrying(async (t) => {
        attempts++;
        const { data } = await t.collection('accounts').doc('counter').get();
        await new Promise((resolve) => setTimeout(resolve, 15)); // widen the race
        await t
          .collection('accounts')
          .doc('counter')
          .update({ data: { n: (data.n as number) + 1 } });
      }),
    ),
  );
  expect(await read('accounts', 'counter')).toMatchObject({ n: writers });
  expect(attempts).toBeGreaterThan(writers); // some attempts conflicted and were retried
});

test('when retries run out the error is the conflict, and the total always equals the successes', async () => {
  const outcomes = await Promise.allSettled(
    Array.from({ length: 10 }, () =>
      retrying(async (t) => {
        const { data } = await t.collection('accounts').doc('counter').get();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await t
          .collection('accounts')
          .doc('counter')
          .update({ data: { n: (data.n as number) + 1 } });
      }, 1),
    ),
  );
  const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  expect(succeeded).toBeGreaterThan(0);
  expect(failed.length).toBeGreaterThan(0);
  for (const f of failed) expect(isConflict(f.reason)).toBe(true);
  expect(await read('accounts', 'counter')).toMatchObject({ n: succeeded });
});

test('a rolled-back transaction changes nothing', async () => {
  const t = await start();
  await t
    .collection('accounts')
    .doc('alice')
    .update({ data: { balance: 0 } });
  await t.collection('accounts').doc('bob').remove();
  await t.collection('accounts').add({ data: { _id: 'ghost' } });
  await t.rollback();
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 100 });
  expect(await read('accounts', 'bob')).toMatchObject({ balance: 0 });
  expect((await run(db.collection('accounts').where({ _id: 'ghost' }).count())).total).toBe(0);
});

test('a transaction that is never committed changes nothing; a throwing runTransaction body neither', async () => {
  const t = await start();
  await t
    .collection('accounts')
    .doc('alice')
    .set({ data: { balance: -1 } });
  await expect(
    runTransaction(async (tx) => {
      await tx
        .collection('accounts')
        .doc('bob')
        .update({ data: { balance: 999 } });
      throw new Error('business rule says no');
    }),
  ).rejects.toThrow('business rule says no');
  expect(await read('accounts', 'alice')).toMatchObject({ balance: 100 });
  expect(await read('accounts', 'bob')).toMatchObject({ balance: 0 });
});

test('a transaction sees a duplicate _id it would insert', async () => {
  const err = await rejection(
    runTransaction(async (t) => {
      await t.collection('accounts').add({ data: { _id: 'alice' } });
    }),
  );
  expect(err.errMsg ?? err.message).toContain('E11000 duplicate key');
});
