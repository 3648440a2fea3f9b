import fc from 'fast-check';
import { tierRank } from '../content/ids';
import { nextTierProgress, tierAtLeast, tierForGrowth, tierName } from './tiers';
import { TIERS } from './__fixtures__/program';

describe('tiers (basic 0 / advanced 300 / core 1500)', () => {
  it('gives the highest tier whose threshold is reached', () => {
    expect(tierForGrowth(TIERS, 0)).toBe('basic');
    expect(tierForGrowth(TIERS, 299)).toBe('basic');
    expect(tierForGrowth(TIERS, 300)).toBe('advanced');
    expect(tierForGrowth(TIERS, 1499)).toBe('advanced');
    expect(tierForGrowth(TIERS, 1500)).toBe('core');
  });

  it('keeps basic as the floor and makes a missing tier unreachable', () => {
    expect(tierForGrowth([], 99999)).toBe('basic');
    expect(
      tierForGrowth(
        TIERS.filter((t) => t._id !== 'core'),
        99999,
      ),
    ).toBe('advanced');
    expect(tierName([], 'core')).toBe('核心层');
  });

  it('is monotone in growth', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tierRank(tierForGrowth(TIERS, lo))).toBeLessThanOrEqual(tierRank(tierForGrowth(TIERS, hi)));
      }),
    );
  });

  it('compares tiers by rank', () => {
    expect(tierAtLeast('core', 'advanced')).toBe(true);
    expect(tierAtLeast('basic', 'advanced')).toBe(false);
    expect(tierAtLeast('advanced', 'advanced')).toBe(true);
  });

  it('tells the next tier and the growth to reach it', () => {
    expect(nextTierProgress(TIERS, 120)).toEqual({
      tier: 'basic',
      tierName: '基础层',
      windowGrowth: 120,
      next: { id: 'advanced', name: '进阶层', threshold: 300, growthNeeded: 180 },
      ratio: 0.4,
    });
    expect(nextTierProgress(TIERS, 900).next).toEqual({ id: 'core', name: '核心层', threshold: 1500, growthNeeded: 600 });
    expect(nextTierProgress(TIERS, 2000)).toMatchObject({ tier: 'core', next: null, ratio: 1 });
  });
});
