import { tierCoverage } from './tierCoverage';
import { SETTINGS, TIERS } from './__fixtures__/program';

describe('tierCoverage', () => {
  it('counts members at or above each layer among the active ones', () => {
    const growths = [0, 10, 50, 100, 200, 300, 400, 800, 1500, 2000];
    expect(tierCoverage(TIERS, growths, SETTINGS.tier.coverageTargets)).toEqual([
      { tier: 'basic', members: 10, coverage: 100, target: 90 },
      { tier: 'advanced', members: 5, coverage: 50, target: 40 },
      { tier: 'core', members: 2, coverage: 20, target: 10 },
    ]);
  });

  it('is 0 with no active members', () => {
    expect(tierCoverage(TIERS, [], SETTINGS.tier.coverageTargets).map((c) => c.coverage)).toEqual([0, 0, 0]);
  });

  it('rounds to one decimal', () => {
    expect(tierCoverage(TIERS, [300, 0, 0], SETTINGS.tier.coverageTargets)[1].coverage).toBe(33.3);
  });
});
