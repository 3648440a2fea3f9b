import { isPlainObject } from '../db/values';
import { wxError, type OpenApiResult } from './result';

/**
 * Faults a test sets on openapi calls: WeChat's answer to a call that localcloud cannot produce by
 * itself — a member who refused or used up a subscription (`subscribeMessage.send` → 43101), a
 * system error (-1), a bad page (41030)… A fault names the API, optionally the parameters a call
 * must carry (`match`, compared with the call's own parameter names, e.g. `touser`, `template_id`),
 * the `errcode`/`errmsg` to answer, and how many calls it answers (`times`; without it, every
 * matching call until cleared). The newest matching fault answers; a call answered by a fault does
 * nothing else (no outbox message, no image). Faults live in memory: a restart or a reset clears them.
 */
export interface OpenApiFault {
  id: number;
  api: string;
  match: Record<string, string>;
  errcode: number;
  errmsg: string;
  /** Calls still to answer; null: every matching call. */
  remaining: number | null;
  /** Calls this fault has answered. */
  hits: number;
}

export type OpenApiFaultSpec = Pick<OpenApiFault, 'api' | 'errcode'> & {
  match?: Record<string, string>;
  errmsg?: string;
  times?: number;
};

/** errmsg WeChat writes for the codes tests use most (anything else: "localcloud fault"). */
const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40037: 'invalid template_id',
  41030: 'invalid page',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  47003: 'argument invalid!',
};

export class FaultSpecError extends Error {}

const API_NAME = /^[A-Za-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/;

/** Checks a fault as a test sent it (a control request body, or the JS API's argument). */
export function parseFaultSpec(value: unknown): OpenApiFaultSpec {
  if (!isPlainObject(value)) throw new FaultSpecError('a fault is an object {api, errcode, match?, errmsg?, times?}');
  const { api, errcode, match, errmsg, times } = value;
  if (typeof api !== 'string' || !API_NAME.test(api))
    throw new FaultSpecError('api must name an openapi method, e.g. "subscribeMessage.send"');
  if (typeof errcode !== 'number' || !Number.isInteger(errcode) || errcode === 0)
    throw new FaultSpecError('errcode must be a non-zero integer');
  if (match !== undefined) {
    if (!isPlainObject(match) || Object.values(match).some((v) => typeof v !== 'string'))
      throw new FaultSpecError('match must map parameter names to strings, e.g. {"touser": "o…"}');
  }
  if (errmsg !== undefined && typeof errmsg !== 'string') throw new FaultSpecError('errmsg must be a string');
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1))
    throw new FaultSpecError('times must be a positive integer');
  return { api, errcode, match: match as Record<string, string> | undefined, errmsg, times };
}

export class OpenApiFaults {
  private faults: OpenApiFault[] = [];
  private nextId = 1;

  add(spec: OpenApiFaultSpec): OpenApiFault {
    const fault: OpenApiFault = {
      id: this.nextId++,
      api: spec.api,
      match: { ...(spec.match ?? {}) },
      errcode: spec.errcode,
      errmsg: spec.errmsg ?? DEFAULT_ERRMSG[spec.errcode] ?? 'localcloud fault',
      remaining: spec.times ?? null,
      hits: 0,
    };
    this.faults.push(fault);
    return { ...fault };
  }

  list(): OpenApiFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The answer of the newest fault matching this call (and one use of it), or null. */
  take(api: string, params: Record<string, unknown>): OpenApiResult | null {
    for (let i = this.faults.length - 1; i >= 0; i--) {
      const fault = this.faults[i];
      if (fault.api !== api || fault.remaining === 0) continue;
      if (!Object.entries(fault.match).every(([key, value]) => params[key] === value)) continue;
      fault.hits++;
      if (fault.remaining !== null) fault.remaining--;
      return wxError(fault.errcode, fault.errmsg);
    }
    return null;
  }
}
