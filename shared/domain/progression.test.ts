import { AppError } from '../errors';
import { demoProgram } from './__fixtures__/program';
import { newStoredMember, type StoredMember } from './member';
import { currentTier, dueEntryRewards, memberMetrics, needsWrite, progress, pruneGrowthDays, reevaluate } from './progression';

const createMember = (openid: string, now: number) => newStoredMember(openid, now, 'K7QM2XRT');

const program = demoProgram();
const NOW = Date.parse('2030-05-10T02:00:00Z'); // 10:00 Shanghai
const DAY = 86_400_000;

describe('progress: a balance change and what follows from it', () => {
  it('moves the balance, records growth by Shanghai day, and re-evaluates tier, badges and nodes', () => {
    // A member who checked in once and attended a course (counters the caller updated).
    const m = { ...createMember('oProgress_member_000000000001', NOW), checkinDays: 1, eventsAttended: 1, coursesAttended: 1 };
    const p = progress(m, { points: 10, growth: 370 }, program, NOW);
    expect(p.member).toMatchObject({ points: 10, growth: 370, tier: 'advanced', growthDays: { '2030-05-10': 370 } });
    expect(p.tierChanged).toEqual({ from: 'basic', to: 'advanced', toName: '进阶层' });
    // Each branch on its own rule: 坚持 on check-in days, 学习 on events and courses (not growth: 370 lights
    // nothing there on its own); 社群 and 公益 wait for invites and donations.
    expect(p.newNodes.map((n) => n._id)).toEqual(['persist_1', 'learning_1', 'learning_2']);
    expect(p.member.nodes.map((n) => n.id)).toEqual(['persist_1', 'learning_1', 'learning_2']);
    expect(p.newBadges.map((b) => b._id)).toEqual(['first_checkin', 'tree_first_leaf', 'first_event']);
    // Lit and awarded once: a second change lights nothing twice.
    const again = progress(p.member, { points: 1, growth: 0 }, program, NOW);
    expect(again.newBadges).toEqual([]);
    expect(again.newNodes).toEqual([]);
    expect(again.member.badges.map((b) => b.id)).toEqual(['first_checkin', 'tree_first_leaf', 'first_event']);
  });

  it('lights 公益 nodes on points donated, awarding the badge a node unlocks', () => {
    const m: StoredMember = { ...createMember('oProgress_member_000000000004', NOW), points: 200, pointsDonated: 100 };
    const p = progress(m, { points: -100, growth: 0 }, program, NOW);
    expect(p.newNodes.map((n) => n._id)).toEqual(['charity_1', 'charity_2']);
    // charity_2 unlocks the 公益同行 badge (no rule of its own); the first node lit, the first-leaf badge.
    expect(p.newBadges.map((b) => b._id)).toEqual(['tree_first_leaf', 'charity_companion']);
  });

  it('keeps a node lit when its metric later drops (an ops correction of growth)', () => {
    // A program whose first 学习 node is on growth (the demo's is on events): growth can be corrected down.
    const onGrowth = {
      ...program,
      tree_nodes: program.tree_nodes.map((n) => (n._id === 'learning_1' ? { ...n, rule: { metric: 'growth' as const, gte: 20 } } : n)),
    };
    const lit = progress({ ...createMember('oProgress_member_000000000005', NOW) }, { points: 0, growth: 30 }, onGrowth, NOW).member;
    expect(lit.nodes.map((n) => n.id)).toEqual(['learning_1']);
    const corrected = progress(lit, { points: 0, growth: -30 }, onGrowth, NOW);
    expect(corrected.member.nodes.map((n) => n.id)).toEqual(['learning_1']);
    expect(memberMetrics(corrected.member, onGrowth, NOW).treeNodes).toBe(1);
  });

  it('lights 学习 on events attended and courses, not on growth', () => {
    const m = createMember('oProgress_member_000000000007', NOW);
    expect(progress(m, { points: 0, growth: 2000 }, program, NOW).newNodes.map((n) => n._id)).toEqual([]);
    const attended = { ...m, eventsAttended: 4, coursesAttended: 1 };
    expect(progress(attended, { points: 20, growth: 10 }, program, NOW).newNodes.map((n) => n._id)).toEqual([
      'learning_1',
      'learning_2',
      'learning_3',
    ]);
    const courses = { ...m, eventsAttended: 3, coursesAttended: 3 };
    expect(progress(courses, { points: 0, growth: 0 }, program, NOW).newNodes.map((n) => n._id)).toEqual([
      'learning_1',
      'learning_2',
      'learning_4',
    ]);
  });

  it('awards the badge of a campaign the member joined', () => {
    const m: StoredMember = { ...createMember('oProgress_member_000000000006', NOW), campaigns: ['thanks_season_2026'] };
    expect(reevaluate(m, program, NOW).newBadges.map((b) => b._id)).toEqual(['thanks_season_2026']);
  });

  it('never lets points or lifetime growth go below zero', () => {
    const m = { ...createMember('oProgress_member_000000000002', NOW), points: 5, growth: 5 };
    expect(() => progress(m, { points: -6, growth: 0 }, program, NOW)).toThrow(AppError);
    expect(() => progress(m, { points: 0, growth: -6 }, program, NOW)).toThrow(/成长值/);
    expect(progress(m, { points: -5, growth: -5 }, program, NOW).member).toMatchObject({ points: 0, growth: 0 });
  });

  it('drops growth that left the window and lowers the tier with it', () => {
    const m = {
      ...createMember('oProgress_member_000000000003', NOW),
      growth: 400,
      tier: 'advanced' as const,
      growthDays: { '2029-05-10': 400 },
      nodes: [
        { id: 'learning_1', unlockedAt: '2029-05-10T02:00:00.000Z' },
        { id: 'learning_2', unlockedAt: '2029-05-10T02:00:00.000Z' },
      ],
    };
    expect(pruneGrowthDays(m.growthDays, NOW, 12)).toEqual({});
    expect(pruneGrowthDays(m.growthDays, NOW - 86_400_000, 12)).toEqual({ '2029-05-10': 400 });
    expect(currentTier(m, program, NOW)).toBe('basic');
    const r = reevaluate(m, program, NOW);
    expect(r.tierChanged).toMatchObject({ from: 'advanced', to: 'basic' });
    expect(r.dueEntryRewards).toEqual([]);
    expect(needsWrite(m, r)).toBe(true);
    expect(needsWrite(r.member, reevaluate(r.member, program, NOW))).toBe(false);
  });
});

