import { randomBytes } from 'node:crypto';
import { BSONRegExp, Double, Int32, Long, ObjectId } from 'bson';

/** A stored document: `_id` plus anything EJSON can carry. */
export type Doc = { _id: DocId; [field: string]: unknown };
export type DocId = string | number | ObjectId;
/** A Map key for an `_id`: strings and numbers stay distinct, ObjectIds become tagged strings. */
export type IdKey = string | number;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || value instanceof ObjectId;
}

export function idKey(id: DocId): IdKey {
  return id instanceof ObjectId ? `\u0000oid:${id.toHexString()}` : id;
}

/** CloudBase `_id`s are 32 lowercase hex characters. */
export function generateId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Deep copy of a document value. Dates and RegExps are copied; BSON value objects (ObjectId,
 * Decimal128, Binary…) are immutable and shared.
 */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue) as unknown as T;
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as unknown as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneValue(value[key]);
  return out as T;
}

const JS_REGEXP_FLAGS = new Set(['i', 'm', 's', 'u']);

/**
 * Turns what `EJSON.parse(…, {relaxed: true})` produced into plain JS values mingo understands
 * (BSONRegExp → RegExp, leftover numeric wrappers → number) and resolves the SDK's
 * `{$tcb_server_date: {offset}}` placeholders against `now`. Mutates and returns its input.
 */
export function reviveValue(value: unknown, now: () => number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveValue(value[i], now);
    return value;
  }
  if (value instanceof BSONRegExp) {
    const flags = [...value.options].filter((f) => JS_REGEXP_FLAGS.has(f)).join('');
    return new RegExp(value.pattern, flags);
  }
  if (value instanceof Int32 || value instanceof Double) return value.valueOf();
  if (value instanceof Long) return value.toNumber();
  if (!isPlainObject(value)) return value;
  const serverDate = value.$tcb_server_date;
  if (serverDate !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(serverDate) && typeof serverDate.offset === 'number' ? serverDate.offset : 0;
    return new Date(now() + offset);
  }
  for (const key of Object.keys(value)) value[key] = reviveValue(value[key], now);
  return value;
}

/** Reads a dotted path (`a.b.0.c`) the way MongoDB does for plain paths without arrays fan-out. */
export function getPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
