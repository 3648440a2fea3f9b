import { z } from 'zod';
import { CONTENT_ID_RE, OPENID_RE } from '../content/ids';
import { INVITE_CODE_RE, VOUCHER_CODE_RE, normalizeCode } from '../domain/codes';
import { MEMBER_CODE_RE, normalizeMemberCode } from '../domain/memberCode';

/**
 * Input building blocks shared by every action. This module (and everything under
 * `shared/contracts/`) imports zod and dependency-free modules only: the client bundles it.
 * Every string is bounded, every number an integer in range, every object strict — so a
 * 1 MB string, `{"$gt": ""}` or an extra `openid` key is refused before any code runs.
 */

/** Client-generated idempotency key of a redeem or adjust (e.g. a UUID without braces). */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const contentIdSchema = z.string().regex(CONTENT_ID_RE);

export const openidSchema = z.string().regex(OPENID_RE);

/** A code a person typed: normalised (upper case, no spaces/dashes) and then checked. */
function typedCode(re: RegExp) {
  return z.string().max(40).transform(normalizeCode).pipe(z.string().regex(re));
}

export const voucherCodeSchema = typedCode(VOUCHER_CODE_RE);
export const inviteCodeSchema = typedCode(INVITE_CODE_RE);
/** A member code as scanned or typed (18 digits; spaces and dashes accepted). */
export const memberCodeSchema = z.string().max(40).transform(normalizeMemberCode).pipe(z.string().regex(MEMBER_CODE_RE));

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Days in a month without any date library (the Gregorian rule). */
function monthLength(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  return m !== null && Number(m[3]) <= monthLength(Number(m[1]), Number(m[2]));
}

/** Day number since 1970-01-01 of a valid `YYYY-MM-DD` (UTC arithmetic only, no TZ). */
export function dayNumber(value: string): number {
  return Math.round(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / 86_400_000);
}

export const monthSchema = z.string().regex(MONTH_RE);
export const daySchema = z.string().max(10).refine(isValidDay, { message: 'invalid day' });

/** Page size of paged lists. */
export const limitSchema = z.number().int().min(1).max(50);

/**
 * Cursor of a newest-first list: `<createdAt ms>.<_id>` of the last item shown (the functions
 * page on `(createdAt, _id)`). Readable rather than opaque — nothing in it is secret.
 */
export const cursorSchema = z.string().regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,128}$/);

export function encodeCursor(createdAtMs: number, id: string): string {
  return `${createdAtMs}.${id}`;
}

export function decodeCursor(cursor: string): { createdAtMs: number; id: string } | null {
  const parsed = cursorSchema.safeParse(cursor);
  if (!parsed.success) return null;
  const dot = cursor.indexOf('.');
  return { createdAtMs: Number(cursor.slice(0, dot)), id: cursor.slice(dot + 1) };
}

/** An action that takes no input: only `{}` is accepted (`splitEvent` always yields an object). */
export const emptyInput = z.object({}).strict();

export type Empty = Record<string, never>;

/** Balance after a change, as actions report it. */
export interface BalanceView {
  points: number;
  growth: number;
}
