import { addMonths, dayDiff, dayOf, monthOf, startOfDay, type DayString, type Instant, type MonthString } from '../time/shanghai';

/**
 * Points expiry (`settings.points.expiry: {months}`): points earned in a Shanghai month expire at
 * the end of the month `months` later (earned in 2025-12 with 12 months → gone after 2026-12-31),
 * and spending always uses the oldest points first. The member document keeps the balance split
 * by the month it was earned — `pointLots {"YYYY-MM": n}`, whose sum is the balance — so the
 * lots stay bounded (one per month, at most `months + 1` live) and expiry needs no ledger scan.
 *
 * The lots are kept whether or not expiry is switched on, so turning it on later is fair: points
 * earned before expire by their own month, not all at once.
 */
export type PointLots = Record<MonthString, number>;

export interface ExpirySetting {
  months: number;
}

export function lotsTotal(lots: PointLots): number {
  let sum = 0;
  for (const n of Object.values(lots)) sum += n;
  return sum;
}

function sortedMonths(lots: PointLots): MonthString[] {
  return Object.keys(lots).sort();
}

/** Points earned in `month` join its lot. */
export function creditLots(lots: PointLots, month: MonthString, points: number): PointLots {
  if (points <= 0) return lots;
  return { ...lots, [month]: (lots[month] ?? 0) + points };
}

/** Points spent, taken back or expired leave the oldest lots first; empty lots are dropped. */
export function debitLots(lots: PointLots, points: number): PointLots {
  const out: PointLots = {};
  let left = Math.max(0, points);
  for (const month of sortedMonths(lots)) {
    const take = Math.min(left, lots[month]);
    left -= take;
    if (lots[month] - take > 0) out[month] = lots[month] - take;
  }
  return out;
}

/**
 * Lots that agree with the balance. A member from before lots were kept (or a document edited by
 * hand) has points no lot accounts for: they count as earned in `month` (the latest expiry, the
 * member's benefit of the doubt); lots beyond the balance are trimmed from the oldest.
 */
export function reconcileLots(lots: PointLots, balance: number, month: MonthString): PointLots {
  const total = lotsTotal(lots);
  if (total === balance) return lots;
  return total < balance ? creditLots(lots, month, balance - total) : debitLots(lots, total - balance);
}

/** The last Shanghai day points earned in `earnMonth` can be spent. */
export function lastDayOfLot(earnMonth: MonthString, months: number): DayString {
  const afterMonth = addMonths(earnMonth, months + 1);
  return dayOf(startOfDay(`${afterMonth}-01`) - 1);
}

/** The instant points earned in `earnMonth` expire (the Shanghai midnight after `lastDayOfLot`). */
export function lotExpiresAt(earnMonth: MonthString, months: number): number {
  return startOfDay(`${addMonths(earnMonth, months + 1)}-01`);
}

/** Lots earned in this month or before have expired at `now`. */
export function expiryCutoffMonth(now: Instant, months: number): MonthString {
  return addMonths(monthOf(now), -months - 1);
}

/** What has expired at `now` and is still in the lots: the points and the newest month they were earned in. */
export function dueExpiry(lots: PointLots, now: Instant, expiry: ExpirySetting | null): { points: number; through: MonthString } | null {
  if (!expiry) return null;
  const cutoff = expiryCutoffMonth(now, expiry.months);
  const due = sortedMonths(lots).filter((m) => m <= cutoff && lots[m] > 0);
  if (due.length === 0) return null;
  return { points: due.reduce((s, m) => s + lots[m], 0), through: due[due.length - 1] };
}

/** The oldest lot's month (the expiry job finds members through it), or null with no points. */
export function oldestLotMonth(lots: PointLots): MonthString | null {
  const months = sortedMonths(lots).filter((m) => lots[m] > 0);
  return months[0] ?? null;
}

export interface ExpiringPoints {
  points: number;
  /** The last day they can be spent (Shanghai). */
  lastDay: DayString;
}

/** How far ahead home warns of points about to expire (the issue: "from 30 days before"). */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * The next points to expire, when that happens within `withinDays` of now: "N 积分将于 12月31日过期".
 * Lots already due (the job has not run yet) count as expiring today.
 */
export function expiringSoon(
  lots: PointLots,
  now: Instant,
  expiry: ExpirySetting | null,
  withinDays = EXPIRY_WARNING_DAYS,
): ExpiringPoints | null {
  if (!expiry) return null;
  const today = dayOf(now);
  const next = oldestLotMonth(lots);
  if (next === null) return null;
  const lastDay = lastDayOfLot(next, expiry.months);
  const shownDay = lastDay < today ? today : lastDay;
  if (dayDiff(today, shownDay) > withinDays) return null;
  // Every lot whose last day is the same day (only one month can end on a given day).
  const points = Object.entries(lots)
    .filter(([m, n]) => n > 0 && lastDayOfLot(m, expiry.months) <= shownDay)
    .reduce((s, [, n]) => s + n, 0);
  return { points, lastDay: shownDay };
}
