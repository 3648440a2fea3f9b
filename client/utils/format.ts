/**
 * Dates and numbers as members read them. Instants come from the functions as ISO strings and
 * are shown in Shanghai time (`@shared/time/shanghai`: a fixed +08:00 offset, which works in every
 * WeChat JS engine, some of which lack Intl time-zone data).
 */
import { wallClock, type DayString, type WallClock } from '@shared/time/shanghai';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The Shanghai wall clock of an instant from the functions (ISO string or epoch ms); null when unreadable. */
export function shanghaiClock(at: string | number): WallClock | null {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isFinite(ms) ? wallClock(ms) : null;
}

/** `11月23日` (with the year when it is not `thisYear`). */
export function formatDay(at: string | number, thisYear?: number): string {
  const c = shanghaiClock(at);
  if (!c) return '';
  return thisYear !== undefined && c.year !== thisYear ? `${c.year}年${c.month}月${c.day}日` : `${c.month}月${c.day}日`;
}

/** `2026年11月23日`. */
export function formatFullDay(at: string | number): string {
  const c = shanghaiClock(at);
  return c ? `${c.year}年${c.month}月${c.day}日` : '';
}

/** `11月23日 14:05`. */
export function formatDateTime(at: string | number): string {
  const c = shanghaiClock(at);
  return c ? `${c.month}月${c.day}日 ${pad(c.hour)}:${pad(c.minute)}` : '';
}

/** `14:05`. */
export function formatTime(at: string | number): string {
  const c = shanghaiClock(at);
  return c ? `${pad(c.hour)}:${pad(c.minute)}` : '';
}

/** A `YYYY-MM-DD` day as `11月23日`. */
export function formatDayString(day: DayString): string {
  const [, m, d] = day.split('-').map(Number);
  return m && d ? `${m}月${d}日` : day;
}

/** `2026年11月` from `YYYY-MM`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The last moment a voucher is good for, for "有效期至 12月7日 23:59" (expiresAt is exclusive). */
export function formatUntil(expiresAt: string): string {
  const ms = Date.parse(expiresAt);
  return Number.isFinite(ms) ? formatDateTime(ms - 60_000) : '';
}

/**
 * When something opens, relative to now: `今天 11:30`, `明天 11:30`, `周一 11:30` within a week,
 * else `12月25日 00:00`.
 */
export function formatOpening(at: string, now: number = Date.now()): string {
  const when = shanghaiClock(at);
  const today = shanghaiClock(now);
  if (!when || !today) return '';
  const dayMs = Date.UTC(when.year, when.month - 1, when.day) - Date.UTC(today.year, today.month - 1, today.day);
  const days = Math.round(dayMs / 86_400_000);
  const time = `${pad(when.hour)}:${pad(when.minute)}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  if (days > 1 && days < 7) return `${WEEKDAYS[when.weekday]} ${time}`;
  return `${when.month}月${when.day}日 ${time}`;
}

/** `1,280` for points. */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `+10` / `-80` / `0`. */
export function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
