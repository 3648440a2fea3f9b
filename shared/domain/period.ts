import type { LimitPeriod } from '../content/ids';
import { addDays, addMonths, monthOf, startOfDay, weekOf, weekday, dayOf, toIso, type Instant } from '../time/shanghai';

/**
 * The key of the per-member limit period containing `now` (Shanghai time): day `2026-11-23`,
 * week `2026-W48` (ISO weeks, Monday first), month `2026-11`, campaign `campaign`. It is part of
 * the member's redemption count key (`redeemCounts.ts`), so a new period starts a fresh count with no reset job.
 */
export function periodKey(limitPeriod: LimitPeriod, now: Instant): string {
  const day = dayOf(now);
  switch (limitPeriod) {
    case 'day':
      return day;
    case 'week':
      return weekOf(day);
    case 'month':
      return monthOf(day);
    case 'campaign':
      return 'campaign';
  }
}

/** When the period containing `now` ends (the next one starts), ISO; null for `campaign`. */
export function periodResetsAt(limitPeriod: LimitPeriod, now: Instant): string | null {
  const day = dayOf(now);
  switch (limitPeriod) {
    case 'day':
      return toIso(startOfDay(addDays(day, 1)));
    case 'week': {
      const toMonday = (8 - weekday(day)) % 7 || 7;
      return toIso(startOfDay(addDays(day, toMonday)));
    }
    case 'month':
      return toIso(startOfDay(`${addMonths(monthOf(day), 1)}-01`));
    case 'campaign':
      return null;
  }
}
