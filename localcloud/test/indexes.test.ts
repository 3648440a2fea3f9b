/**
 * Index strictness (`strictIndexes` / --strict-indexes) against the fixture index file, unique
 * indexes, and the report of uncovered query shapes when not strict.
 */
import path from 'node:path';
import { FIXTURES, rejection, run, startTestCloud, useSdk, type Db, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

const indexesFile = path.join(FIXTURES, 'indexes.json');

describe('strict indexes', () => {
  let cloud: TestCloud;
  let db: Db;
  let restore: () => void;

  beforeAll(async () => {
    cloud = await startTestCloud({ indexesFile, strictIndexes: true });
    ({ db, restore } = useSdk(cloud.lc, { openid: 'oIndexTester0000000000000001' }));
    await run(
      db.collection('orders').add({
        data: [
          { _id: 'o1', openid: 'a', status: 'paid', createdAt: new Date('2025-01-01') },
          { _id: 'o2', openid: 'a', status: 'open', createdAt: new Date('2025-01-02') },
          { _id: 'o3', openid: 'b', status: 'paid', createdAt: new Date('2025-01-03') },
        ],
      }),
    );
  });

  afterAll(async () => {
    restore();
    await cloud.close();
  });

  test('collections named in the index file exist from the start', async () => {
    expect((await run(db.collection('codes').count())).total).toBe(0);
    expect((await run(db.collection('people').count())).total).toBe(0);
  });

  test.each<[string, () => Record<string, unknown>]>([
    ['_id equality', () => ({ _id: 'o1' })],
    ['_id $in', () => ({ _id: db.command.in(['o1', 'o2']) })],
    ['the first key of a compound index', () => ({ openid: 'a' })],
    ['the full compound index', () => ({ openid: 'a', createdAt: db.command.gte(new Date('2025-01-01')) })],
    ['an index prefix plus a filter field', () => ({ openid: 'a', status: 'paid' })],
    ['a single-field index with $in', () => ({ status: db.command.in(['paid', 'open']) })],
    [
      '$or whose branches are all covered',
      () => db.command.or([{ openid: 'a' }, { status: 'paid' }]) as unknown as Record<string, unknown>,
    ],
  ])('covered: %s', async (_label, where) => {
    await expect(run(db.collection('orders').where(where()).get())).resolves.toBeTruthy();
  });

  test.each<[string, () => Record<string, unknown>, RegExp]>([
    ['a non-leading key of a compound index', () => ({ createdAt: db.command.gte(new Date(0)) }), /orders.*createdAt/],
    ['a field with no index', () => ({ amount: db.command.gt(1) }), /orders.*amount/],
    ['a negation only', () => ({ status: db.command.neq('paid') }), /orders.*status/],
    ['$or with an uncovered branch', () => db.command.or([{ openid: 'a' }, { amount: 3 }]) as unknown as Record<string, unknown>, /amount/],
  ])('uncovered fails with a clear error: %s', async (_label, where, message) => {
    const err = await rejection(db.collection('orders').where(where()).get());
    expect(err.errMsg).toMatch(/strict indexes/);
    expect(err.errMsg).toMatch(message);
  });

  test('an empty filter scans the collection; count() of everything is allowed', async () => {
    expect((await rejection(db.collection('orders').get())).errMsg).toMatch(/empty filter/);
    expect((await run(db.collection('orders').count())).total).toBe(3);
    expect((await rejection(db.collection('orders').where({ amount: 1 }).count())).errMsg).toMatch(/amount/);
  });

  test('updates and removes are checked too; doc() operations are always covered', async () => {
    expect(
      (
        await rejection(
          db
            .collection('orders')
            .where({ amount: 1 })
            .update({ data: { x: 1 } }),
        )
      ).errMsg,
    ).toMatch(/strict indexes/);
    expect((await rejection(db.collection('orders').where({ amount: 1 }).remove())).errMsg).toMatch(/strict indexes/);
    await run(
      db
        .collection('orders')
        .doc('o1')
        .update({ data: { seen: true } }),
    );
    expect((await run(db.collection('orders').doc('o1').get())).data).toMatchObject({ seen: true });
  });

  test('aggregations must start with a covered $match; lookups must join on an index', async () => {
    const $ = db.command.aggregate;
    const ok = await run(
      db
        .collection('orders')
        .aggregate()
        .match({ openid: 'a' })
        .group({ _id: '$status', n: $.sum(1) })
        .end(),
    );
    expect(ok.list).toHaveLength(2);
    const noMatch = await rejection(db.collection('orders').aggregate().group({ _id: '$status' }).end());
    expect(noMatch.errMsg ?? noMatch.message).toMatch(/does not start with \$match/);
    const badLookup = await rejection(
      db
        .collection('orders')
        .aggregate()
        .match({ openid: 'a' })
        .lookup({ from: 'people', localField: 'openid', foreignField: 'openid', as: 'p' })
        .end(),
    );
    expect(badLookup.errMsg ?? badLookup.message).toMatch(/people.*openid/);
  });

  test('a unique index rejects a second document with the same key (E11000), also on update', async () => {
    await run(db.collection('codes').add({ data: { _id: 'c1', code: 'INVITE1' } }));
    const dup = await rejection(db.collection('codes').add({ data: { _id: 'c2', code: 'INVITE1' } }));
    expect(dup.errMsg).toMatch(/E11000 duplicate key.*code_unique/);
    await run(db.collection('codes').add({ data: { _id: 'c3', code: 'INVITE3' } }));
    const clash = await rejection(
      db
        .collection('codes')
        .doc('c3')
        .update({ data: { code: 'INVITE1' } }),
    );
    expect(clash.errMsg).toMatch(/E11000 duplicate key/);
    await run(db.collection('codes').doc('c1').remove());
    await run(
      db
        .collection('codes')
        .doc('c3')
        .update({ data: { code: 'INVITE1' } }),
    );
    expect((await run(db.collection('codes').where({ code: 'INVITE1' }).get())).data.map((d) => d._id)).toEqual(['c3']);
  });
});

describe('without --strict-indexes', () => {
  let cloud: TestCloud;
  let db: Db;
  let restore: () => void;

  beforeAll(async () => {
    cloud = await startTestCloud({ indexesFile });
    ({ db, restore } = useSdk(cloud.lc, { openid: 'oIndexTester0000000000000002' }));
  });

  afterAll(async () => {
    restore();
    await cloud.close();
  });

  test('uncovered queries run, and each shape is reported once in the stats', async () => {
    await run(db.collection('orders').add({ data: { openid: 'x', amount: 3 } }));
    for (let i = 0; i < 3; i++) await run(db.collection('orders').where({ amount: 3 }).get());
    await run(db.collection('orders').where({ openid: 'x' }).get());
    const uncovered = cloud.lc.stats().uncoveredQueries;
    expect(uncovered).toEqual([{ collection: 'orders', operation: 'get', fields: ['amount'], count: 3 }]);
  });

  test('without an index file there is nothing to check', async () => {
    const bare = await startTestCloud();
    const sdk = useSdk(bare.lc);
    try {
      await run(sdk.db.createCollection('free'));
      await run(sdk.db.collection('free').where({ anything: 1 }).get());
      expect(bare.lc.stats().uncoveredQueries).toEqual([]);
    } finally {
      sdk.restore();
      await bare.close();
    }
  });
});
