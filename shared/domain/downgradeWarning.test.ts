import fc from 'fast-check';
import { tierRank } from '../content/ids';
import { addDays } from '../time/shanghai';
import { downgradeWarning } from './downgradeWarning';
import { windowGrowth } from './growthWindow';
import { tierForGrowth } from './tiers';
import { SETTINGS, TIERS } from './__fixtures__/program';

const NOW = '2026-11-23T04:00:00.000Z'; // 12:00 Shanghai

describe('downgradeWarning', () => {
  it('warns when growth leaving within 30 days lowers the tier', () => {
    const entries = [
      { createdAt: '2025-12-10T02:00:00.000Z', growth: 250 }, // leaves on 2026-12-10
      { createdAt: '2026-06-01T02:00:00.000Z', growth: 100 },
    ];
    expect(windowGrowth(entries, NOW, 12)).toBe(350);
    expect(downgradeWarning(entries, TIERS, NOW, SETTINGS)).toEqual({
      date: '2026-12-10',
      fromTier: 'advanced',
      fromTierName: '进阶层',
      toTier: 'basic',
      toTierName: '基础层',
      growthLeaving: 250,
      growthToKeep: 200,
    });
  });

  it('says nothing when the drop is further away than the warning days', () => {
    const entries = [{ createdAt: '2026-01-10T02:00:00.000Z', growth: 350 }];
    expect(downgradeWarning(entries, TIERS, NOW, SETTINGS)).toBeNull();
    expect(downgradeWarning(entries, TIERS, NOW, { tier: { ...SETTINGS.tier, downgradeWarningDays: 60 } })?.date).toBe('2027-01-10');
  });

  it('says nothing when enough growth stays in the window', () => {
    const entries = [
      { createdAt: '2025-12-10T02:00:00.000Z', growth: 100 },
      { createdAt: '2026-06-01T02:00:00.000Z', growth: 400 },
    ];
    expect(downgradeWarning(entries, TIERS, NOW, SETTINGS)).toBeNull();
  });

  it('counts ops grants like any growth: a grant leaving the window can lower the tier', () => {
    const entries = [{ createdAt: '2025-12-01T02:00:00.000Z', growth: 1600 }]; // an offline event grant
    expect(downgradeWarning(entries, TIERS, NOW, SETTINGS)).toMatchObject({ date: '2026-12-01', fromTier: 'core', toTier: 'basic' });
  });

  it('always names a day within the horizon on which the tier really is lower', () => {
    const entry = fc.record({ offset: fc.integer({ min: 0, max: 400 }), growth: fc.integer({ min: -50, max: 600 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (list) => {
        // Daily aggregates (day strings) keep the brute-force check below cheap.
        const entries = list.map((e) => ({ createdAt: addDays('2026-11-23', -e.offset), growth: e.growth }));
        const w = downgradeWarning(entries, TIERS, NOW, SETTINGS);
        const nowTier = tierForGrowth(TIERS, windowGrowth(entries, NOW, 12));
        if (w) {
          expect(w.date > '2026-11-23' && w.date <= '2026-12-23').toBe(true);
          expect(w.fromTier).toBe(nowTier);
          const then = tierForGrowth(TIERS, windowGrowth(entries, w.date, 12));
          expect(then).toBe(w.toTier);
          expect(tierRank(then)).toBeLessThan(tierRank(nowTier));
        } else {
          for (let d = 1; d <= 30; d++) {
            const on = addDays('2026-11-23', d);
            expect(tierRank(tierForGrowth(TIERS, windowGrowth(entries, on, 12)))).toBeGreaterThanOrEqual(tierRank(nowTier));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
