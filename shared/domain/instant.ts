import { isDayString, startOfDay, today, type DayString } from '../time/shanghaiDay';

/**
 * An instant as the domain receives it: epoch milliseconds, a Date, or an ISO string that
 * carries its offset (`…Z`, `…+08:00`). A bare `YYYY-MM-DD` is read as that Shanghai day's
 * midnight. A local date-time without offset is refused: the server's TZ must never decide
 * what it means.
 */
export type Instant = number | Date | string;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function toMs(at: Instant): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  if (isDayString(at)) return startOfDay(at as DayString);
  if (ISO_WITH_OFFSET.test(at)) {
    const ms = Date.parse(at);
    if (Number.isFinite(ms)) return ms;
  }
  throw new Error(`Not an instant with an offset: ${JSON.stringify(at).slice(0, 40)}`);
}

/** A UTC ISO string (`2026-11-23T03:30:00.000Z`): unambiguous for storage and the client. */
export function toIso(at: Instant): string {
  return new Date(toMs(at)).toISOString();
}

/**
 * The Shanghai day of an instant; a `YYYY-MM-DD` is returned as is. (Passing a bare day to
 * `today()` would let dayjs read it as *local* midnight — the previous Shanghai day on a
 * server east of UTC+8 — so the domain always goes through here.)
 */
export function dayOf(at: Instant): DayString {
  if (typeof at === 'string' && isDayString(at)) return at;
  return today(toMs(at));
}
