import { addDays as shiftDay, dayOf as shanghaiDay } from '@shared/time/shanghai';
import { clampRange, presetRange, rangeLength, shortDay } from './range';

describe('dashboard ranges (Shanghai days)', () => {
  it('reads the Shanghai day of an instant, whatever the machine TZ', () => {
    expect(shanghaiDay(Date.parse('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDay(Date.parse('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('shifts days across month and leap-year ends', () => {
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('builds presets that end today and count both ends', () => {
    expect(presetRange(7, '2026-03-07')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    expect(rangeLength(presetRange(90, '2026-03-07'))).toBe(90);
  });

  it('clamps a picked range to what ops.stats accepts', () => {
    expect(clampRange({ from: '2026-03-07', to: '2026-03-01' }, '2026-03-20')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    expect(clampRange({ from: '2026-03-01', to: '2026-04-01' }, '2026-03-20')).toEqual({ from: '2026-03-01', to: '2026-03-20' });
    expect(clampRange({ from: '2026-04-01', to: '2026-04-02' }, '2026-03-20')).toEqual({ from: '2026-03-20', to: '2026-03-20' });
    const long = clampRange({ from: '2025-01-01', to: '2026-03-20' }, '2026-03-20');
    expect(long.to).toBe('2026-03-20');
    expect(rangeLength(long)).toBe(92);
  });

  it('labels axis days in Chinese', () => {
    expect(shortDay('2026-03-09')).toBe('3月9日');
  });
});
