import { EJSON } from 'bson';
import { CloudError, ErrorCodes, errorMessage } from '../errors';
import { jsonNestingDepth, MAX_REQUEST_DEPTH } from '../http/json';
import { reviveValue, type Doc } from './values';

/**
 * Extended JSON in and out. The SDK (bson 4) sends canonical EJSON strings and parses whatever we
 * answer with `EJSON.parse`, so relaxed EJSON from bson 6 is understood on its side.
 */

/** Parses an EJSON parameter of a request; malformed or too deeply nested text is INVALID_PARAM. */
export function parseEJSON(text: string, now: () => number): unknown {
  const depth = jsonNestingDepth(text);
  if (depth > MAX_REQUEST_DEPTH) {
    throw new CloudError(ErrorCodes.INVALID_PARAM, `EJSON nested ${depth} levels deep; at most ${MAX_REQUEST_DEPTH} are accepted`);
  }
  // Every db.serverDate() of one parameter (a document, an update) is the same instant, as on the server.
  let at: number | undefined;
  const requestNow = (): number => (at ??= now());
  try {
    return reviveValue(EJSON.parse(text, { relaxed: true }), requestNow);
  } catch (err) {
    throw new CloudError(ErrorCodes.INVALID_PARAM, `not valid EJSON: ${errorMessage(err)}`);
  }
}

export function stringifyEJSON(value: unknown): string {
  return EJSON.stringify(value, { relaxed: true });
}

/**
 * Stored documents are immutable (every write replaces the object), so each one's EJSON text is
 * computed at most once.
 */
const docText = new WeakMap<object, string>();

export function docToEJSON(doc: Doc | Record<string, unknown>): string {
  let text = docText.get(doc);
  if (text === undefined) {
    text = EJSON.stringify(doc, { relaxed: true });
    docText.set(doc, text);
  }
  return text;
}
