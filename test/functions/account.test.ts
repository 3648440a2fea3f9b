import type { Program } from '@shared/content/validateProgram';
import { demoProgram } from '../../shared/domain/__fixtures__/program';
import { accountTransaction } from '../../cloudfunctions/_common/account';
import { Counters } from '../../cloudfunctions/_common/counters';
import { ledgerConsistency, startTestCloud, type TestCloud } from './support/cloud';
import { seedFundedMembers } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * The account module on its own, through the real SDK on localcloud: every balance change is a
 * ledger entry in the same transaction, each member is written once however many changes touch
 * them, a refusal writes nothing, an audited kind without who and why is a programming error, and
 * badges are counted once, after the commit.
 */
let cloud: TestCloud;
let program: Program;
let services: { db: TestCloud['db']; counters: Counters };

beforeAll(async () => {
  cloud = await startTestCloud();
  program = demoProgram();
  services = { db: cloud.db, counters: new Counters(cloud.db) };
}, 120_000);

afterAll(async () => {
  await cloud.close();
});

describe('accountTransaction', () => {
  it('writes a ledger entry per change and each member once, and counts badges once after commit', async () => {
    const [a, b] = await seedFundedMembers(cloud, 'acct', 2, 50);
    const counterBefore = Number((await cloud.docs('counters', { _id: 'badge_tree_first_leaf' }))[0]?.count ?? 0);
    const result = await accountTransaction(services, program, Date.now(), async (account) => {
      await account.get(a);
      await account.find(b);
      await account.apply(a, { points: 5, growth: 0 }, { kind: 'ops_adjust', refId: 'acct-1', by: 'oStaff', reason: '测试' });
      // A second change of the same member in the same transaction starts from the first.
      const second = await account.apply(
        a,
        { points: -20, growth: 25 },
        { kind: 'ops_adjust', refId: 'acct-2', by: 'oStaff', reason: '测试' },
      );
      await account.apply(b, { points: 1, growth: 0 }, { kind: 'invite_reward', refId: a });
      return second;
    });
    expect(result.member).toMatchObject({ points: 35, growth: 25 });
    expect(result.newBadges.map((x) => x._id)).toEqual(['tree_first_leaf']);
    const [storedA] = await cloud.docs('members', { _id: a });
    expect(storedA).toMatchObject({ points: 35, growth: 25 });
    expect((await cloud.docs('ledger', { openid: a })).map((e) => e.refId).sort()).toEqual(['acct-1', 'acct-2', `seed-${a}`]);
    expect((await cloud.docs('members', { _id: b }))[0]).toMatchObject({ points: 51 });
    expect((await cloud.docs('counters', { _id: 'badge_tree_first_leaf' }))[0].count).toBe(counterBefore + 1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('writes nothing when a change would go below zero, nor when an audited kind does not say who and why', async () => {
    const [c] = await seedFundedMembers(cloud, 'acctNo', 1, 10);
    const before = await cloud.dump();
    await expect(
      accountTransaction(services, program, Date.now(), async (account) => {
        await account.get(c);
        await account.apply(c, { points: 5, growth: 0 }, { kind: 'checkin', refId: 'no-1' });
        await account.apply(c, { points: -100, growth: 0 }, { kind: 'redeem', refId: 'no-2' });
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    await expect(
      accountTransaction(services, program, Date.now(), async (account) => {
        await account.get(c);
        await account.apply(c, { points: 5, growth: 0 }, { kind: 'ops_adjust', refId: 'no-3' });
      }),
    ).rejects.toThrow(/who made it and why/);
    await expect(
      accountTransaction(services, program, Date.now(), async (account) => {
        await account.get(c);
        await account.apply(c, { points: -1, growth: 0 }, { kind: 'checkin', refId: 'no-4' });
      }),
    ).rejects.toThrow(/does not fit kind/);
    expect(await cloud.dump()).toEqual(before);
  });
});
