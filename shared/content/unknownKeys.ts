import { z } from 'zod';

/**
 * Keys a document carries that its schema does not know. Zod silently strips them, which is
 * right at runtime (the console adds `_openid`; old fields linger) but hides ops typos such as
 * `treshold`: the validator reports them as warnings, with the nearest known key.
 */
export interface UnknownKey {
  path: Array<string | number>;
  key: string;
  suggestion: string | null;
}

/** Keys the database or the console add by themselves. */
const SYSTEM_KEYS = new Set(['_openid', 'createdAt', 'updatedAt', 'updatedBy']);

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let t = schema;
  for (;;) {
    if (t instanceof z.ZodEffects) t = t.innerType();
    else if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap();
    else if (t instanceof z.ZodDefault) t = t._def.innerType;
    else if (t instanceof z.ZodPipeline) t = t._def.in;
    else return t;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Edit distance, for "did you mean" (keys are short, so the quadratic table is fine). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

function nearest(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) + 1 ? best : null;
}

export function unknownKeys(schema: z.ZodTypeAny, value: unknown, path: Array<string | number> = []): UnknownKey[] {
  const t = unwrap(schema);
  const out: UnknownKey[] = [];
  if (t instanceof z.ZodObject && isPlainObject(value)) {
    const shape = t.shape as Record<string, z.ZodTypeAny>;
    const known = Object.keys(shape);
    for (const key of Object.keys(value)) {
      if (Object.prototype.hasOwnProperty.call(shape, key)) out.push(...unknownKeys(shape[key], value[key], [...path, key]));
      else if (!(path.length === 0 && SYSTEM_KEYS.has(key))) out.push({ path, key, suggestion: nearest(key, known) });
    }
  } else if (t instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((item, i) => out.push(...unknownKeys(t.element as z.ZodTypeAny, item, [...path, i])));
  }
  return out;
}
