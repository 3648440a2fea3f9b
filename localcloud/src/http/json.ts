/**
 * JSON from requests, bounded in nesting depth before it is parsed. Deeply nested input is cheap to
 * send (20,000 `[` are 20 KB) and expensive to handle: JSON.stringify, structured clone (worker
 * postMessage) and EJSON all recurse and overflow the stack on it. Measuring the depth with a flat
 * scan first means nothing recursive ever sees such a value.
 */

/** Events, control bodies and admin requests: far deeper than any real payload needs. */
export const MAX_REQUEST_DEPTH = 256;

export class JsonInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonInputError';
  }
}

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings ignored). */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Parses JSON text, refusing input nested deeper than `maxDepth` (or not JSON at all). */
export function parseJsonText(text: string, maxDepth = MAX_REQUEST_DEPTH): unknown {
  const depth = jsonNestingDepth(text);
  if (depth > maxDepth) throw new JsonInputError(`JSON nested ${depth} levels deep; at most ${maxDepth} are accepted`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new JsonInputError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The nesting depth of a value already in memory, stopping as soon as it passes `limit`. */
export function valueDepthExceeds(value: unknown, limit: number): boolean {
  // Iterative on purpose: the value may be the very thing that would overflow a recursive walk.
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    const proto: unknown = Object.getPrototypeOf(current);
    // Only arrays and plain objects nest; dates, ObjectIds and buffers are leaves.
    if (!Array.isArray(current) && proto !== Object.prototype && proto !== null) continue;
    const children = Array.isArray(current) ? current : Object.values(current as Record<string, unknown>);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
