import { z, type ZodType, type ZodTypeDef, type ZodError } from 'zod';
import { inputSchema, splitEvent, type ActionName, type ApiOutput, type ApiParsedInput, type FunctionName } from '@shared/contracts/api';
import { AppError } from '@shared/errors';
import { failure, failureFromError, success, type Envelope } from '@shared/envelope';

/** Who is calling: always the OPENID from `cloud.getWXContext()`, never a field of the event. */
export interface Caller {
  openid: string;
  appid: string;
}

export interface Action<I, O, C extends Caller = Caller> {
  input: ZodType<I, ZodTypeDef, unknown>;
  run(input: I, caller: C): Promise<O>;
}

/** Declares one action with its input schema, keeping input and output types linked. */
export function action<I, O, C extends Caller = Caller>(
  input: ZodType<I, ZodTypeDef, unknown>,
  run: (input: I, caller: C) => Promise<O>,
): Action<I, O, C> {
  return { input, run };
}

/**
 * Declares an action of the client ↔ function API: the input schema is the contract's
 * (`shared/contracts`, the same one the client validates with) and the answer must have the
 * contract's type.
 */
export function contractAction<F extends FunctionName, A extends ActionName<F>, C extends Caller = Caller>(
  fn: F,
  name: A,
  run: (input: ApiParsedInput<F, A>, caller: C) => Promise<ApiOutput<F, A>>,
): Action<ApiParsedInput<F, A>, ApiOutput<F, A>, C> {
  return { input: inputSchema(fn, name) as unknown as ZodType<ApiParsedInput<F, A>, ZodTypeDef, unknown>, run };
}

// Actions of one function have different input types; the router only needs them as a family.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable<C extends Caller = Caller> = Record<string, Action<any, unknown, C>>;

/** The full action table of a contract function: every action the contract lists, typed by it. */
export type ContractActions<F extends FunctionName, C extends Caller = Caller> = {
  [A in ActionName<F>]: Action<ApiParsedInput<F, A>, ApiOutput<F, A>, C>;
};

export interface EntryOptions<C extends Caller = Caller> {
  /** Reads the caller's identity; the SDK's `getWXContext` in production. */
  identify(): { OPENID?: string | number; APPID?: string | number };
  /**
   * Builds what every action of the function needs once the input is valid and the caller known
   * (e.g. the member record, created on a member's first call). Runs after validation, so bad
   * input never reaches the database.
   */
  prepare?(caller: Caller, action: string): Promise<C>;
  /** Where unexpected errors are reported (never to the member). */
  log?(message: string, err: unknown): void;
}

/** Offending field paths only (no values echoed), clipped: an unknown key may be a 1 MB string. */
function invalidFields(error: ZodError): string[] {
  const fields = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.') || '(root)'],
  );
  return [...new Set(fields.map((f) => f.slice(0, 64)))].slice(0, 10);
}

/**
 * The one entry of every cloud function: routes `event.action`, validates input against the
 * action's schema before anything else runs, resolves the caller, prepares the request context,
 * and maps every outcome to the envelope. Unknown actions and bad input are INVALID_INPUT;
 * unexpected errors become INTERNAL without their message.
 */
export function createEntry<C extends Caller = Caller>(functionName: string, actions: ActionTable<C>, options: EntryOptions<C>) {
  const log = options.log ?? ((message: string, err: unknown) => console.error(message, err));
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (typeof event !== 'object' || event === null || Array.isArray(event)) return failure('INVALID_INPUT');
      const { action: name, payload } = splitEvent(event);
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
        return failure('INVALID_INPUT', '不支持的操作');
      }
      const handler = actions[name];
      const parsed = handler.input.safeParse(payload);
      if (!parsed.success) return failure('INVALID_INPUT', undefined, { fields: invalidFields(parsed.error) });
      const ctx = options.identify();
      const openid = ctx.OPENID === undefined ? '' : String(ctx.OPENID);
      if (!openid) throw new AppError('UNAUTHENTICATED');
      const caller: Caller = { openid, appid: ctx.APPID === undefined ? '' : String(ctx.APPID) };
      const prepared = options.prepare ? await options.prepare(caller, name) : (caller as C);
      const data = await handler.run(parsed.data, prepared);
      return success(data);
    } catch (err) {
      if (!(err instanceof AppError)) log(`[${functionName}] unexpected error`, err);
      return failureFromError(err);
    }
  };
}

/** The event CloudBase passes to a function run by its timer trigger. */
export const timerEventSchema = z
  .object({
    Type: z.literal('Timer'),
    TriggerName: z.string().min(1).max(60),
    Time: z.string().max(64),
    Message: z.string().max(4096).optional(),
  })
  .passthrough();

export type TimerEvent = z.infer<typeof timerEventSchema>;

export interface TimerEntryOptions<R> {
  /** Reads the invocation's identity; the SDK's `getWXContext` in production. */
  identify(): { OPENID?: string | number; UNIONID?: string | number };
  run(event: TimerEvent): Promise<R>;
  log?(message: string, err: unknown): void;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && String(value) !== '';
}

/**
 * The entry of a function only its timer trigger may run (`jobs`). A timer invocation carries no
 * member identity; anything that does — a member's call from the mini-program, or another
 * function calling on a member's behalf — is refused with FORBIDDEN before anything runs, and so
 * is a call whose identity cannot be read (fail closed). The event must be a timer event.
 */
export function createTimerEntry<R>(functionName: string, options: TimerEntryOptions<R>) {
  const log = options.log ?? ((message: string, err: unknown) => console.error(message, err));
  return async function main(event: unknown): Promise<Envelope<R>> {
    try {
      let identity: { OPENID?: string | number; UNIONID?: string | number };
      try {
        identity = options.identify();
      } catch (err) {
        log(`[${functionName}] identity unreadable: refused`, err);
        return failure('FORBIDDEN');
      }
      if (typeof identity !== 'object' || identity === null || present(identity.OPENID) || present(identity.UNIONID)) {
        return failure('FORBIDDEN');
      }
      const parsed = timerEventSchema.safeParse(event);
      if (!parsed.success) return failure('INVALID_INPUT');
      return success(await options.run(parsed.data));
    } catch (err) {
      if (!(err instanceof AppError)) log(`[${functionName}] unexpected error`, err);
      return failureFromError(err);
    }
  };
}
