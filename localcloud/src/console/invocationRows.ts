import { summarizeInvocation, type Invocation } from '../functions/invocations';
import type { InvocationRow } from './protocol';

/**
 * Recent function invocations as the console lists them. The result code is read the way WeChat
 * projects usually answer: a non-zero `errCode`, an `error.code` or a `code` string; otherwise
 * `OK`. A call that threw or timed out has the cloud's own code.
 */

function codeOfAnswer(json: string | undefined): string | null {
  if (json === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'OK';
  const answer = value as { errCode?: unknown; error?: unknown; code?: unknown };
  if (typeof answer.errCode === 'number' && answer.errCode !== 0) return String(answer.errCode);
  if (typeof answer.error === 'object' && answer.error !== null) {
    const code = (answer.error as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  if (typeof answer.code === 'string' && answer.code) return answer.code;
  return 'OK';
}

function codeOf(invocation: Invocation): string | null {
  switch (invocation.status) {
    case 'running':
      return null;
    case 'timeout':
      return 'FUNCTIONS_TIME_LIMIT_EXCEEDED';
    case 'error':
      return 'FUNCTIONS_EXECUTE_FAIL';
    case 'ok':
      return codeOfAnswer(invocation.result) ?? 'OK';
  }
}

export function invocationRow(invocation: Invocation): InvocationRow {
  return {
    ...summarizeInvocation(invocation),
    action: invocation.action ?? null,
    code: codeOf(invocation),
    error: invocation.error ?? null,
    stack: invocation.stack ?? null,
    output: invocation.output?.join('') ?? '',
    result: invocation.result ?? null,
  };
}
