import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A member's day is the Asia/Shanghai day, whatever the server's or the phone's TZ. */
export const MEMBER_TZ = 'Asia/Shanghai';

/** `YYYY-MM-DD` in Asia/Shanghai. */
export type DayString = string;
/** `YYYY-MM` in Asia/Shanghai. */
export type MonthString = string;

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

type Instant = Date | number | string;

function inShanghai(at: Instant): dayjs.Dayjs {
  // A bare `YYYY-MM-DD` is already a Shanghai day: dayjs would read it as the server's local midnight.
  if (typeof at === 'string' && DAY_RE.test(at)) return dayjs.tz(at, 'YYYY-MM-DD', MEMBER_TZ);
  return dayjs(at).tz(MEMBER_TZ);
}

/** Shanghai midnight of a day, as a UTC-based dayjs (no server TZ involved). */
function dayStart(day: DayString): dayjs.Dayjs {
  return dayjs.tz(day, 'YYYY-MM-DD', MEMBER_TZ);
}

export function isDayString(value: unknown): value is DayString {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false;
  // Rejects impossible dates such as 2026-02-30: parsing must round-trip.
  return dayjs.utc(value, 'YYYY-MM-DD').format('YYYY-MM-DD') === value;
}

export function isMonthString(value: unknown): value is MonthString {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** The Shanghai day of an instant (default: now). */
export function today(now: Instant = Date.now()): DayString {
  return inShanghai(now).format('YYYY-MM-DD');
}

/** Alias that reads better when the instant is not "now". */
export const shanghaiDayOf = today;

/** The Shanghai day `n` days after `day` (negative for before). */
export function addDays(day: DayString, n: number): DayString {
  return dayjs.utc(day, 'YYYY-MM-DD').add(n, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). Calendar days, no DST effects. */
export function dayDiff(from: DayString, to: DayString): number {
  return dayjs.utc(to, 'YYYY-MM-DD').diff(dayjs.utc(from, 'YYYY-MM-DD'), 'day');
}

/** `YYYY-MM` of a day or an instant. */
export function monthKey(dayOrInstant: DayString | Instant): MonthString {
  if (typeof dayOrInstant === 'string' && isDayString(dayOrInstant)) return dayOrInstant.slice(0, 7);
  return inShanghai(dayOrInstant).format('YYYY-MM');
}

/**
 * ISO week key `YYYY-Www` (weeks start on Monday, as members in China expect), e.g. `2026-W48`.
 * Used for per-week limits.
 */
export function weekKey(dayOrInstant: DayString | Instant): string {
  const day = typeof dayOrInstant === 'string' && isDayString(dayOrInstant) ? dayOrInstant : today(dayOrInstant);
  const d = dayjs.utc(day, 'YYYY-MM-DD');
  const isoWeekday = ((d.day() + 6) % 7) + 1; // Monday = 1 … Sunday = 7
  const thursday = d.add(4 - isoWeekday, 'day'); // the ISO year is the year of the week's Thursday
  const yearStart = dayjs.utc(`${thursday.year()}-01-01`, 'YYYY-MM-DD');
  const week = Math.floor(thursday.diff(yearStart, 'day') / 7) + 1;
  return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
}

/** Day of week of a Shanghai day: 0 = Sunday … 6 = Saturday (JS convention). */
export function weekday(day: DayString): number {
  return dayjs.utc(day, 'YYYY-MM-DD').day();
}

/** Minutes since Shanghai midnight of an instant (0 … 1439), for opening hours. */
export function minuteOfDay(now: Instant): number {
  const t = inShanghai(now);
  return t.hour() * 60 + t.minute();
}

/** The instant (ms since epoch) a Shanghai day starts. */
export function startOfDay(day: DayString): number {
  return dayStart(day).valueOf();
}

/** The instant of a Shanghai wall-clock time on a day, e.g. `atTime('2026-11-23', 11 * 60 + 30)`. */
export function atMinute(day: DayString, minute: number): number {
  return dayStart(day).add(minute, 'minute').valueOf();
}

/** Days in a month `YYYY-MM`. */
export function daysInMonth(month: MonthString): number {
  return dayjs.utc(`${month}-01`, 'YYYY-MM-DD').daysInMonth();
}

export interface MonthGridCell {
  /** The day, or null for the padding cells before the 1st and after the last day. */
  day: DayString | null;
  /** Day of month (1–31), 0 for padding. */
  date: number;
}

/**
 * A calendar month as weeks of 7 cells, Monday first (as Chinese calendars show it), padded
 * with `null` days so every row is full.
 */
export function monthGrid(month: MonthString): MonthGridCell[][] {
  const first = `${month}-01`;
  const lead = (weekday(first) + 6) % 7; // Monday-first offset
  const count = daysInMonth(month);
  const cells: MonthGridCell[] = [];
  for (let i = 0; i < lead; i++) cells.push({ day: null, date: 0 });
  for (let d = 1; d <= count; d++) cells.push({ day: `${month}-${String(d).padStart(2, '0')}`, date: d });
  while (cells.length % 7 !== 0) cells.push({ day: null, date: 0 });
  const weeks: MonthGridCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month before / after `YYYY-MM`. */
export function addMonths(month: MonthString, n: number): MonthString {
  return dayjs.utc(`${month}-01`, 'YYYY-MM-DD').add(n, 'month').format('YYYY-MM');
}
