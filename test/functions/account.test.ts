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
  // The demo program, its first 学习 node on lifetime growth (the demo's is on events attended): so a
  // balance change alone lights a node that pays points, which is what these tests deliver.
  const demo = demoProgram();
  program = {
    ...demo,
    tree_nodes: demo.tree_nodes.map((n) => (n._id === 'learning_1' ? { ...n, rule: { metric: 'growth' as const, gte: 20 } } : n)),
  };
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
    // 25 growth lights 学习's first node: its 20 points come with it, in the same transaction.
    expect(result.member).toMatchObject({ points: 55, growth: 25 });
    expect(result.newBadges.map((x) => x._id)).toEqual(['tree_first_leaf']);
    expect(result.nodeRewards).toEqual([{ nodeId: 'learning_1', points: 20 }]);
    const [storedA] = await cloud.docs('members', { _id: a });
    expect(storedA).toMatchObject({ points: 55, growth: 25 });
    expect((await cloud.docs('ledger', { openid: a })).map((e) => e.refId).sort()).toEqual(['acct-1', 'acct-2', 'learning_1', `seed-${a}`]);
    expect((await cloud.docs('members', { _id: b }))[0]).toMatchObject({ points: 51 });
    expect((await cloud.docs('counters', { _id: 'badge_tree_first_leaf' }))[0].count).toBe(counterBefore + 1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('delivers what a node unlocks once: a second change past the rule, or a parallel one, delivers nothing more', async () => {
    const [m] = await seedFundedMembers(cloud, 'acctNode', 1, 0);
    const grow = () =>
      accountTransaction(services, program, Date.now(), async (account) => {
        await account.get(m);
        return account.apply(m, { points: 0, growth: 30 }, { kind: 'ops_adjust', refId: 'grow', by: 'oStaff', reason: '测试' });
      });
    const results = await Promise.all(Array.from({ length: 10 }, grow));
    expect(results.flatMap((r) => r.nodeRewards)).toEqual([{ nodeId: 'learning_1', points: 20 }]);
    const rewards = (await cloud.docs('ledger', { openid: m })).filter((e) => e.kind === 'node_reward');
    expect(rewards).toEqual([expect.objectContaining({ refId: 'learning_1', points: 20, growth: 0 })]);
    expect((await cloud.docs('members', { _id: m }))[0]).toMatchObject({ points: 20, growth: 300 });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('pays a tier entry reward once per member, tier and calendar year, across a drop and a climb', async () => {
    const [m] = await seedFundedMembers(cloud, 'acctTier', 1, 0);
    const at = (iso: string) => Date.parse(iso);
    const change = (now: number, growth: number, ref: string) =>
      accountTransaction(services, program, now, async (account) => {
        await account.get(m);
        return account.apply(m, { points: 0, growth }, { kind: 'ops_adjust', refId: ref, by: 'oStaff', reason: '测试' });
      });
    const up = await change(at('2030-03-01T10:00:00+08:00'), 400, 'up-1');
    expect(up.tierChanged).toMatchObject({ from: 'basic', to: 'advanced' });
    expect(up.entryRewards).toEqual([{ tier: 'advanced', tierName: '进阶层', points: 100, packTitle: '会员优先购' }]);
    // Dropped by a correction, climbed back the same year: nothing more.
    expect((await change(at('2030-06-01T10:00:00+08:00'), -400, 'down-1')).tierChanged).toMatchObject({ to: 'basic' });
    const again = await change(at('2030-12-31T23:59:59+08:00'), 400, 'up-2');
    expect(again.tierChanged).toMatchObject({ to: 'advanced' });
    expect(again.entryRewards).toEqual([]);
    // The next calendar year in Shanghai (a second later): paid again.
    await change(at('2031-01-01T00:00:00+08:00'), -400, 'down-2');
    expect((await change(at('2031-01-01T00:00:01+08:00'), 400, 'up-3')).entryRewards.map((r) => r.tier)).toEqual(['advanced']);

    const ledger = await cloud.docs<{ kind: string; refId: string; points: number }>('ledger', { openid: m });
    expect(
      ledger
        .filter((e) => e.kind === 'tier_entry')
        .map((e) => [e.refId, e.points])
        .sort(),
    ).toEqual([
      ['tier-advanced-2030', 100],
      ['tier-advanced-2031', 100],
    ]);
    const vouchers = await cloud.docs<{ _id: string; gift?: string; cost: number }>('redemptions', { openid: m });
    expect(vouchers.map((v) => [v._id, v.gift, v.cost]).sort()).toEqual([
      [`${m}_tier-advanced-2030`, 'tier_entry', 0],
      [`${m}_tier-advanced-2031`, 'tier_entry', 0],
    ]);
    // A gift is not one of the member's redemptions.
    expect((await cloud.docs('members', { _id: m }))[0]).toMatchObject({ redemptions: 0 });
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
