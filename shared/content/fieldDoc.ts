import type { z } from 'zod';

/**
 * A field's name and meaning in Chinese and English. One map per collection feeds three
 * things at once: the schema's `.describe()` text, the validator's error messages ("「门槛成长值」
 * 不能小于 0") and the ops README (a test checks every documented field appears there).
 */
export interface FieldDoc {
  name_zh: string;
  name_en: string;
  help_zh: string;
  help_en: string;
}

/** Field docs keyed by dotted path without array indices, e.g. `checkin.streakBonuses.days`. */
export type FieldDocs = Record<string, FieldDoc>;

export function fieldDoc(name_zh: string, name_en: string, help_zh: string, help_en: string): FieldDoc {
  return { name_zh, name_en, help_zh, help_en };
}

/** Attaches the bilingual description to a schema (shown by zod-based tooling and docs). */
export function described<T extends z.ZodTypeAny>(schema: T, doc: FieldDoc): T {
  return schema.describe(`${doc.name_zh}：${doc.help_zh} / ${doc.name_en}: ${doc.help_en}`) as T;
}

/** `['checkin', 'streakBonuses', 0, 'days']` → `checkin.streakBonuses.days` (the docs key). */
export function docKey(path: ReadonlyArray<string | number>): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

/** `['checkin', 'streakBonuses', 0, 'days']` → `checkin.streakBonuses[0].days` (what ops read). */
export function displayPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}
