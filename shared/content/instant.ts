import { z } from 'zod';
import { addDays, atMinute, isDayString, startOfDay } from '../time/shanghai';

/**
 * Date-time fields ops type in the console (`startAt`, `endAt`). Accepted forms, all read as
 * Asia/Shanghai unless they carry an offset:
 * - `2026-12-25` — a whole day: for a start, that day's 00:00; for an end, the *end* of that day
 *   (so `endAt: "2027-01-03"` keeps the pack open all of 3 January, which is what ops mean);
 * - `2026-12-25T11:30` or `2026-12-25 11:30:00` — Shanghai wall-clock time;
 * - `2026-12-25T03:30:00Z` / `…+08:00` — an exact instant;
 * - a database Date (the console's 时间 type).
 * The parsed value is always a UTC ISO string (`…Z`), so the domain never parses local time.
 */
export type InstantEdge = 'start' | 'end';

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?)?$/;
const OFFSET_RE = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Milliseconds since epoch, or null when the text is not one of the accepted forms. */
export function parseContentInstant(value: string, edge: InstantEdge): number | null {
  const local = LOCAL_RE.exec(value);
  if (local) {
    const [, day, hh, mm, ss] = local;
    if (!isDayString(day)) return null;
    if (hh === undefined) return startOfDay(edge === 'end' ? addDays(day, 1) : day);
    return atMinute(day, Number(hh) * 60 + Number(mm)) + Number(ss ?? 0) * 1000;
  }
  if (OFFSET_RE.test(value) && isDayString(value.slice(0, 10))) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** An optional start/end field: missing or null means "no limit"; output is ISO UTC or null. */
export function instantField(edge: InstantEdge) {
  return z
    .union([z.string().max(40), z.date(), z.null()], { errorMap: () => ({ message: 'instant' }) })
    .optional()
    .transform((value, ctx): string | null => {
      if (value === undefined || value === null) return null;
      const ms = value instanceof Date ? value.getTime() : parseContentInstant(value.trim(), edge);
      if (ms === null || !Number.isFinite(ms)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'instant' });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    });
}
