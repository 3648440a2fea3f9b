/** Date ranges of the dashboard, in Shanghai days (`@shared/time/shanghai`). */
import { STATS_MAX_DAYS } from '@shared/contracts/opsLimits';
import { addDays, dayDiff, type DayString } from '@shared/time/shanghai';

export type RangePreset = '7d' | '30d' | '90d';

export const RANGE_PRESETS: Array<{ key: RangePreset; title: string; days: number }> = [
  { key: '7d', title: '近 7 天', days: 7 },
  { key: '30d', title: '近 30 天', days: 30 },
  { key: '90d', title: '近 90 天', days: 90 },
];

export interface DayRange {
  from: DayString;
  to: DayString;
}

/** Days from `from` to `to`, both included. */
export function rangeLength(range: DayRange): number {
  return dayDiff(range.from, range.to) + 1;
}

/** The last `days` days ending today. */
export function presetRange(days: number, today: string): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/**
 * A range the function accepts from what ops picked: ends swapped when reversed, never after
 * today, at most STATS_MAX_DAYS long (the start moves, the end the person chose stays).
 */
export function clampRange(picked: DayRange, today: string): DayRange {
  let { from, to } = picked.from <= picked.to ? picked : { from: picked.to, to: picked.from };
  if (to > today) to = today;
  if (from > to) from = to;
  if (rangeLength({ from, to }) > STATS_MAX_DAYS) from = addDays(to, -(STATS_MAX_DAYS - 1));
  return { from, to };
}

/** `3月1日` — axis labels. */
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
