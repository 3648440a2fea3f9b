/**
 * A day of the year without the year, `MM-DD` (a birthday: we need the month, not the age).
 * Dependency-free: the contracts (bundled by the client) validate input with it.
 */
const MONTH_DAY_RE = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `MM-DD` of a real calendar day (29 February allowed). */
export function isMonthDay(value: unknown): value is string {
  if (typeof value !== 'string' || !MONTH_DAY_RE.test(value)) return false;
  return Number(value.slice(3, 5)) <= MONTH_DAYS[Number(value.slice(0, 2)) - 1];
}
