/**
 * CloudBase's timer-trigger cron: seven fields separated by spaces,
 *   second minute hour day month weekday year
 * with `*`, `,` (list), `-` (range) and `/` (step, `1/10` = from 1 every 10, `*\/5` = every 5).
 * Months are 1–12 or JAN–DEC, weekdays 0–6 or SUN–SAT (0 is Sunday), years 1970–2099. When both
 * day and weekday are restricted (neither is `*`) a day matches if either does ("或" in the docs).
 * Times are evaluated in UTC+8, as CloudBase runs triggers, whatever the host's time zone.
 */

const UTC8_MS = 8 * 3600 * 1000;

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'weekday', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

export class CronError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CronError';
  }
}

function parseValue(text: string, spec: FieldSpec): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named !== -1) return spec.min + named;
  if (!/^\d+$/.test(text)) throw new CronError(`${spec.name} field: "${text}" is not a number${spec.names ? ' or a name' : ''}`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) throw new CronError(`${spec.name} field: ${value} is outside ${spec.min}–${spec.max}`);
  return value;
}

/** The set of values one field allows. */
function parseField(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') throw new CronError(`${spec.name} field: empty list item in "${text}"`);
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined) throw new CronError(`${spec.name} field: "${item}" has more than one "/"`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0)
        throw new CronError(`${spec.name} field: step "${stepText}" must be a positive integer`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [spec.min, spec.max];
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined || a === '' || b === '') throw new CronError(`${spec.name} field: "${range}" is not a range`);
      [from, to] = [parseValue(a, spec), parseValue(b, spec)];
      if (from > to) throw new CronError(`${spec.name} field: range "${range}" runs backwards`);
    } else {
      from = parseValue(range, spec);
      // `a/n` means from a every n up to the field's maximum.
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export interface CronSchedule {
  readonly expression: string;
  /** The first scheduled instant strictly after `afterMs` (epoch ms, whole seconds), or null (past 2099). */
  next(afterMs: number): number | null;
  /** The last scheduled instant at or before `atMs`, or null (before 1970). */
  previous(atMs: number): number | null;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) {
    throw new CronError(`cron "${expression}" has ${parts.length} fields; CloudBase's has 7 (second minute hour day month weekday year)`);
  }
  const [seconds, minutes, hours, days, months, weekdays, years] = parts.map((part, i) => parseField(part, FIELDS[i]));
  const dayRestricted = parts[3] !== '*';
  const weekdayRestricted = parts[5] !== '*';

  const dayMatches = (wall: Date): boolean => {
    const byDay = days.has(wall.getUTCDate());
    const byWeekday = weekdays.has(wall.getUTCDay());
    if (dayRestricted && weekdayRestricted) return byDay || byWeekday;
    return byDay && byWeekday;
  };

  const next = (afterMs: number): number | null => {
    // Work on UTC+8 wall-clock time expressed as a UTC Date (China has no daylight saving time).
    let wall = new Date(Math.floor(afterMs / 1000) * 1000 + 1000 + UTC8_MS);
    for (let guard = 0; guard < 200_000; guard++) {
      const y = wall.getUTCFullYear();
      if (y > 2099) return null;
      if (!years.has(y)) {
        wall = new Date(Date.UTC(y + 1, 0, 1));
        continue;
      }
      const mo = wall.getUTCMonth();
      if (!months.has(mo + 1)) {
        wall = new Date(Date.UTC(y, mo + 1, 1));
        continue;
      }
      const d = wall.getUTCDate();
      if (!dayMatches(wall)) {
        wall = new Date(Date.UTC(y, mo, d + 1));
        continue;
      }
      const h = wall.getUTCHours();
      if (!hours.has(h)) {
        wall = new Date(Date.UTC(y, mo, d, h + 1));
        continue;
      }
      const mi = wall.getUTCMinutes();
      if (!minutes.has(mi)) {
        wall = new Date(Date.UTC(y, mo, d, h, mi + 1));
        continue;
      }
      if (!seconds.has(wall.getUTCSeconds())) {
        wall = new Date(wall.getTime() + 1000);
        continue;
      }
      return wall.getTime() - UTC8_MS;
    }
    return null;
  };

  const previous = (atMs: number): number | null => {
    // The same walk as next(), backwards: each mismatch jumps to the last second of the unit before.
    let wall = new Date(Math.floor(atMs / 1000) * 1000 + UTC8_MS);
    for (let guard = 0; guard < 200_000; guard++) {
      const y = wall.getUTCFullYear();
      if (y < 1970) return null;
      if (!years.has(y)) {
        wall = new Date(Date.UTC(y, 0, 1) - 1000);
        continue;
      }
      const mo = wall.getUTCMonth();
      if (!months.has(mo + 1)) {
        wall = new Date(Date.UTC(y, mo, 1) - 1000);
        continue;
      }
      const d = wall.getUTCDate();
      if (!dayMatches(wall)) {
        wall = new Date(Date.UTC(y, mo, d) - 1000);
        continue;
      }
      const h = wall.getUTCHours();
      if (!hours.has(h)) {
        wall = new Date(Date.UTC(y, mo, d, h) - 1000);
        continue;
      }
      const mi = wall.getUTCMinutes();
      if (!minutes.has(mi)) {
        wall = new Date(Date.UTC(y, mo, d, h, mi) - 1000);
        continue;
      }
      if (!seconds.has(wall.getUTCSeconds())) {
        wall = new Date(wall.getTime() - 1000);
        continue;
      }
      return wall.getTime() - UTC8_MS;
    }
    return null;
  };

  return { expression, next, previous };
}
