import type { z } from 'zod';
import { checkinInputs, type CheckinOutputs } from './checkin';
import { eventInputs, type EventOutputs } from './event';
import { inviteInputs, type InviteOutputs } from './invite';
import { memberInputs, type MemberOutputs } from './member';
import { opsInputs, type OpsOutputs } from './ops';
import { redeemInputs, type RedeemOutputs } from './redeem';
import { teamInputs, type TeamOutputs } from './team';

/**
 * The typed API between the client and the cloud functions: for every function and action,
 * the input schema (checked at the function entry before anything else happens, and usable
 * by the client before sending) and the type of `data` in a successful answer.
 *
 *   const data = await callFunction('redeem', 'list', {});   // data: RedeemListData
 */
export const INPUT_SCHEMAS = {
  member: memberInputs,
  checkin: checkinInputs,
  redeem: redeemInputs,
  invite: inviteInputs,
  ops: opsInputs,
  team: teamInputs,
  event: eventInputs,
} as const;

export interface ApiOutputs {
  member: MemberOutputs;
  checkin: CheckinOutputs;
  redeem: RedeemOutputs;
  invite: InviteOutputs;
  ops: OpsOutputs;
  team: TeamOutputs;
  event: EventOutputs;
}

export type FunctionName = keyof typeof INPUT_SCHEMAS;
export type ActionName<F extends FunctionName> = keyof (typeof INPUT_SCHEMAS)[F] & string;

type SchemaOf<F extends FunctionName, A extends ActionName<F>> = (typeof INPUT_SCHEMAS)[F][A] extends z.ZodTypeAny
  ? (typeof INPUT_SCHEMAS)[F][A]
  : never;

/** What the client sends (before normalisation, e.g. a voucher code typed with dashes). */
export type ApiInput<F extends FunctionName, A extends ActionName<F>> = z.input<SchemaOf<F, A>>;
/** What the function works with after validation. */
export type ApiParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<SchemaOf<F, A>>;
/** `data` of a successful answer. */
export type ApiOutput<F extends FunctionName, A extends ActionName<F>> = A extends keyof ApiOutputs[F] ? ApiOutputs[F][A] : never;

/** Compile-time proof that inputs and outputs list the same actions, both ways. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const actionsMatch: { [F in FunctionName]: SameKeys<(typeof INPUT_SCHEMAS)[F], ApiOutputs[F]> } = {
  member: true,
  checkin: true,
  redeem: true,
  invite: true,
  ops: true,
  team: true,
  event: true,
};
void actionsMatch;

export function isFunctionName(value: unknown): value is FunctionName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(INPUT_SCHEMAS, value);
}

export function isActionOf<F extends FunctionName>(fn: F, action: unknown): action is ActionName<F> {
  return typeof action === 'string' && Object.prototype.hasOwnProperty.call(INPUT_SCHEMAS[fn], action);
}

export function inputSchema<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A): SchemaOf<F, A> {
  return INPUT_SCHEMAS[fn][action] as SchemaOf<F, A>;
}

/**
 * Splits a cloud function event into its action and payload. WeChat adds `userInfo`
 * (`{appId, openId}`) to every event from a client, so it is dropped here — never used for
 * identity (that is `getWXContext()`), never allowed into the strict payload check. Anything
 * else extra (a forged `openid`) stays in the payload and is refused by the schema.
 */
export function splitEvent(event: unknown): { action: unknown; payload: Record<string, unknown> } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { action: undefined, payload: {} };
  const { action, userInfo: _userInfo, ...payload } = event as Record<string, unknown>;
  void _userInfo;
  return { action, payload };
}

export type ParsedInput<F extends FunctionName, A extends ActionName<F>> =
  { ok: true; data: ApiParsedInput<F, A> } | { ok: false; fields: string[] };

/**
 * Validates a payload. On failure, only the offending field paths come back (safe to return
 * as `INVALID_INPUT` details: no values are echoed).
 */
export function parseInput<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, payload: unknown): ParsedInput<F, A> {
  const result = inputSchema(fn, action).safeParse(payload);
  if (result.success) return { ok: true, data: result.data as ApiParsedInput<F, A> };
  const fields = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.')],
  );
  // Keys are clipped: an unknown key may itself be a 1 MB string.
  return { ok: false, fields: [...new Set(fields.map((f) => f.slice(0, 64)))].slice(0, 10) };
}
