import { ERROR_MESSAGES, isErrorCode, type ErrorCode } from '@shared/errors';
import { isEnvelope } from '@shared/envelope';
import type { ActionName, ApiInput, ApiOutput, FunctionName } from '@shared/contracts/api';
import { transport } from './transport';

/** A failed call, with the stable code to branch on and the Chinese message to show. */
export class CloudCallError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode | 'NETWORK', message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CloudCallError';
    this.code = code;
    this.details = details;
  }
}

export const NETWORK_MESSAGE = '网络不太顺畅，请检查网络后重试';

export function initCloud(): void {
  transport.init();
}

/**
 * The one way the client calls a cloud function: sends `{action, ...input}` and turns the
 * envelope into data or a thrown `CloudCallError`.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ApiInput<F, A>,
): Promise<ApiOutput<F, A>> {
  let answer: unknown;
  try {
    answer = await transport.call(name, { ...(input as object), action });
  } catch {
    throw new CloudCallError('NETWORK', NETWORK_MESSAGE);
  }
  if (!isEnvelope(answer)) throw new CloudCallError('INTERNAL', ERROR_MESSAGES.INTERNAL);
  // The function's contract (shared/contracts) fixes the shape of `data` for this action.
  if (answer.ok) return answer.data as ApiOutput<F, A>;
  const { code, message, details } = answer.error;
  // A platform failure (a crashed or timed-out function) carries a raw exception text: never show it.
  if (!isErrorCode(code)) throw new CloudCallError('INTERNAL', ERROR_MESSAGES.INTERNAL);
  throw new CloudCallError(code, message || ERROR_MESSAGES[code], details);
}
