import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { isPlainObject } from './values';

/**
 * Aggregation expression operators that mingo lacks or computes differently from MongoDB, ported
 * from MongoDB's own definitions (src/mongo/db/exec/expression/evaluate_string.cpp and
 * TimeZone::week): `$week`, `$indexOfCP`, and `$substrBytes` / its old name `$substr`.
 */

class ExpressionError extends Error {}

function bsonTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

function args(obj: Record<string, unknown>, expr: unknown, options: Options, op: string, min: number, max: number): unknown[] {
  const list = Array.isArray(expr) ? expr : [expr];
  if (list.length < min || list.length > max) {
    const wanted = min === max ? `exactly ${min}` : `at least ${min}, and at most ${max}`;
    throw new ExpressionError(`Expression ${op} takes ${wanted} arguments. ${list.length} were passed in.`);
  }
  return evalExpr(obj, list, options) as unknown[];
}

/** MongoDB's Value::coerceToString, for the values localcloud stores. */
function coerceToString(v: unknown, op: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  throw new ExpressionError(`${op}: can't convert from BSON type ${bsonTypeName(v)} to String`);
}

const isContinuationByte = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

export function $substrBytes(obj: Record<string, unknown>, expr: unknown, options: Options): string {
  const op = '$substrBytes';
  const [input, lowerArg, lengthArg] = args(obj, expr, options, op, 3, 3);
  const bytes = Buffer.from(coerceToString(input, op), 'utf8');
  if (typeof lowerArg !== 'number')
    throw new ExpressionError(`${op}:  starting index must be a numeric type (is BSON type ${bsonTypeName(lowerArg)})`);
  if (typeof lengthArg !== 'number')
    throw new ExpressionError(`${op}:  length must be a numeric type (is BSON type ${bsonTypeName(lengthArg)})`);
  const lower = Math.trunc(lowerArg);
  if (lower < 0) throw new ExpressionError(`${op}:  starting index must be non-negative (got: ${lower})`);
  // A negative length means the rest of the string.
  const length = Math.trunc(lengthArg) < 0 ? bytes.length : Math.trunc(lengthArg);
  if (lower < bytes.length && isContinuationByte(bytes[lower])) {
    throw new ExpressionError(`${op}:  Invalid range, starting index is a UTF-8 continuation byte.`);
  }
  if (lower + length < bytes.length && isContinuationByte(bytes[lower + length])) {
    throw new ExpressionError(`${op}:  Invalid range, ending index is in the middle of a UTF-8 character.`);
  }
  if (lower >= bytes.length) return '';
  return bytes.subarray(lower, Math.min(bytes.length, lower + length)).toString('utf8');
}

/** `$substr` is MongoDB's old name for `$substrBytes` (its errors say `$substrBytes`). */
export const $substr = $substrBytes;

function integralNonNegative(v: unknown, op: string, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new ExpressionError(
      `${op}requires an integral ${name}, found a value of type: ${bsonTypeName(v)}, with value: ${JSON.stringify(v)}`,
    );
  }
  if (v < 0) throw new ExpressionError(`${op} requires a nonnegative ${name}, found: ${v}`);
  return v;
}

export function $indexOfCP(obj: Record<string, unknown>, expr: unknown, options: Options): number | null {
  const op = '$indexOfCP';
  const [input, token, startArg, endArg] = args(obj, expr, options, op, 2, 4);
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw new ExpressionError(`${op} requires a string as the first argument, found: ${bsonTypeName(input)}`);
  if (typeof token !== 'string') throw new ExpressionError(`${op} requires a string as the second argument, found: ${bsonTypeName(token)}`);
  const codePoints = [...input];
  const start = Array.isArray(expr) && expr.length > 2 ? integralNonNegative(startArg, op, 'starting index') : 0;
  const end =
    Array.isArray(expr) && expr.length > 3
      ? Math.min(codePoints.length, integralNonNegative(endArg, op, 'ending index'))
      : codePoints.length;
  if (end < start) return -1;
  if (start === 0 && input === '' && token === '') return 0;
  const tokenPoints = [...token];
  for (let i = start; i < end; i++) {
    // The token may run past `end` (MongoDB only bounds where a match starts).
    if (tokenPoints.every((cp, j) => codePoints[i + j] === cp)) return i;
  }
  return -1;
}

/** Calendar fields of an instant in a MongoDB `timezone` (Olson name or ±HH[:MM] offset; default UTC). */
function calendar(date: Date, timezone: unknown): { year: number; month: number; day: number; weekday: number } {
  if (timezone === undefined || timezone === null) {
    return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), weekday: date.getUTCDay() };
  }
  if (typeof timezone !== 'string') throw new ExpressionError(`timezone must evaluate to a string, found ${bsonTypeName(timezone)}`);
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1);
    return calendar(new Date(date.getTime() + minutes * 60_000), undefined);
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
    }).formatToParts(date);
  } catch {
    throw new ExpressionError(`unrecognized time zone identifier: "${timezone}"`);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')) - 1, day: Number(get('day')), weekday };
}

/**
 * MongoDB's week of the year: 0 for the days before the year's first Sunday, then 1–53, weeks
 * starting on Sunday (TimeZone::week: (dayOfYear − dayOfWeek + 7) / 7, Sunday = 1).
 */
export function $week(obj: Record<string, unknown>, expr: unknown, options: Options): number | null {
  const spec = isPlainObject(expr) && 'date' in expr ? expr : { date: expr };
  const value = evalExpr(obj, spec.date, options);
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date)) throw new ExpressionError(`can't convert from BSON type ${bsonTypeName(value)} to Date`);
  const timezone = spec.timezone === undefined ? undefined : evalExpr(obj, spec.timezone, options);
  const { year, month, day, weekday } = calendar(value, timezone);
  const dayOfYear = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return Math.floor((dayOfYear - (weekday + 1) + 7) / 7);
}
