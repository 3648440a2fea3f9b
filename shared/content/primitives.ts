import { z } from 'zod';
import { CONTENT_ID_RE, OPENID_RE } from './ids';

/** Building blocks of the content schemas; messages are keys of `CUSTOM_MESSAGES`. */

export const contentId = z.string().regex(CONTENT_ID_RE, { message: 'contentId' });

export const openid = z.string().regex(OPENID_RE, { message: 'openid' });

/** Trimmed, non-blank text of bounded length (ops paste text from documents: trim it). */
export function text(max: number) {
  return z.string().max(max).trim().min(1, { message: 'blank' });
}

/** Optional free text; missing becomes ''. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .trim()
    .optional()
    .transform((v) => v ?? '');
}

/** A whole number in [min, max]; floats, NaN, Infinity and numeric strings are refused. */
export function int(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

export const hexColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'hexColor' });
