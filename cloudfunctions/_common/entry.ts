import type { ZodType } from 'zod';
import { AppError } from '@shared/errors';
import { failure, failureFromError, success, type Envelope } from '@shared/envelope';

/** Who is calling: always the OPENID from `cloud.getWXContext()`, never a field of the event. */
export interface Caller {
  openid: string;
  appid: string;
}

export interface Action<I, O> {
  input: ZodType<I>;
  run(input: I, caller: Caller): Promise<O>;
}

/** Declares one action with its input schema, keeping input and output types linked. */
export function action<I, O>(input: ZodType<I>, run: (input: I, caller: Caller) => Promise<O>): Action<I, O> {
  return { input, run };
}

// Actions of one function have different input types; the router only needs them as a family.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, Action<any, unknown>>;

/** Keys the platform adds to every event; they are not part of any action's input. */
const PLATFORM_KEYS = new Set(['action', 'userInfo']);

function inputOf(event: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (!PLATFORM_KEYS.has(key)) input[key] = value;
  return input;
}

export interface EntryOptions {
  /** Reads the caller's identity; the SDK's `getWXContext` in production. */
  identify(): { OPENID?: string | number; APPID?: string | number };
  /** Where unexpected errors are reported (never to the member). */
  log?(message: string, err: unknown): void;
}

/**
 * The one entry of every cloud function: routes `event.action`, validates input against the
 * action's schema before anything else runs, resolves the caller, and maps every outcome to
 * the envelope. Unexpected errors become `INTERNAL` without their message.
 */
export function createEntry(functionName: string, actions: ActionTable, options: EntryOptions) {
  const log = options.log ?? ((message: string, err: unknown) => console.error(message, err));
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return failure('INVALID_INPUT');
      const record = event as Record<string, unknown>;
      const name = record.action;
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
        return failure('INVALID_INPUT', '不支持的操作');
      }
      const handler = actions[name];
      const parsed = handler.input.safeParse(inputOf(record));
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
        return failure('INVALID_INPUT', undefined, { fields: [...new Set(fields)].slice(0, 10) });
      }
      const ctx = options.identify();
      const openid = ctx.OPENID === undefined ? '' : String(ctx.OPENID);
      if (!openid) throw new AppError('UNAUTHENTICATED');
      const data = await handler.run(parsed.data, { openid, appid: ctx.APPID === undefined ? '' : String(ctx.APPID) });
      return success(data);
    } catch (err) {
      if (!(err instanceof AppError)) log(`[${functionName}] unexpected error`, err);
      return failureFromError(err);
    }
  };
}
