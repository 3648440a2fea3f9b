import { addDays, type DayString } from '../time/shanghai';
import type { Streak } from './member';

export type StreakChange = 'already' | 'started' | 'continued' | 'restarted';

/**
 * The streak after checking in on `today` (a Shanghai day).
 * - same day as the last check-in → unchanged, `already` (the check-in is idempotent per day);
 * - the day after the last check-in → +1, `continued`;
 * - any other day (a gap, or the first check-in) → 1, `restarted` / `started`.
 * A `lastDate` after `today` only happens when a test clock goes backwards: it restarts rather
 * than extending a streak into the past.
 */
export function nextStreak(streak: Streak, today: DayString): { streak: Streak; change: StreakChange } {
  if (streak.lastDate === today) return { streak, change: 'already' };
  if (streak.lastDate !== null && addDays(streak.lastDate, 1) === today) {
    const current = streak.current + 1;
    return { streak: { current, best: Math.max(streak.best, current), lastDate: today }, change: 'continued' };
  }
  return {
    streak: { current: 1, best: Math.max(streak.best, 1), lastDate: today },
    change: streak.lastDate === null ? 'started' : 'restarted',
  };
}

/** The streak as the member sees it today: a streak whose last day is before yesterday is over. */
export function displayedStreak(streak: Streak, today: DayString): number {
  if (streak.lastDate === null) return 0;
  return streak.lastDate === today || addDays(streak.lastDate, 1) === today ? streak.current : 0;
}
