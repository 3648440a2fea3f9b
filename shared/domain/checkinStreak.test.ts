import fc from 'fast-check';
import { addDays, dayOf } from '../time/shanghai';
import { displayedStreak, nextStreak } from './checkinStreak';
import type { Streak } from './member';

const fresh: Streak = { current: 0, best: 0, lastDate: null };

describe('nextStreak', () => {
  it('starts at 1 on the first check-in', () => {
    expect(nextStreak(fresh, '2026-11-23')).toEqual({ streak: { current: 1, best: 1, lastDate: '2026-11-23' }, change: 'started' });
  });

  it('continues only from yesterday', () => {
    const s: Streak = { current: 6, best: 6, lastDate: '2026-11-22' };
    expect(nextStreak(s, '2026-11-23')).toEqual({ streak: { current: 7, best: 7, lastDate: '2026-11-23' }, change: 'continued' });
  });

  it('restarts at 1 after a gap and keeps the best', () => {
    const s: Streak = { current: 9, best: 12, lastDate: '2026-11-20' };
    expect(nextStreak(s, '2026-11-23')).toEqual({ streak: { current: 1, best: 12, lastDate: '2026-11-23' }, change: 'restarted' });
  });

  it('leaves a same-day repeat unchanged', () => {
    const s: Streak = { current: 3, best: 5, lastDate: '2026-11-23' };
    const r = nextStreak(s, '2026-11-23');
    expect(r.change).toBe('already');
    expect(r.streak).toBe(s);
  });

  it('continues across month and year ends', () => {
    expect(nextStreak({ current: 2, best: 2, lastDate: '2026-12-31' }, '2027-01-01').change).toBe('continued');
    expect(nextStreak({ current: 2, best: 2, lastDate: '2028-02-28' }, '2028-02-29').change).toBe('continued');
  });

  it('treats 23:59:59 and 00:00:00 Shanghai as two consecutive days, whatever the server TZ', () => {
    const d1 = dayOf('2026-11-23T15:59:59.000Z'); // 23:59:59 in Shanghai
    const d2 = dayOf('2026-11-23T16:00:00.000Z'); // 00:00:00 next day in Shanghai
    expect([d1, d2]).toEqual(['2026-11-23', '2026-11-24']);
    const first = nextStreak(fresh, d1).streak;
    expect(nextStreak(first, d2).streak.current).toBe(2);
  });

  it('restarts when a test clock goes backwards instead of extending into the past', () => {
    expect(nextStreak({ current: 4, best: 4, lastDate: '2026-11-23' }, '2026-11-20').streak).toEqual({
      current: 1,
      best: 4,
      lastDate: '2026-11-20',
    });
  });

  it('keeps best ≥ current and current = consecutive days up to lastDate, for any check-in sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), (gaps) => {
        let s = fresh;
        let day = '2026-01-01';
        const days: string[] = [];
        for (const g of gaps) {
          day = addDays(day, g);
          s = nextStreak(s, day).streak;
          if (days[days.length - 1] !== day) days.push(day);
          expect(s.best).toBeGreaterThanOrEqual(s.current);
          let run = 1;
          for (let i = days.length - 1; i > 0 && addDays(days[i - 1], 1) === days[i]; i--) run++;
          expect(s.current).toBe(run);
        }
      }),
    );
  });
});

describe('displayedStreak', () => {
  it('shows the streak while it can still continue, 0 once broken', () => {
    const s: Streak = { current: 5, best: 5, lastDate: '2026-11-22' };
    expect(displayedStreak(s, '2026-11-22')).toBe(5);
    expect(displayedStreak(s, '2026-11-23')).toBe(5);
    expect(displayedStreak(s, '2026-11-24')).toBe(0);
    expect(displayedStreak(fresh, '2026-11-24')).toBe(0);
  });
});
