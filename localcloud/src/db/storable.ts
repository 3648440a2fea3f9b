import { CloudError, ErrorCodes } from '../errors';
import { isPlainObject } from './values';

/**
 * What MongoDB (and so CloudBase) refuses to store, checked on every document about to be
 * written (insert, set, update result, upsert, seed): a field name starting with `$` at any depth
 * (`$` names are operators) and nesting deeper than 100 levels.
 */

export const MAX_DOCUMENT_DEPTH = 100;

export function checkStorable(doc: Record<string, unknown>): void {
  // Iterative, so that a pathological document cannot overflow the stack here.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: doc, path: '', depth: 1 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) continue;
    if (depth > MAX_DOCUMENT_DEPTH) {
      throw new CloudError(ErrorCodes.REQUEST_FAILED, `cannot insert document because it exceeds ${MAX_DOCUMENT_DEPTH} levels of nesting`);
    }
    const entries: Array<[string, unknown]> = isArray
      ? (value as unknown[]).map((v, i) => [String(i), v])
      : Object.entries(value as object);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isArray && key.startsWith('$')) {
        throw new CloudError(
          ErrorCodes.REQUEST_FAILED,
          `The dollar ($) prefixed field '${key}' in '${childPath}' is not valid for storage.`,
        );
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}
