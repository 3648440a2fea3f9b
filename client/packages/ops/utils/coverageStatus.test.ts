import { coverageStatus } from './coverageStatus';

const c = (tier: 'basic' | 'advanced' | 'core', coverage: number, target: number) => ({ tier, coverage, target, members: 0 });

describe('coverage against the plan', () => {
  it('marks basic as the floor and judges the others within 5 points', () => {
    expect(coverageStatus(c('basic', 100, 90), 10)).toBe('floor');
    expect(coverageStatus(c('advanced', 44.9, 40), 10)).toBe('on');
    expect(coverageStatus(c('advanced', 35, 40), 10)).toBe('on');
    expect(coverageStatus(c('advanced', 34.9, 40), 10)).toBe('below');
    expect(coverageStatus(c('core', 15.1, 10), 10)).toBe('above');
    expect(coverageStatus(c('core', 0, 10), 0)).toBe('none');
  });
});
