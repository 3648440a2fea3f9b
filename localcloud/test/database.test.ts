/**
 * Database conformance through the real wx-server-sdk (in this process, with a function
 * instance's environment): queries, commands, updates, aggregation, limits and fidelity details.
 */
import { parseEJSON } from '../src/db/ejson';
import { rejection, run, startTestCloud, useSdk, type Db, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let db: Db;
let restore: () => void;

beforeAll(async () => {
  cloud = await startTestCloud();
  ({ db, restore } = useSdk(cloud.lc, { openid: 'oDatabaseTester0000000000001' }));
});

afterAll(async () => {
  restore();
  await cloud.close();
});

async function freshCollection(name: string, docs: Array<Record<string, unknown>> = []): Promise<void> {
  await run(db.createCollection(name));
  for (let i = 0; i < docs.length; i += 100) {
    await run(db.collection(name).add({ data: docs.slice(i, i + 100) }));
  }
}

async function ids(query: { get(): unknown }): Promise<unknown[]> {
  const res = await run(query.get() as Promise<{ data: Array<{ _id: unknown }> }>);
  return res.data.map((d) => d._id).sort();
}

describe('collections and documents', () => {
  test('a collection that does not exist fails every operation with DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const missing = db.collection('no_such_collection');
    for (const call of [
      missing.get(),
      missing.doc('x').get(),
      missing.add({ data: { a: 1 } }),
      missing.where({ a: 1 }).update({ data: { a: 2 } }),
      missing.where({ a: 1 }).remove(),
      missing.count(),
    ]) {
      const err = await rejection(call);
      expect(err.errCode).toBe(-502005);
      expect(err.errMsg).toMatch(/database collection not exists/);
    }
    // wx-server-sdk's aggregate wrapper keeps the cloud's code instead of mapping it to errCode.
    const agg = await rejection(missing.aggregate().match({ a: 1 }).end());
    expect(agg.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  test('createCollection creates once, then reports that it exists', async () => {
    await run(db.createCollection('created_once'));
    expect((await run(db.collection('created_once').count())).total).toBe(0);
    const err = await rejection(db.createCollection('created_once'));
    expect(err.errMsg).toMatch(/already exists/);
  });

  test('add generates 32-hex _ids like CloudBase; batch add returns all of them', async () => {
    await freshCollection('ids');
    const one = await run(db.collection('ids').add({ data: { n: 1 } }));
    expect(one._id).toMatch(/^[0-9a-f]{32}$/);
    const many = (await run(db.collection('ids').add({ data: [{ n: 2 }, { n: 3 }, { _id: 'chosen', n: 4 }] }))) as unknown as {
      _ids: string[];
    };
    expect(many._ids).toHaveLength(3);
    expect(many._ids[2]).toBe('chosen');
    expect(many._ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect((await run(db.collection('ids').count())).total).toBe(4);
  });

  test('a duplicate _id fails with an E11000 duplicate key message and changes nothing', async () => {
    await freshCollection('dups', [{ _id: 'member-1', name: 'first' }]);
    const err = await rejection(db.collection('dups').add({ data: { _id: 'member-1', name: 'second' } }));
    expect(err.errMsg).toContain('E11000 duplicate key');
    const batch = await rejection(db.collection('dups').add({ data: [{ _id: 'new-1' }, { _id: 'member-1' }] }));
    expect(batch.errMsg).toContain('E11000 duplicate key');
    expect((await run(db.collection('dups').doc('member-1').get())).data).toMatchObject({ name: 'first' });
    expect((await run(db.collection('dups').count())).total).toBe(1);
  });

  test('types survive the round trip: dates, nested objects, arrays, numbers, booleans, null; numeric _id', async () => {
    await freshCollection('types');
    const at = new Date('2025-03-04T05:06:07.089Z');
    const doc = { _id: 'typed', at, nested: { deep: { list: [1, 2.5, 'x', { y: true }] } }, nothing: null, yes: false, big: 2 ** 40 };
    await run(db.collection('types').add({ data: doc }));
    const { data } = await run(db.collection('types').doc('typed').get());
    expect(data).toEqual(doc);
    expect((data as { at: Date }).at).toBeInstanceOf(Date);
    await run(db.collection('types').add({ data: { _id: 42, n: 'numeric id' } }));
    expect((await run(db.collection('types').doc(42).get())).data).toEqual({ _id: 42, n: 'numeric id' });
  });

  test('doc().get of a missing document rejects like the cloud', async () => {
    await freshCollection('empty_get');
    const err = await rejection(db.collection('empty_get').doc('nope').get());
    expect(err.errMsg).toMatch(/does not exist/);
  });
});

describe('get limits', () => {
  beforeAll(async () => {
    await freshCollection(
      'many',
      Array.from({ length: 1200 }, (_, i) => ({ _id: `doc-${String(i).padStart(4, '0')}`, i })),
    );
  });

  test('get() returns at most 100 documents without a limit', async () => {
    expect((await run(db.collection('many').get())).data).toHaveLength(100);
    expect(
      (
        await run(
          db
            .collection('many')
            .where({ i: db.command.gte(0) })
            .get(),
        )
      ).data,
    ).toHaveLength(100);
  });

  test('get() returns at most 1000 with an explicit limit', async () => {
    expect((await run(db.collection('many').limit(1000).get())).data).toHaveLength(1000);
    expect((await run(db.collection('many').limit(5000).get())).data).toHaveLength(1000);
    expect((await run(db.collection('many').limit(7).get())).data).toHaveLength(7);
  });

  test('skip, orderBy and field projection', async () => {
    const { data } = await run(db.collection('many').orderBy('i', 'desc').skip(10).limit(3).field({ i: true }).get());
    expect(data).toEqual([
      { _id: 'doc-1189', i: 1189 },
      { _id: 'doc-1188', i: 1188 },
      { _id: 'doc-1187', i: 1187 },
    ]);
    expect((await run(db.collection('many').count())).total).toBe(1200);
    expect(
      (
        await run(
          db
            .collection('many')
            .where({ i: db.command.lt(10) })
            .count(),
        )
      ).total,
    ).toBe(10);
  });
});

describe('query commands', () => {
  const _ = () => db.command;
  beforeAll(async () => {
    await freshCollection('q', [
      {
        _id: 'a',
        n: 1,
        tag: 'red',
        tags: ['x', 'y'],
        profile: { city: 'Shanghai', age: 20 },
        items: [{ sku: 'p1', qty: 2 }],
        name: 'Alice',
      },
      { _id: 'b', n: 2, tag: 'blue', tags: ['y'], profile: { city: 'Beijing', age: 30 }, items: [{ sku: 'p2', qty: 5 }], name: 'bob' },
      { _id: 'c', n: 3, tag: 'red', tags: [], profile: { city: 'Shanghai', age: 40 }, items: [], name: 'Carol', optional: true },
      {
        _id: 'd',
        n: 4,
        tag: 'green',
        tags: ['x', 'y', 'z'],
        profile: { city: 'Shenzhen', age: 50 },
        items: [{ sku: 'p1', qty: 9 }],
        name: 'dave',
      },
    ]);
  });

  test.each<[string, () => Record<string, unknown>, string[]]>([
    ['equality', () => ({ tag: 'red' }), ['a', 'c']],
    ['eq', () => ({ n: _().eq(2) }), ['b']],
    ['neq', () => ({ tag: _().neq('red') }), ['b', 'd']],
    ['gt / lt', () => ({ n: _().gt(1).and(_().lt(4)) }), ['b', 'c']],
    ['gte / lte', () => ({ n: _().gte(3) }), ['c', 'd']],
    ['in', () => ({ tag: _().in(['blue', 'green']) }), ['b', 'd']],
    ['nin', () => ({ tag: _().nin(['blue', 'green']) }), ['a', 'c']],
    ['and', () => _().and([{ tag: 'red' }, { n: _().gt(1) }]) as unknown as Record<string, unknown>, ['c']],
    ['or', () => _().or([{ tag: 'blue' }, { n: _().gte(4) }]) as unknown as Record<string, unknown>, ['b', 'd']],
    ['field-level or', () => ({ n: _().lt(2).or(_().gt(3)) }), ['a', 'd']],
    ['nor', () => _().nor([{ tag: 'red' }, { tag: 'blue' }]) as unknown as Record<string, unknown>, ['d']],
    ['exists', () => ({ optional: _().exists(true) }), ['c']],
    ['not exists', () => ({ optional: _().exists(false) }), ['a', 'b', 'd']],
    ['nested object (flattened to dotted paths)', () => ({ profile: { city: 'Shanghai' } }), ['a', 'c']],
    ['dotted path', () => ({ 'profile.age': _().gt(25) }), ['b', 'c', 'd']],
    ['elemMatch', () => ({ items: _().elemMatch({ sku: 'p1', qty: _().gt(5) }) }), ['d']],
    ['array contains', () => ({ tags: 'z' }), ['d']],
    ['all', () => ({ tags: _().all(['x', 'y']) }), ['a', 'd']],
    ['size', () => ({ tags: _().size(1) }), ['b']],
    ['mod', () => ({ n: _().mod(2, 0) }), ['b', 'd']],
    ['RegExp literal', () => ({ name: /^[a-c]/i }), ['a', 'b', 'c']],
    ['db.RegExp', () => ({ name: db.RegExp({ regexp: 'o', options: 'i' }) }), ['b', 'c']],
  ])('%s', async (_label, where, expected) => {
    expect(await ids(db.collection('q').where(where()))).toEqual(expected);
  });
});

describe('query operators through arrays of embedded documents (as MongoDB walks paths)', () => {
  const _ = () => db.command;
  beforeAll(async () => {
    await freshCollection('arrays', [
      { _id: 'a1', items: [{ sku: 'a', qty: 2 }, { qty: 3 }] },
      { _id: 'a2', items: [{ sku: 'c', qty: 5 }] },
      { _id: 'a3', items: [{ qty: 4 }] },
      { _id: 'a4', items: [] },
      {
        _id: 'a5',
        items: [
          {
            tags: [
              { k: 'x', v: 1 },
              { k: 'y', v: 2 },
            ],
          },
          { tags: [{ k: 'z', v: 3 }] },
        ],
      },
      { _id: 'a6', items: [[{ sku: 'nested', qty: 6 }]] }, // an array inside the array: never walked into
      { _id: 'a7', items: [{ sku: null, qty: [7, 8] }] }, // null exists; a leaf array offers its elements
      { _id: 'a8', items: { sku: 'single', qty: 9 } }, // a document, not an array
      { _id: 'a9', items: 'text' },
    ]);
  });

  test.each<[string, () => Record<string, unknown>, string[]]>([
    ['$exists true', () => ({ 'items.sku': _().exists(true) }), ['a1', 'a2', 'a7', 'a8']],
    ['$exists false', () => ({ 'items.sku': _().exists(false) }), ['a3', 'a4', 'a5', 'a6', 'a9']],
    ['$exists deeper', () => ({ 'items.tags.v': _().exists(true) }), ['a5']],
    ['$mod', () => ({ 'items.qty': _().mod(2, 0) }), ['a1', 'a3', 'a7']],
    ['$mod 3', () => ({ 'items.qty': _().mod(3, 0) }), ['a1', 'a8']],
    ['$mod deeper', () => ({ 'items.tags.v': _().mod(2, 0) }), ['a5']],
    ['$elemMatch on documents', () => ({ items: _().elemMatch({ qty: _().gt(5) }) }), ['a7']],
    ['$elemMatch through an array', () => ({ 'items.tags': _().elemMatch({ k: 'z', v: _().gt(2) }) }), ['a5']],
    ['$elemMatch with operators only', () => ({ 'items.qty': _().elemMatch(_().gt(7)) }), ['a7']],
    ['$size through an array', () => ({ 'items.tags': _().size(1) }), ['a5']],
  ])('%s', async (_label, where, expected) => {
    expect(await ids(db.collection('arrays').where(where()))).toEqual(expected);
  });
});

describe('what cannot be stored', () => {
  beforeAll(async () => {
    await freshCollection('storable');
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['at the top level', { $bad: 1 }, "'$bad' in '$bad'"],
    ['in a nested document', { profile: { $where: 'x' } }, "'$where' in 'profile.$where'"],
    ['in an array element', { list: [{ ok: 1 }, { $inc: 2 }] }, "'$inc' in 'list.1.$inc'"],
  ])('a field name starting with $ %s is DATABASE_REQUEST_FAILED', async (_label, data, where) => {
    const err = await rejection(db.collection('storable').add({ data }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toContain(`The dollar ($) prefixed field ${where} is not valid for storage.`);
    expect((await run(db.collection('storable').count())).total).toBe(0);
  });

  test('set and update cannot store one either', async () => {
    await run(db.collection('storable').add({ data: { _id: 'ok', n: 1 } }));
    const set = await rejection(
      db
        .collection('storable')
        .doc('ok')
        .set({ data: { nested: { $x: 1 } } }),
    );
    expect(set.errCode).toBe(-502001);
    const update = await rejection(
      db
        .collection('storable')
        .doc('ok')
        .update({ data: { nested: db.command.set({ $x: 1 }) } }),
    );
    expect(update.errCode).toBe(-502001);
    expect((await run(db.collection('storable').doc('ok').get())).data).toEqual({ _id: 'ok', n: 1 });
  });

  test('a document nested deeper than 100 levels is refused', async () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const err = await rejection(db.collection('storable').add({ data: { deep } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toContain('exceeds 100 levels of nesting');
  });
});

describe('updates', () => {
  const _ = () => db.command;
  beforeEach(async () => {
    await run(
      db
        .collection('u')
        .where({ _id: db.command.exists(true) })
        .remove(),
    ).catch(() => undefined);
  });
  beforeAll(async () => {
    await freshCollection('u');
  });

  async function updated(data: Record<string, unknown>, start: Record<string, unknown>): Promise<unknown> {
    await run(db.collection('u').add({ data: { _id: 'doc', ...start } }));
    const res = await run(db.collection('u').doc('doc').update({ data }));
    expect(res.stats.updated).toBe(1);
    const { data: after } = await run(db.collection('u').doc('doc').get());
    return after;
  }

  test.each<[string, () => Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    ['plain fields merge (set)', () => ({ a: 2, sub: { y: 2 } }), { a: 1, b: 1, sub: { x: 1 } }, { a: 2, b: 1, sub: { x: 1, y: 2 } }],
    ['_.set replaces an object', () => ({ sub: _().set({ y: 2 }) }), { sub: { x: 1 } }, { sub: { y: 2 } }],
    ['_.inc', () => ({ n: _().inc(5), m: _().inc(-1) }), { n: 1, m: 1 }, { n: 6, m: 0 }],
    ['_.mul', () => ({ n: _().mul(3) }), { n: 2 }, { n: 6 }],
    ['_.remove', () => ({ gone: _().remove() }), { gone: 1, kept: 1 }, { kept: 1 }],
    ['_.min / _.max', () => ({ lo: _().min(3), hi: _().max(9) }), { lo: 5, hi: 5 }, { lo: 3, hi: 9 }],
    ['_.rename', () => ({ old: _().rename('fresh') }), { old: 1 }, { fresh: 1 }],
    ['_.push', () => ({ list: _().push(['c', 'd']) }), { list: ['a', 'b'] }, { list: ['a', 'b', 'c', 'd'] }],
    ['_.push with position', () => ({ list: _().push({ each: ['z'], position: 1 }) }), { list: ['a', 'b'] }, { list: ['a', 'z', 'b'] }],
    ['_.pop', () => ({ list: _().pop() }), { list: ['a', 'b'] }, { list: ['a'] }],
    ['_.shift', () => ({ list: _().shift() }), { list: ['a', 'b'] }, { list: ['b'] }],
    ['_.unshift', () => ({ list: _().unshift(['z']) }), { list: ['a'] }, { list: ['z', 'a'] }],
    ['_.pull', () => ({ list: _().pull('b') }), { list: ['a', 'b', 'b'] }, { list: ['a'] }],
    ['_.pull with a condition', () => ({ list: _().pull(_().gt(2)) }), { list: [1, 2, 3, 4] }, { list: [1, 2] }],
    ['_.pullAll', () => ({ list: _().pullAll(['a', 'c']) }), { list: ['a', 'b', 'c'] }, { list: ['b'] }],
    [
      '_.addToSet',
      () => ({ list: _().addToSet('a'), other: _().addToSet('x') }),
      { list: ['a'], other: [] },
      { list: ['a'], other: ['x'] },
    ],
    ['nested dotted update', () => ({ 'profile.age': _().inc(1) }), { profile: { age: 1, name: 'x' } }, { profile: { age: 2, name: 'x' } }],
  ])('%s', async (_label, data, start, expected) => {
    expect(await updated(data(), start)).toEqual({ _id: 'doc', ...expected });
  });

  test('doc.set replaces the whole document and reports created / updated', async () => {
    const created = await run(
      db
        .collection('u')
        .doc('s')
        .set({ data: { a: 1, b: 2 } }),
    );
    expect(created.stats).toEqual({ updated: 0, created: 1 });
    const replaced = await run(
      db
        .collection('u')
        .doc('s')
        .set({ data: { c: 3 } }),
    );
    expect(replaced.stats).toEqual({ updated: 1, created: 0 });
    expect((await run(db.collection('u').doc('s').get())).data).toEqual({ _id: 's', c: 3 });
  });

  test('where().update() reports stats.updated and where().remove() stats.removed', async () => {
    await run(db.collection('u').add({ data: [{ k: 1 }, { k: 1 }, { k: 2 }] }));
    const res = await run(
      db
        .collection('u')
        .where({ k: 1 })
        .update({ data: { touched: true } }),
    );
    expect(res.stats.updated).toBe(2);
    const again = await run(
      db
        .collection('u')
        .where({ k: 1 })
        .update({ data: { touched: true } }),
    );
    expect(again.stats.updated).toBe(0); // nothing changed: MongoDB counts modified documents
    const none = await run(
      db
        .collection('u')
        .doc('missing')
        .update({ data: { x: 1 } }),
    );
    expect(none.stats.updated).toBe(0);
    const removed = await run(db.collection('u').where({ k: 1 }).remove());
    expect(removed.stats.removed).toBe(2);
    expect((await run(db.collection('u').count())).total).toBe(1);
    expect((await run(db.collection('u').where({ k: 2 }).get())).data).toHaveLength(1);
  });

  test('doc.remove removes one document', async () => {
    await run(db.collection('u').add({ data: { _id: 'r' } }));
    expect((await run(db.collection('u').doc('r').remove())).stats.removed).toBe(1);
    expect((await run(db.collection('u').doc('r').remove())).stats.removed).toBe(0);
  });

  test('a conditional update is atomic: 30 concurrent decrements of stock 5 succeed exactly 5 times', async () => {
    await run(db.collection('u').add({ data: { _id: 'pack', stock: 5 } }));
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        run(
          db
            .collection('u')
            .where({ _id: 'pack', stock: db.command.gt(0) })
            .update({ data: { stock: db.command.inc(-1) } }),
        ),
      ),
    );
    expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(5);
    expect((await run(db.collection('u').doc('pack').get())).data).toMatchObject({ stock: 0 });
  });
});

describe('aggregation', () => {
  beforeAll(async () => {
    await freshCollection('orders', [
      { _id: 'o1', member: 'm1', amount: 10, items: ['a', 'b'] },
      { _id: 'o2', member: 'm1', amount: 20, items: ['c'] },
      { _id: 'o3', member: 'm2', amount: 5, items: [] },
      { _id: 'o4', member: 'm3', amount: 50, items: ['a'] },
    ]);
    await freshCollection('people', [
      { _id: 'm1', name: 'Ann' },
      { _id: 'm2', name: 'Ben' },
    ]);
    await freshCollection(
      'agg_many',
      Array.from({ length: 30 }, (_, i) => ({ i })),
    );
  });

  test('match, group, sort, project', async () => {
    const $ = db.command.aggregate;
    const res = await run(
      db
        .collection('orders')
        .aggregate()
        .match({ amount: db.command.gte(10) })
        .group({ _id: '$member', total: $.sum('$amount'), orders: $.sum(1) })
        .sort({ total: -1 })
        .project({ _id: 0, member: '$_id', total: 1, orders: 1 })
        .end(),
    );
    expect(res.list).toEqual([
      { member: 'm3', total: 50, orders: 1 },
      { member: 'm1', total: 30, orders: 2 },
    ]);
  });

  test('lookup, unwind, count, skip, limit, addFields', async () => {
    const joined = await run(
      db
        .collection('orders')
        .aggregate()
        .match({ member: db.command.in(['m1', 'm2']) })
        .lookup({ from: 'people', localField: 'member', foreignField: '_id', as: 'person' })
        .unwind('$person')
        .addFields({ who: '$person.name' })
        .sort({ _id: 1 })
        .skip(1)
        .limit(2)
        .project({ who: 1, amount: 1 })
        .end(),
    );
    expect(joined.list).toEqual([
      { _id: 'o2', who: 'Ann', amount: 20 },
      { _id: 'o3', who: 'Ben', amount: 5 },
    ]);
    const counted = await run(db.collection('orders').aggregate().unwind('$items').count('n').end());
    expect(counted.list).toEqual([{ n: 4 }]);
  });

  test('$week counts Sunday-started weeks from 0, as MongoDB does (timezone too)', async () => {
    const $ = db.command.aggregate;
    const days = ['2030-01-01', '2030-01-05', '2030-01-06', '2030-01-07', '2030-12-31', '2023-01-01', '2023-12-31', '2028-01-01'];
    await freshCollection(
      'weeks',
      days.map((day, i) => ({ _id: `w${i}`, at: new Date(`${day}T12:00:00Z`) })),
    );
    await run(db.collection('weeks').add({ data: { _id: 'late', at: new Date('2030-01-05T16:30:00Z') } })); // Sunday 00:30 in Shanghai
    const res = await run(
      db
        .collection('weeks')
        .aggregate()
        .sort({ _id: 1 })
        .project({ _id: 1, week: $.week('$at'), shanghai: $.week({ date: '$at', timezone: 'Asia/Shanghai' }) })
        .limit(20)
        .end(),
    );
    const byId = Object.fromEntries(
      (res.list as Array<{ _id: string; week: number; shanghai: number }>).map((r) => [r._id, [r.week, r.shanghai]]),
    );
    expect(byId).toEqual({
      w0: [0, 0],
      w1: [0, 0],
      w2: [1, 1],
      w3: [1, 1],
      w4: [52, 52],
      w5: [1, 1],
      w6: [53, 53],
      w7: [0, 0],
      late: [0, 1],
    });
  });

  test('$indexOfCP counts code points; $substr / $substrBytes take what the SDK sends, as MongoDB does', async () => {
    const $ = db.command.aggregate;
    await freshCollection('strings', [{ _id: 's', s: '2030-05-06 会员中心🎉会员', n: 12345, at: new Date('2030-01-05T08:09:10Z') }]);
    const res = await run(
      db
        .collection('strings')
        .aggregate()
        .project({
          _id: 0,
          first: $.indexOfCP(['$s', '会员']),
          second: $.indexOfCP(['$s', '会员', 12]),
          emoji: $.indexOfCP(['$s', '🎉']),
          bounded: $.indexOfCP(['$s', '会员', 12, 16]),
          none: $.indexOfCP(['$s', 'x']),
          missing: $.indexOfCP(['$nothing', 'x']),
          year: $.substr(['$s', 0, 4]),
          rest: $.substr(['$s', 5, -1]),
          member: $.substrBytes(['$s', 11, 6]),
          past: $.substrBytes(['$s', 100, 2]),
          number: $.substr(['$n', 0, 2]),
          date: $.substr(['$at', 0, 10]),
          nothing: $.substr(['$nothing', 0, 2]),
        })
        .end(),
    );
    expect(res.list).toEqual([
      {
        first: 11,
        second: 16,
        emoji: 15,
        bounded: -1,
        none: -1,
        missing: null,
        year: '2030',
        rest: '05-06 会员中心🎉会员',
        member: '会员',
        past: '',
        number: '12',
        date: '2030-01-05',
        nothing: '',
      },
    ]);
    const split = await rejection(
      db
        .collection('strings')
        .aggregate()
        .project({ x: $.substrBytes(['$s', 11, 2]) })
        .end(),
    );
    expect(split.errMsg ?? split.message).toContain('$substrBytes:  Invalid range, ending index is in the middle of a UTF-8 character.');
  });

  test('$jsonSchema in a query and in $match', async () => {
    await freshCollection('schema', [
      { _id: 'ann', name: 'Ann', age: 30 },
      { _id: 'bob', name: 'Bob', age: '30' },
      { _id: 'cat', name: 'Cat' },
      { _id: 'dan', name: 'Dan', age: 12 },
      { _id: 'eve', name: 'Eve', age: 40, extra: true },
    ]);
    const schema = {
      required: ['name', 'age'],
      properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 18 } },
      additionalProperties: { bsonType: 'string' },
    };
    // The SDK has db.command.jsonSchema; its typings do not declare it.
    const jsonSchema = (s: Record<string, unknown>) =>
      (db.command as unknown as { jsonSchema(s: unknown): Record<string, unknown> }).jsonSchema(s);
    expect(await ids(db.collection('schema').where(jsonSchema(schema)))).toEqual(['ann']);
    const matched = await run(
      db
        .collection('schema')
        .aggregate()
        .match(jsonSchema({ required: ['age'] }))
        .limit(10)
        .end(),
    );
    expect((matched.list as Array<{ _id: string }>).map((d) => d._id).sort()).toEqual(['ann', 'bob', 'dan', 'eve']);
    const bad = await rejection(
      db
        .collection('schema')
        .where(jsonSchema({ type: 'integer' }))
        .get(),
    );
    expect(bad.errMsg).toContain("$jsonSchema type 'integer' is not currently supported.");
  });

  test('an aggregation without $limit returns at most 20 documents (cloud default)', async () => {
    expect((await run(db.collection('agg_many').aggregate().match({}).end())).list).toHaveLength(20);
    expect((await run(db.collection('agg_many').aggregate().match({}).limit(30).end())).list).toHaveLength(30);
  });
});

describe('serverDate and the clock', () => {
  // The SDK accepts {offset} at runtime; its typings do not declare it.
  const serverDateWithOffset = (offset: number): unknown =>
    (db.serverDate as unknown as (options: { offset: number }) => unknown)({ offset });

  test("db.serverDate() is localcloud's clock, in add and in update", async () => {
    await freshCollection('dates');
    cloud.lc.setClock('2031-06-15T08:00:00.000Z');
    try {
      const { _id } = await run(db.collection('dates').add({ data: { at: db.serverDate(), later: serverDateWithOffset(60_000) } }));
      const { data } = await run(db.collection('dates').doc(_id).get());
      const doc = data as { at: Date; later: Date };
      expect(doc.at).toBeInstanceOf(Date);
      expect(Math.abs(doc.at.getTime() - Date.parse('2031-06-15T08:00:00.000Z'))).toBeLessThan(5000);
      expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
      await run(
        db
          .collection('dates')
          .doc(_id)
          .update({ data: { touched: db.serverDate() } }),
      );
      const after = (await run(db.collection('dates').doc(_id).get())).data as { touched: Date };
      expect(after.touched.getUTCFullYear()).toBe(2031);
      const found = await run(
        db
          .collection('dates')
          .where({ at: db.command.lte(db.serverDate()) })
          .count(),
      );
      expect(found.total).toBe(1);
    } finally {
      cloud.lc.setClock(null);
    }
    const { _id } = await run(db.collection('dates').add({ data: { at: db.serverDate() } }));
    const now = (await run(db.collection('dates').doc(_id).get())).data as { at: Date };
    expect(Math.abs(now.at.getTime() - Date.now())).toBeLessThan(5000);
  });

  test('every serverDate of one document is the same instant, however long the request takes', () => {
    let ticks = 0;
    const clock = () => 1_000_000 + ++ticks; // a clock that moves between any two reads
    const text = JSON.stringify({ a: { $tcb_server_date: { offset: 0 } }, b: [{ c: { $tcb_server_date: { offset: 60_000 } } }] });
    const doc = parseEJSON(text, clock) as { a: Date; b: Array<{ c: Date }> };
    expect(doc.a.getTime()).toBe(1_000_001);
    expect(doc.b[0].c.getTime() - doc.a.getTime()).toBe(60_000);
  });
});
