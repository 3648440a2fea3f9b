import { randomBytes } from 'node:crypto';
import type { Deadline } from './deadline';

/**
 * Who a function runs as: what getWXContext() returns inside it. Member calls carry an openid;
 * timer triggers and HTTP access calls carry none (and no appid: no mini-program is calling).
 */
export interface Identity {
  openid?: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
  /** getWXContext().SOURCE (TCB_SOURCE): `wx_client` for the mini-program, `wx_trigger` for timers. */
  source?: string;
}

/** What started an invocation. */
export type InvocationTrigger = 'call' | 'timer' | 'http';

export type InvocationStatus = 'running' | 'ok' | 'error' | 'timeout';

export interface Invocation {
  requestId: string;
  functionName: string;
  identity: Identity;
  trigger: InvocationTrigger;
  /** Its time limit, held while a nested call waits for an instance (set when it is queued). */
  deadline?: Deadline;
  /** The WX_API_TOKEN given to this invocation; admin requests carrying it belong to it. */
  token: string;
  parentRequestId?: string;
  startedAt: number;
  endedAt?: number;
  status: InvocationStatus;
  /** Database admin requests made while it ran (each `database.*` action is one round trip). */
  dbRoundTrips: number;
  error?: string;
  /** The event's `action` (the usual router key), when it is a string. */
  action?: string;
  /**
   * What the console shows of a recent call: its console output (bounded), its result when small
   * and the error's stack. Dropped once the call is no longer among the most recent ones.
   */
  output?: string[];
  outputChars?: number;
  result?: string;
  stack?: string;
}

export interface InvocationSummary {
  requestId: string;
  function: string;
  /** `call` (gateway, callFunction, lc.invoke), `timer` or `http`. */
  trigger: InvocationTrigger;
  openid: string | null;
  parentRequestId: string | null;
  status: InvocationStatus;
  startedAt: string;
  durationMs: number | null;
  dbRoundTrips: number;
  error?: string;
}

/** How many recent calls keep their output, result and stack. */
const DETAIL_KEEP = 300;
const OUTPUT_MAX_CHARS = 20 * 1024;
const RESULT_MAX_CHARS = 4 * 1024;

/** Running invocations by token, plus the most recent finished ones for GET /__localcloud/stats. */
export class InvocationRegistry {
  private readonly running = new Map<string, Invocation>();
  private recent: Invocation[] = [];

  constructor(private readonly keep = 2000) {}

  begin(functionName: string, identity: Identity, trigger: InvocationTrigger, parent?: Invocation): Invocation {
    const invocation: Invocation = {
      requestId: randomBytes(12).toString('hex'),
      functionName,
      identity,
      trigger,
      token: randomBytes(24).toString('base64url'),
      parentRequestId: parent?.requestId,
      startedAt: Date.now(),
      status: 'running',
      dbRoundTrips: 0,
    };
    this.running.set(invocation.token, invocation);
    return invocation;
  }

  end(
    invocation: Invocation,
    status: Exclude<InvocationStatus, 'running'>,
    error?: string,
    detail: { result?: string; stack?: string } = {},
  ): void {
    invocation.status = status;
    invocation.endedAt = Date.now();
    if (error) invocation.error = error;
    if (detail.result !== undefined && detail.result.length <= RESULT_MAX_CHARS) invocation.result = detail.result;
    if (detail.stack) invocation.stack = detail.stack.slice(0, RESULT_MAX_CHARS);
    this.running.delete(invocation.token);
    this.recent.push(invocation);
    const expired = this.recent[this.recent.length - 1 - DETAIL_KEEP];
    if (expired) {
      delete expired.output;
      delete expired.result;
      delete expired.stack;
    }
    if (this.recent.length > this.keep * 1.5) this.recent = this.recent.slice(-this.keep);
  }

  /** Console output of a running invocation, in order, up to a bound. */
  recordOutput(invocation: Invocation, text: string): void {
    const used = invocation.outputChars ?? 0;
    if (used >= OUTPUT_MAX_CHARS) return;
    (invocation.output ??= []).push(text.length > OUTPUT_MAX_CHARS - used ? text.slice(0, OUTPUT_MAX_CHARS - used) : text);
    invocation.outputChars = used + text.length;
  }

  /** The most recent invocations, newest first (running ones included). */
  latest(limit: number): Invocation[] {
    return [...this.running.values(), ...this.recent.slice(-limit).reverse()].slice(0, limit);
  }

  byToken(token: unknown): Invocation | undefined {
    return typeof token === 'string' && token ? this.running.get(token) : undefined;
  }

  clear(): void {
    this.recent = [];
  }

  summaries(): InvocationSummary[] {
    return [...this.recent, ...this.running.values()].map(summarizeInvocation);
  }
}

export function summarizeInvocation(inv: Invocation): InvocationSummary {
  return {
    requestId: inv.requestId,
    function: inv.functionName,
    trigger: inv.trigger,
    openid: inv.identity.openid ?? null,
    parentRequestId: inv.parentRequestId ?? null,
    status: inv.status,
    startedAt: new Date(inv.startedAt).toISOString(),
    durationMs: inv.endedAt === undefined ? null : inv.endedAt - inv.startedAt,
    dbRoundTrips: inv.dbRoundTrips,
    ...(inv.error ? { error: inv.error } : {}),
  };
}
