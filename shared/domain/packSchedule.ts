import type { BenefitPackDoc, PackSchedule } from '../content/benefitPacks';
import { hhmmToMinute } from '../content/benefitPacks';
import { addDays, atMinute, minuteOfDay, weekday, type DayString, dayOf, toIso, toMs, type Instant } from '../time/shanghai';

/** The parts of a pack that decide when it is open. */
export type PackTiming = Pick<BenefitPackDoc, 'startAt' | 'endAt' | 'schedule'>;

const ALL_DAY = [{ from: 0, to: 24 * 60 }];

function ranges(schedule: PackSchedule | null): Array<{ from: number; to: number }> {
  if (!schedule?.hours) return ALL_DAY;
  return schedule.hours.map((h) => ({ from: hhmmToMinute(h.from), to: hhmmToMinute(h.to) })).sort((a, b) => a.from - b.from);
}

function dayAllowed(schedule: PackSchedule | null, day: DayString): boolean {
  return !schedule?.weekdays || schedule.weekdays.includes(weekday(day));
}

/**
 * Open at an instant: inside the date window (`startAt` inclusive, `endAt` exclusive) and, for
 * a scheduled pack, on an allowed weekday within an hour range — all in Shanghai time.
 */
export function isOpenAt(pack: PackTiming, at: Instant): boolean {
  const ms = toMs(at);
  if (pack.startAt !== null && ms < toMs(pack.startAt)) return false;
  if (pack.endAt !== null && ms >= toMs(pack.endAt)) return false;
  const day = dayOf(ms);
  if (!dayAllowed(pack.schedule, day)) return false;
  const minute = minuteOfDay(ms);
  return ranges(pack.schedule).some((r) => minute >= r.from && minute < r.to);
}

/**
 * The first instant at or after `now` when the pack is open (ISO; `now` itself when open now),
 * or null when it never opens again (ended, or no opening before `endAt`). A weekly schedule
 * repeats, so eight days from the start of the search always find the next opening.
 */
export function nextOpening(pack: PackTiming, now: Instant): string | null {
  const end = pack.endAt === null ? Infinity : toMs(pack.endAt);
  const from = Math.max(toMs(now), pack.startAt === null ? -Infinity : toMs(pack.startAt));
  if (from >= end) return null;
  const firstDay = dayOf(from);
  for (let i = 0; i <= 7; i++) {
    const day = addDays(firstDay, i);
    if (!dayAllowed(pack.schedule, day)) continue;
    for (const r of ranges(pack.schedule)) {
      const open = Math.max(atMinute(day, r.from), from);
      if (open >= end) return null;
      if (open < atMinute(day, r.to)) return toIso(open);
    }
  }
  return null;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Monday-first position (Chinese calendars start the week on Monday). */
function mondayFirst(d: number): number {
  return (d + 6) % 7;
}

function weekdaysText(weekdays: readonly number[] | undefined): string {
  if (!weekdays || new Set(weekdays).size === 7) return '每天';
  const days = [...new Set(weekdays)].sort((a, b) => mondayFirst(a) - mondayFirst(b));
  const key = days.join(',');
  if (key === '1,2,3,4,5') return '工作日';
  const positions = days.map(mondayFirst);
  const consecutive = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  if (consecutive && days.length >= 3) return `${WEEKDAY_NAMES[days[0]]}至${WEEKDAY_NAMES[days[days.length - 1]]}`;
  return days.map((d) => WEEKDAY_NAMES[d]).join('、');
}

/** `工作日 11:30–13:30`, `周六、周日`, `每天 19:00–21:00`; '' when the pack has no schedule. */
export function scheduleText(schedule: PackSchedule | null): string {
  if (!schedule) return '';
  const days = weekdaysText(schedule.weekdays);
  if (!schedule.hours) return days;
  const hours = [...schedule.hours]
    .sort((a, b) => hhmmToMinute(a.from) - hhmmToMinute(b.from))
    .map((h) => `${h.from}–${h.to}`)
    .join('、');
  return `${days} ${hours}`;
}

function monthDay(day: DayString, withYear: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

/**
 * `12月25日–1月3日` (years shown when the two ends are in different years, e.g.
 * `2026年12月25日–2027年1月3日`); `1月3日截止`, `12月25日起`; '' for an open-ended pack. The end
 * shown is the last day open (`endAt` is exclusive).
 */
export function dateWindowText(pack: Pick<BenefitPackDoc, 'startAt' | 'endAt'>): string {
  const first = pack.startAt === null ? null : dayOf(pack.startAt);
  const last = pack.endAt === null ? null : dayOf(toMs(pack.endAt) - 1);
  if (first && last) {
    const withYear = first.slice(0, 4) !== last.slice(0, 4);
    return `${monthDay(first, withYear)}–${monthDay(last, withYear)}`;
  }
  if (last) return `${monthDay(last, false)}截止`;
  if (first) return `${monthDay(first, false)}起`;
  return '';
}
