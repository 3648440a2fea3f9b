import { addMonths, daysInMonth, type DayString, dayOf, type Instant } from '../time/shanghai';

/**
 * The rolling growth window behind tiers. Decision: the window is counted in Shanghai days.
 * Growth earned on day D counts from D up to the day before `leavesWindowOn(D)` =
 * D + `windowMonths` calendar months (29 Feb + 12 months → 28 Feb), and leaves at that day's
 * midnight. Every growth entry counts the same way whatever its kind — check-in, invite reward
 * and ops grants (`ops_adjust`, how purchases and offline events raise growth) alike; a
 * negative correction also leaves the window 12 months after it was made.
 *
 * An entry may be a single ledger entry (`createdAt` an ISO instant) or a daily aggregate
 * (`createdAt` a `YYYY-MM-DD`): the functions can pass sums per day from an aggregation
 * instead of reading every ledger entry.
 */
export interface GrowthEntry {
  createdAt: Instant;
  growth: number;
}

/** The Shanghai day of an entry. */
export function entryDay(entry: GrowthEntry): DayString {
  return dayOf(entry.createdAt);
}

/** `day` plus `months` calendar months, clamped to the month's last day. */
export function addMonthsToDay(day: DayString, months: number): DayString {
  const month = addMonths(day.slice(0, 7), months);
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(date).padStart(2, '0')}`;
}

/** The first day growth earned on `day` no longer counts. */
export function leavesWindowOn(day: DayString, windowMonths: number): DayString {
  return addMonthsToDay(day, windowMonths);
}

/** Whether growth earned on `earnedOn` counts on `on`. */
export function countsOn(earnedOn: DayString, on: DayString, windowMonths: number): boolean {
  return earnedOn <= on && on < leavesWindowOn(earnedOn, windowMonths);
}

/**
 * Growth in the window on the day of `now` (never below 0: a correction cannot make a
 * negative tier). Day strings compare correctly as text, which keeps this loop cheap.
 */
export function windowGrowth(entries: readonly GrowthEntry[], now: Instant, windowMonths: number): number {
  const on = dayOf(now);
  let sum = 0;
  for (const e of entries) if (countsOn(entryDay(e), on, windowMonths)) sum += e.growth;
  return Math.max(0, sum);
}
