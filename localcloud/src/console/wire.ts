import { EJSON } from 'bson';
import { parseEJSON } from '../db/ejson';
import { isDocId, isPlainObject, reviveValue, type DocId } from '../db/values';
import { HttpError } from '../http/respond';
import type { JsonValue } from './protocol';

/**
 * Documents, filters and ids between the console page and the database: relaxed Extended JSON,
 * as the SDK and the cloud console write it. Anything unreadable is a 400 with a message that
 * says where, never an exception escaping to the server.
 */

export function toWire(value: unknown): JsonValue {
  return EJSON.serialize(value, { relaxed: true }) as JsonValue;
}

function findInvalidDate(value: unknown, path: string): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalidDate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = findInvalidDate(inner, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** Parses Extended JSON text from the page; `what` names it in messages (文档 document, 查询 filter…). */
export function parseWireText(text: string, what: { zh: string; en: string }, now: () => number): unknown {
  let value: unknown;
  try {
    value = parseEJSON(text, now);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new HttpError(400, 'INVALID_JSON', `${what.zh}不是合法的 JSON / the ${what.en} is not valid JSON: ${detail}`);
  }
  const badDate = findInvalidDate(value, '');
  if (badDate)
    throw new HttpError(400, 'INVALID_JSON', `${what.zh}中 ${badDate} 的日期无法识别 / unreadable date at ${badDate} in the ${what.en}`);
  return value;
}

export function parseWireObject(text: string, what: { zh: string; en: string }, now: () => number): Record<string, unknown> {
  const value = parseWireText(text, what, now);
  if (!isPlainObject(value))
    throw new HttpError(400, 'INVALID_JSON', `${what.zh}必须是一个 JSON 对象 {…} / the ${what.en} must be a JSON object {…}`);
  return value;
}

/** An `_id` sent by the page as Extended JSON (a string, a number or `{"$oid": …}`). */
export function parseWireId(value: unknown): DocId {
  let id: unknown = value;
  try {
    id = reviveValue(EJSON.deserialize({ id: value }, { relaxed: true }).id, Date.now);
  } catch {
    // Reported below as not an _id.
  }
  if (!isDocId(id))
    throw new HttpError(400, 'INVALID_ID', '_id 必须是字符串、数字或 ObjectId / _id must be a string, a number or an ObjectId');
  return id;
}

/** An `_id` as the validator names documents: the string itself, or its Extended JSON. */
export function idText(id: unknown): string {
  return typeof id === 'string' ? id : EJSON.stringify(id, { relaxed: true });
}
