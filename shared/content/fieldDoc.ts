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

/**
 * Field docs keyed by dotted path without array indices, e.g. `checkin.streakBonuses.days`. A `*`
 * segment documents the same field under every key of a map (`subscribe.*.templateId`).
 */
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

/** The doc of a field: its own key, else a key with one segment written `*`. */
export function docFor(docs: FieldDocs, path: ReadonlyArray<string | number>): FieldDoc | undefined {
  const key = docKey(path);
  if (docs[key]) return docs[key];
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    const wild = [...parts.slice(0, i), '*', ...parts.slice(i + 1)].join('.');
    if (docs[wild]) return docs[wild];
  }
  return undefined;
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
