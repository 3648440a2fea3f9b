import { Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';
import type { Options } from 'mingo/types';
import { Query } from 'mingo/query';
import { expandedLeaves, pathLeaves } from './paths';
import { isPlainObject } from './values';

/**
 * Query operators whose matching through arrays mingo gets wrong, rewritten on MongoDB's path
 * walk (paths.ts): `$exists`, `$size`, `$mod`, `$type` and `$elemMatch`. For example
 * `{'items.sku': {$exists: true}}` must not see into `items: [[{sku: 1}]]` (a nested array), and
 * `{'items.qty': {$mod: [2, 0]}}` must test the elements of `items: [{qty: [7, 8]}]`.
 */

type Predicate = (doc: Record<string, unknown>) => boolean;

class QueryError extends Error {}

export function $exists(selector: string, value: unknown): Predicate {
  const wanted = Boolean(value);
  return (doc) => pathLeaves(doc, selector).length > 0 === wanted;
}

export function $size(selector: string, value: unknown): Predicate {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new QueryError(`$size needs a whole number, got ${JSON.stringify(value)}`);
  if (value < 0) throw new QueryError('$size may not be negative');
  return (doc) => pathLeaves(doc, selector).some((leaf) => Array.isArray(leaf) && leaf.length === value);
}

export function $mod(selector: string, value: unknown): Predicate {
  if (!Array.isArray(value) || value.length < 2) throw new QueryError('malformed mod, not enough elements');
  if (value.length > 2) throw new QueryError('malformed mod, too many elements');
  const [divisor, remainder] = value.map((v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new QueryError('malformed mod, divisor and remainder must be numbers');
    return Math.trunc(v); // MongoDB truncates toward zero
  });
  if (divisor === 0) throw new QueryError('divisor cannot be 0');
  const matches = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.trunc(v) % divisor === remainder;
  return (doc) => expandedLeaves(doc, selector).some(matches);
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const isInt32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;

/**
 * BSON types by alias and number. Numbers arrive as plain JS numbers, so an integral value in the
 * 32-bit range is an `int` (what the SDK's EJSON sends for it), other numbers `double`.
 */
const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !isInt32(v),
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  binData: (v) => v instanceof Binary,
  undefined: (v) => v === undefined,
  objectId: (v) => v instanceof ObjectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
  int: isInt32,
  timestamp: (v) => v instanceof Timestamp,
  long: (v) => v instanceof Long,
  decimal: (v) => v instanceof Decimal128,
  number: (v) => typeof v === 'number' || v instanceof Long || v instanceof Decimal128,
};
const TYPE_NUMBERS: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
};

/** Whether a value itself is of one of the BSON types named (aliases or numbers). */
export function bsonTypeTest(types: unknown): (value: unknown) => boolean {
  const tests = (Array.isArray(types) ? types : [types]).map((t: unknown) => {
    const name = typeof t === 'number' ? TYPE_NUMBERS[t] : t;
    const test = typeof name === 'string' && Object.hasOwn(TYPE_TESTS, name) ? TYPE_TESTS[name] : undefined;
    if (!test) throw new QueryError(`unknown type name alias: ${JSON.stringify(t)}`);
    return test;
  });
  return (value) => tests.some((test) => test(value));
}

export function $type(selector: string, value: unknown): Predicate {
  const test = bsonTypeTest(value);
  return (doc) => expandedLeaves(doc, selector).some(test);
}

/**
 * `{$elemMatch: {qty: {$gt: 5}}}` (fields: each element must be a document) or
 * `{$elemMatch: {$gt: 5}}` (operators only: applied to each element's value).
 */
export function $elemMatch(selector: string, value: unknown, options: Options): Predicate {
  if (!isPlainObject(value)) throw new QueryError('$elemMatch needs an Object');
  const keys = Object.keys(value);
  const onValues = keys.length > 0 && keys.every((k) => k.startsWith('$') && k !== '$and' && k !== '$or' && k !== '$nor');
  let matches: (element: unknown) => boolean;
  if (keys.length === 0) {
    matches = isPlainObject;
  } else if (onValues) {
    const query = new Query({ value }, options);
    matches = (element) => query.test({ value: element });
  } else {
    const query = new Query(value, options);
    matches = (element) => isPlainObject(element) && query.test(element);
  }
  return (doc) => pathLeaves(doc, selector).some((leaf) => Array.isArray(leaf) && leaf.some(matches));
}
