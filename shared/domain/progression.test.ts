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
