import { AppError, ERROR_MESSAGES, type ErrorCode } from './errors';

/** What every cloud function answers: a success with data, or a failure with a stable code. */
export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function success<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function failure(code: ErrorCode, message?: string, details?: Record<string, unknown>): Envelope<never> {
  const error: AppErrorBody = { code, message: message ?? ERROR_MESSAGES[code] };
  if (details) error.details = details;
  return { ok: false, error };
}

/**
 * Maps anything thrown to a failure envelope. Only `AppError`s reach the member with their
 * own message; anything else is an `INTERNAL` with the fixed message (never a stack or a raw
 * `err.message`, which may leak internals).
 */
export function failureFromError(err: unknown): Envelope<never> {
  if (err instanceof AppError) return failure(err.code, err.message, err.details);
  return failure('INTERNAL');
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok === false) {
    const e = v.error as { code?: unknown; message?: unknown } | undefined;
    return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}
