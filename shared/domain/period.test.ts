import { atMinute } from '../time/shanghai';
import { periodKey, periodResetsAt } from './period';

const at = (day: string, minute: number) => atMinute(day, minute);

describe('periodKey', () => {
  it('keys each limit period in Shanghai time', () => {
    const now = at('2026-11-23', 30); // 00:30 Monday in Shanghai (still the 22nd in UTC)
    expect(periodKey('day', now)).toBe('2026-11-23');
    expect(periodKey('week', now)).toBe('2026-W48');
    expect(periodKey('month', now)).toBe('2026-11');
    expect(periodKey('campaign', now)).toBe('campaign');
  });

  it('uses ISO weeks across the year end', () => {
    expect(periodKey('week', at('2027-01-03', 600))).toBe('2026-W53');
    expect(periodKey('week', at('2027-01-04', 600))).toBe('2027-W01');
  });
});

describe('periodResetsAt', () => {
  it('is the start of the next period', () => {
    const sunday = at('2026-11-29', 23 * 60);
    expect(periodResetsAt('day', sunday)).toBe(new Date(at('2026-11-30', 0)).toISOString());
    expect(periodResetsAt('week', sunday)).toBe(new Date(at('2026-11-30', 0)).toISOString());
    expect(periodResetsAt('week', at('2026-11-23', 0))).toBe(new Date(at('2026-11-30', 0)).toISOString());
    expect(periodResetsAt('month', sunday)).toBe(new Date(at('2026-12-01', 0)).toISOString());
    expect(periodResetsAt('month', at('2026-12-31', 600))).toBe(new Date(at('2027-01-01', 0)).toISOString());
    expect(periodResetsAt('campaign', sunday)).toBeNull();
  });
});
