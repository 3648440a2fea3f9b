import { CloudCallError } from '@/services/cloud/callFunction';
import { ERROR_MESSAGES } from '@shared/errors';

/** Where a page's data is: never asked, on its way, here, or failed. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A failure as a page shows it: the envelope's Chinese message, and the code to branch on. */
export interface LoadError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function toLoadError(err: unknown): LoadError {
  if (err instanceof CloudCallError) return { code: err.code, message: err.message, details: err.details };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}
