import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Time as the member center counts it — the one module for it, used by the client, the
 * functions and the scripts. A member's day is the Asia/Shanghai day, whatever the server's or
 * the phone's TZ. Shanghai has kept a fixed +08:00 offset (no daylight saving) since 1991, so
 * the offset is added to UTC instead of asking a time-zone database: no Intl time-zone data
 * (some WeChat JS engines lack it) and no dayjs timezone plugin in the weapp main package.
 *
 * One name per concept:
 * - an **instant** (`Instant`: epoch ms, a Date, or an ISO string with its offset) → `toMs`, `toIso`;
 * - its **Shanghai day** `YYYY-MM-DD` → `dayOf`; month `YYYY-MM` → `monthOf`; ISO week → `weekOf`;
 *   wall clock → `wallClock`; minute of the day → `minuteOfDay`;
 * - a day back to instants → `startOfDay`, `atMinute`;
 * - calendar arithmetic on days and months → `addDays`, `dayDiff`, `weekday`, `addMonths`,
 *   `daysInMonth`, `monthGrid`.
 */

/** Milliseconds since epoch, a Date, or an ISO string carrying its offset (a bare `YYYY-MM-DD` is that Shanghai day's midnight). */
export type Instant = number | Date | string;
/** `YYYY-MM-DD` in Asia/Shanghai. */
export type DayString = string;
/** `YYYY-MM` in Asia/Shanghai. */
export type MonthString = string;

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A calendar day as a UTC dayjs (calendar arithmetic only: no zone is involved). */
function calendarDay(day: DayString): dayjs.Dayjs {
  return dayjs.utc(day, 'YYYY-MM-DD');
}

/** The Shanghai wall clock of an instant, as a UTC dayjs shifted by the offset. */
function shanghai(at: Instant): dayjs.Dayjs {
  return dayjs.utc(toMs(at) + SHANGHAI_OFFSET_MS);
}

export function isDayString(value: unknown): value is DayString {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false;
  // Rejects impossible dates such as 2026-02-30: parsing must round-trip.
  return calendarDay(value).format('YYYY-MM-DD') === value;
}

export function isMonthString(value: unknown): value is MonthString {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/**
 * Epoch milliseconds of an instant. A local date-time without offset is refused: the server's TZ
 * must never decide what it means.
 */
export function toMs(at: Instant): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  if (isDayString(at)) return startOfDay(at);
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

/** The Shanghai day of an instant; a `YYYY-MM-DD` is returned as is. */
export function dayOf(at: Instant): DayString {
  if (typeof at === 'string' && isDayString(at)) return at;
  return shanghai(at).format('YYYY-MM-DD');
}

/** The Shanghai calendar year of a day or an instant. */
export function yearOf(at: Instant): number {
  return Number(dayOf(at).slice(0, 4));
}

/** `YYYY-MM` of a day or an instant. */
export function monthOf(at: Instant): MonthString {
  return dayOf(at).slice(0, 7);
}

/**
 * ISO week `YYYY-Www` of a day or an instant (weeks start on Monday, as members in China expect),
 * e.g. `2026-W48`. Used for per-week limits.
 */
export function weekOf(at: Instant): string {
  const d = calendarDay(dayOf(at));
  const isoWeekday = ((d.day() + 6) % 7) + 1; // Monday = 1 … Sunday = 7
  const thursday = d.add(4 - isoWeekday, 'day'); // the ISO year is the year of the week's Thursday
  const yearStart = dayjs.utc(`${thursday.year()}-01-01`, 'YYYY-MM-DD');
  const week = Math.floor(thursday.diff(yearStart, 'day') / 7) + 1;
  return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** `YYYY-MM-DD`. */
  date: DayString;
}

/** The Shanghai wall clock of an instant. */
export function wallClock(at: Instant): WallClock {
  const t = shanghai(at);
  return {
    year: t.year(),
    month: t.month() + 1,
    day: t.date(),
    hour: t.hour(),
    minute: t.minute(),
    weekday: t.day(),
    date: t.format('YYYY-MM-DD'),
  };
}

/** Minutes since Shanghai midnight of an instant (0 … 1439), for opening hours. */
export function minuteOfDay(at: Instant): number {
  const t = shanghai(at);
  return t.hour() * 60 + t.minute();
}

/** The instant (ms since epoch) a Shanghai day starts. */
export function startOfDay(day: DayString): number {
  return calendarDay(day).valueOf() - SHANGHAI_OFFSET_MS;
}

/** The instant of a Shanghai wall-clock time on a day, e.g. `atMinute('2026-11-23', 11 * 60 + 30)`. */
export function atMinute(day: DayString, minute: number): number {
  return startOfDay(day) + minute * 60_000;
}

/** The Shanghai day `n` days after `day` (negative for before). */
export function addDays(day: DayString, n: number): DayString {
  return calendarDay(day).add(n, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (positive when `to` is later). Calendar days, no DST effects. */
export function dayDiff(from: DayString, to: DayString): number {
  return calendarDay(to).diff(calendarDay(from), 'day');
}

/** Day of week of a Shanghai day: 0 = Sunday … 6 = Saturday (JS convention). */
export function weekday(day: DayString): number {
  return calendarDay(day).day();
}

/** The month before / after `YYYY-MM`. */
export function addMonths(month: MonthString, n: number): MonthString {
  return calendarDay(`${month}-01`).add(n, 'month').format('YYYY-MM');
}

/** Days in a month `YYYY-MM`. */
export function daysInMonth(month: MonthString): number {
  return calendarDay(`${month}-01`).daysInMonth();
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
