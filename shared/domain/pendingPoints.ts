import { addDays, dayOf, startOfDay, toMs, type DayString, type Instant } from '../time/shanghai';

/**
 * Purchase points wait out the refund window before they can be spent (`settings.purchase.
 * holdDays`). Until then they are not in the ledger at all — the ledger and the balance hold
 * spendable points only, so `points = Σ ledger` stays true and pending points cannot be spent —
 * and the member document keeps them by the Shanghai day they become spendable:
 * `pendingPoints {"YYYY-MM-DD": n}` (at most `holdDays + 1` days live: bounded however many
 * orders). On that day they are released — one `purchase_release` ledger entry per member and
 * day, written in the transaction that removes the day from the document, so exactly once.
 * A refund before then cancels its share from the order's day.
 */
export type PendingPoints = Record<DayString, number>;

/**
 * The day points of an order paid at `paidAt` become spendable: the end of the `holdDays`-th day
 * after the day paid (paid 11-23, 7 days → spendable from 12-01 00:00 Shanghai). Null when
 * they are spendable at once (no hold, or the hold is already over at `now` — a late report).
 */
export function releaseDayFor(paidAt: Instant, holdDays: number, now: Instant): DayString | null {
  if (holdDays <= 0) return null;
  const day = addDays(dayOf(paidAt), holdDays + 1);
  return startOfDay(day) <= toMs(now) ? null : day;
}

/** When a release day's points become spendable (UTC ISO), for answers and pages. */
export function releaseInstant(day: DayString): string {
  return new Date(startOfDay(day)).toISOString();
}

export function addPending(pending: PendingPoints, day: DayString, points: number): PendingPoints {
  if (points <= 0) return pending;
  return { ...pending, [day]: (pending[day] ?? 0) + points };
}

export function pendingTotal(pending: PendingPoints): number {
  let sum = 0;
  for (const n of Object.values(pending)) sum += n;
  return sum;
}

/** The next day pending points are released, or null with none. */
export function nextReleaseDay(pending: PendingPoints): DayString | null {
  const days = Object.keys(pending)
    .filter((d) => pending[d] > 0)
    .sort();
  return days[0] ?? null;
}

/** Pending points whose day has come on `today`: what to release, and the document without them. */
export function duePending(pending: PendingPoints, today: DayString): { points: number; days: DayString[]; rest: PendingPoints } {
  const days: DayString[] = [];
  const rest: PendingPoints = {};
  let points = 0;
  for (const [day, n] of Object.entries(pending)) {
    if (day <= today) {
      days.push(day);
      points += n;
    } else if (n > 0) rest[day] = n;
  }
  return { points, days: days.sort(), rest };
}

/**
 * Whether an order's points are still pending: its release day is still on the member document
 * (a release removes the whole day at once; a refund can only lower a day's points by the order's
 * own share, so the day stays while any of the order's points are pending).
 */
export function isStillPending(pending: PendingPoints, releaseDay: DayString | null): boolean {
  return releaseDay !== null && (pending[releaseDay] ?? 0) > 0;
}

/** Cancels up to `points` of a day (a refund of a pending order); a day left at 0 is dropped. */
export function cancelPending(pending: PendingPoints, day: DayString, points: number): PendingPoints {
  const left = (pending[day] ?? 0) - Math.max(0, points);
  const { [day]: _gone, ...rest } = pending;
  void _gone;
  return left > 0 ? { ...rest, [day]: left } : rest;
}
