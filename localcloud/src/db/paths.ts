import { isPlainObject } from './values';

/**
 * The values a MongoDB query predicate on a dotted path tests, found the way MongoDB's matcher
 * walks a document (and mingo does not always):
 * - through an array, a field name applies to each element that is a document; elements that are
 *   themselves arrays are not entered (nested arrays are never traversed implicitly);
 * - a numeric part on an array is that position, and also a field of that name in its documents;
 * - a path that ends nowhere contributes nothing (a missing field has no value to test).
 * The leaves come back as they are; an operator decides whether a leaf array also offers its
 * elements (`$mod`, `$type`: yes; `$size`, `$elemMatch`: the array itself).
 */
export function pathLeaves(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  const walk = (value: unknown, i: number): void => {
    if (i === parts.length) {
      out.push(value);
      return;
    }
    const part = parts[i];
    if (Array.isArray(value)) {
      if (/^\d+$/.test(part)) {
        const index = Number(part);
        if (index < value.length) walk(value[index], i + 1);
      }
      for (const element of value) if (isPlainObject(element) && Object.hasOwn(element, part)) walk(element[part], i + 1);
      return;
    }
    if (isPlainObject(value) && Object.hasOwn(value, part)) walk(value[part], i + 1);
  };
  walk(doc, 0);
  return out;
}

/** Leaves plus, for leaf arrays, their elements (one level): what comparison-like operators test. */
export function expandedLeaves(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  for (const leaf of pathLeaves(doc, path)) {
    out.push(leaf);
    if (Array.isArray(leaf)) out.push(...leaf);
  }
  return out;
}
