import fc from 'fast-check';
import {
  addDays,
  addMonths,
  atMinute,
  dayDiff,
  isDayString,
  isMonthString,
  minuteOfDay,
  monthGrid,
  monthOf,
  startOfDay,
  dayOf,
  weekOf,
  wallClock,
  weekday,
} from './shanghai';

// These run under TZ=UTC, Asia/Shanghai and America/Los_Angeles (npm run test:tz): every
// expectation is about the Shanghai day, whatever the process's zone.
describe(`Shanghai day helpers (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('turns at 16:00 UTC, Shanghai midnight', () => {
    expect(dayOf(Date.parse('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23');
    expect(dayOf(Date.parse('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24');
    expect(dayOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('reads ISO strings with offsets as instants', () => {
    expect(dayOf('2026-11-23T23:59:59+08:00')).toBe('2026-11-23');
    expect(dayOf('2026-11-24T00:00:00+08:00')).toBe('2026-11-24');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts calendar days between days', () => {
    expect(dayDiff('2026-11-23', '2026-11-24')).toBe(1);
    expect(dayDiff('2026-11-24', '2026-11-23')).toBe(-1);
    expect(dayDiff('2026-01-01', '2027-01-01')).toBe(365);
    // Los Angeles changes clocks on 2026-11-01: a day is still a day.
    expect(dayDiff('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('addDays and dayDiff are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -2000, max: 2000 }), (offset, n) => {
        const day = addDays('2000-01-01', offset);
        expect(dayDiff(day, addDays(day, n))).toBe(n);
      }),
    );
  });

  it('validates day and month strings', () => {
    expect(isDayString('2026-11-23')).toBe(true);
    expect(isDayString('2026-02-30')).toBe(false);
    expect(isDayString('2026-1-3')).toBe(false);
    expect(isDayString({ $gt: '' })).toBe(false);
    expect(isMonthString('2026-11')).toBe(true);
    expect(isMonthString('2026-13')).toBe(false);
  });

  it('keys months and ISO weeks (Monday first)', () => {
    expect(monthOf('2026-11-23')).toBe('2026-11');
    expect(monthOf(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(weekOf('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(weekOf('2026-11-29')).toBe('2026-W48'); // the Sunday after
    expect(weekOf('2026-11-30')).toBe('2026-W49');
    expect(weekOf('2027-01-01')).toBe('2026-W53'); // 2026 has 53 ISO weeks
    expect(weekOf('2024-12-30')).toBe('2025-W01');
    expect(weekOf(Date.parse('2026-11-29T16:00:00Z'))).toBe('2026-W49'); // Monday 00:00 Shanghai
  });

  it('knows the weekday and the minute of the Shanghai day', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-29')).toBe(0);
    expect(minuteOfDay(Date.parse('2026-11-23T03:30:00Z'))).toBe(11 * 60 + 30);
    expect(minuteOfDay(Date.parse('2026-11-23T16:00:00Z'))).toBe(0);
  });

  it('finds the instant of a Shanghai wall-clock time', () => {
    expect(new Date(startOfDay('2026-11-24')).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(new Date(atMinute('2026-11-23', 11 * 60 + 30)).toISOString()).toBe('2026-11-23T03:30:00.000Z');
  });

  it('lays out a month grid Monday first, padded to full weeks', () => {
    const grid = monthGrid('2026-11');
    expect(grid.every((week) => week.length === 7)).toBe(true);
    // 2026-11-01 is a Sunday: six padding cells before it.
    expect(grid[0].slice(0, 6).every((c) => c.day === null)).toBe(true);
    expect(grid[0][6]).toEqual({ day: '2026-11-01', date: 1 });
    const days = grid.flat().filter((c) => c.day !== null);
    expect(days).toHaveLength(30);
    expect(days[29].day).toBe('2026-11-30');
    expect(
      monthGrid('2028-02')
        .flat()
        .filter((c) => c.day).length,
    ).toBe(29);
  });

  it('steps months', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});

describe('bare day strings', () => {
  it('are Shanghai days whatever the process TZ', () => {
    expect(dayOf('2026-12-23')).toBe('2026-12-23');
    expect(monthOf('2026-12-01')).toBe('2026-12');
  });
});

describe('the Shanghai wall clock', () => {
  it('reads year, month, day, hour, minute and weekday at +08:00 whatever the process TZ', () => {
    expect(wallClock('2026-12-31T16:05:00Z')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 5, weekday: 5, date: '2027-01-01' });
    expect(wallClock(Date.parse('2026-11-23T03:30:00Z'))).toMatchObject({ hour: 11, minute: 30, weekday: 1, date: '2026-11-23' });
  });

  it('turns a day back into its first instant and a wall-clock minute into an instant', () => {
    expect(new Date(startOfDay('2026-11-23')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(new Date(atMinute('2026-11-23', 11 * 60 + 30)).toISOString()).toBe('2026-11-23T03:30:00.000Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (offset) => {
        const day = addDays('2000-01-01', offset);
        expect(dayOf(startOfDay(day))).toBe(day);
        expect(dayOf(startOfDay(day) - 1)).toBe(addDays(day, -1));
      }),
    );
  });
});
