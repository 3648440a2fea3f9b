/**
 * Date ranges of the dashboard, in Shanghai days, without a date library (the subpackage stays
 * small and every WeChat JS engine can run it: Shanghai has a fixed +08:00 offset since 1991).
 */
import { STATS_MAX_DAYS } from '@shared/contracts/opsLimits';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type RangePreset = '7d' | '30d' | '90d';

export const RANGE_PRESETS: Array<{ key: RangePreset; title: string; days: number }> = [
  { key: '7d', title: '近 7 天', days: 7 },
  { key: '30d', title: '近 30 天', days: 30 },
  { key: '90d', title: '近 90 天', days: 90 },
];

export interface DayRange {
  from: string;
  to: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function fromUtcMs(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcMs(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The Shanghai day of an instant. */
export function shanghaiDay(nowMs: number): string {
  return fromUtcMs(nowMs + SHANGHAI_OFFSET_MS);
}

export function shiftDay(day: string, n: number): string {
  return fromUtcMs(utcMs(day) + n * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function rangeLength(range: DayRange): number {
  return Math.round((utcMs(range.to) - utcMs(range.from)) / DAY_MS) + 1;
}

/** The last `days` days ending today. */
export function presetRange(days: number, today: string): DayRange {
  return { from: shiftDay(today, -(days - 1)), to: today };
}

/**
 * A range the function accepts from what ops picked: ends swapped when reversed, never after
 * today, at most STATS_MAX_DAYS long (the start moves, the end the person chose stays).
 */
export function clampRange(picked: DayRange, today: string): DayRange {
  let { from, to } = picked.from <= picked.to ? picked : { from: picked.to, to: picked.from };
  if (to > today) to = today;
  if (from > to) from = to;
  if (rangeLength({ from, to }) > STATS_MAX_DAYS) from = shiftDay(to, -(STATS_MAX_DAYS - 1));
  return { from, to };
}

/** `3月1日` — axis labels. */
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