describe('tier entry rewards: once per member, tier and calendar year', () => {
  const climb = (m: StoredMember, growth: number, at: number) => progress(m, { points: 0, growth }, program, at);

  it('pays on the way up, not again after a drop and a climb in the same year, again the next year', () => {
    const m = createMember('oProgress_member_000000000010', NOW);
    const up = climb(m, 400, NOW);
    expect(up.dueEntryRewards).toEqual([{ tier: 'advanced', tierName: '进阶层', reward: { points: 100, packId: 'adv_priority_buy' } }]);
    expect(up.member.tierRewards).toEqual({ advanced: 2030 });

    // The growth leaves the window a year later... but a drop in the same calendar year first:
    const dropped = { ...up.member, growthDays: {}, tier: 'basic' as const };
    expect(climb(dropped, 400, NOW + 30 * DAY).dueEntryRewards).toEqual([]);

    // Next calendar year (Shanghai): paid again.
    const nextYear = Date.parse('2031-01-01T00:00:00+08:00');
    expect(climb(dropped, 400, nextYear).dueEntryRewards.map((r) => r.tier)).toEqual(['advanced']);
    // One second before the year turns in Shanghai: still 2030.
    expect(climb(dropped, 400, nextYear - 1000).dueEntryRewards).toEqual([]);
  });

  it('pays each tier climbed through in one change, and never for basic', () => {
    const m = createMember('oProgress_member_000000000011', NOW);
    expect(climb(m, 2500, NOW).dueEntryRewards.map((r) => [r.tier, r.reward.points])).toEqual([
      ['advanced', 100],
      ['core', 300],
    ]);
    expect(dueEntryRewards('core', 'basic', {}, 2030, program.tiers)).toEqual([]);
    expect(dueEntryRewards('basic', 'basic', {}, 2030, program.tiers)).toEqual([]);
  });
});

describe('progress keeps the point lots (expiry) and counts a reversal’s growth on its own day', () => {
  const SH = (wall: string) => Date.parse(`${wall}+08:00`);

  it('credits this Shanghai month’s lot and spends the oldest first, Σ lots = points', () => {
    const m = { ...createMember('oProgress_member_000000000020', NOW), points: 100, pointLots: { '2029-06': 100 } };
    const earned = progress(m, { points: 40, growth: 0 }, program, SH('2030-05-31T23:30:00')).member;
    expect(earned.pointLots).toEqual({ '2029-06': 100, '2030-05': 40 });
    const spent = progress(earned, { points: -120, growth: 0 }, program, SH('2030-06-01T00:30:00')).member;
    expect(spent).toMatchObject({ points: 20, pointLots: { '2030-05': 20 } });
  });

  it('gives a member from before lots were kept one lot for what they have', () => {
    const m = { ...createMember('oProgress_member_000000000021', NOW), points: 70 };
    expect(progress(m, { points: 10, growth: 0 }, program, NOW).member.pointLots).toEqual({ '2030-05': 80 });
  });

  it('takes growth back from the day it was earned, so the window loses exactly that', () => {
    const m = {
      ...createMember('oProgress_member_000000000022', NOW),
      growth: 400,
      tier: 'advanced' as const,
      growthDays: { '2030-05-01': 300, '2030-05-08': 100 },
    };
    const back = progress(m, { points: 0, growth: -300, growthDay: '2030-05-01' }, program, NOW).member;
    expect(back).toMatchObject({ growth: 100, tier: 'basic', growthDays: { '2030-05-08': 100 } });
    // A day that has left the window: the lifetime growth drops, the window is untouched.
    const old = { ...m, growthDays: { '2030-05-08': 100 } };
    const past = progress(old, { points: 0, growth: -300, growthDay: '2029-04-01' }, program, NOW).member;
    expect(past).toMatchObject({ growth: 100, growthDays: { '2030-05-08': 100 } });
  });
});
