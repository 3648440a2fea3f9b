import { AppError } from '../errors';
import { demoProgram } from './__fixtures__/program';
import { newStoredMember } from './member';
import { currentTier, needsWrite, progress, pruneGrowthDays, reevaluate } from './progression';

const createMember = (openid: string, now: number) => newStoredMember(openid, now, 'K7QM2XRT');

const program = demoProgram();
const NOW = Date.parse('2030-05-10T02:00:00Z'); // 10:00 Shanghai

describe('progress: a balance change and what follows from it', () => {
  it('moves the balance, records growth by Shanghai day, and re-evaluates tier, badges and nodes', () => {
    const m = { ...createMember('oProgress_member_000000000001', NOW), checkinDays: 1 };
    const p = progress(m, { points: 10, growth: 370 }, program, NOW);
    expect(p.member).toMatchObject({ points: 10, growth: 370, tier: 'advanced', growthDays: { '2030-05-10': 370 } });
    expect(p.tierChanged).toEqual({ from: 'basic', to: 'advanced', toName: '进阶层' });
    expect(p.newNodes.map((n) => n._id)).toEqual(['learning_1', 'learning_2', 'community_1', 'community_2', 'charity_1']);
    expect(p.newBadges.map((b) => b._id)).toEqual(['first_checkin', 'tree_first_leaf']);
    // Awarded once: a second change adds no badge twice.
    const again = progress(p.member, { points: 1, growth: 0 }, program, NOW);
    expect(again.newBadges).toEqual([]);
    expect(again.member.badges.map((b) => b.id)).toEqual(['first_checkin', 'tree_first_leaf']);
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
    };
    expect(pruneGrowthDays(m.growthDays, NOW, 12)).toEqual({});
    expect(pruneGrowthDays(m.growthDays, NOW - 86_400_000, 12)).toEqual({ '2029-05-10': 400 });
    expect(currentTier(m, program, NOW)).toBe('basic');
    const r = reevaluate(m, program, NOW);
    expect(r.tierChanged).toMatchObject({ from: 'advanced', to: 'basic' });
    expect(needsWrite(m, r)).toBe(true);
    expect(needsWrite(r.member, reevaluate(r.member, program, NOW))).toBe(false);
  });
});

describe('progress keeps the point lots (expiry) and counts a reversal’s growth on its own day', () => {
  const SH = (wall: string) => Date.parse(`${wall}+08:00`);

  it('credits this Shanghai month’s lot and spends the oldest first, Σ lots = points', () => {
    const m = { ...createMember('oProgress_member_000000000010', NOW), points: 100, pointLots: { '2029-06': 100 } };
    const earned = progress(m, { points: 40, growth: 0 }, program, SH('2030-05-31T23:30:00')).member;
    expect(earned.pointLots).toEqual({ '2029-06': 100, '2030-05': 40 });
    const spent = progress(earned, { points: -120, growth: 0 }, program, SH('2030-06-01T00:30:00')).member;
    expect(spent).toMatchObject({ points: 20, pointLots: { '2030-05': 20 } });
  });

  it('gives a member from before lots were kept one lot for what they have', () => {
    const m = { ...createMember('oProgress_member_000000000011', NOW), points: 70 };
    expect(progress(m, { points: 10, growth: 0 }, program, NOW).member.pointLots).toEqual({ '2030-05': 80 });
  });

  it('takes growth back from the day it was earned, so the window loses exactly that', () => {
    const m = {
      ...createMember('oProgress_member_000000000012', NOW),
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
