import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from './db/values';
import { HttpError, isLoopback, readBody, sendError, sendJson } from './http/respond';

/** What the test-control endpoints operate on (implemented by the running localcloud). */
export interface ControlTarget {
  setClock(now: string | null): void;
  now(): Date;
  reset(options: { seed: boolean; keepFunctionInstances: boolean }): Promise<void>;
  outbox(): unknown[];
  stats(): unknown;
  functions(): string[];
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'the body must be JSON');
  }
  if (!isPlainObject(value)) throw new HttpError(400, 'INVALID_JSON', 'the body must be a JSON object');
  return value;
}

/**
 * `/__localcloud/*`, loopback only:
 *   POST clock {now: ISO | null}  GET clock  POST reset {seed, keepFunctionInstances}  GET outbox
 *   GET stats  GET functions
 */
export async function handleControl(target: ControlTarget, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  if (!isLoopback(req)) {
    sendError(res, 403, 'FORBIDDEN', 'test control is only available from this machine');
    return;
  }
  const key = `${req.method ?? 'GET'} ${route}`;
  switch (key) {
    case 'POST clock': {
      const body = await jsonBody(req);
      const now = body.now;
      if (now !== null && (typeof now !== 'string' || !Number.isFinite(Date.parse(now)))) {
        throw new HttpError(400, 'INVALID_CLOCK', 'now must be an ISO date string or null');
      }
      target.setClock(now);
      sendJson(res, 200, { ok: true, now: target.now().toISOString() });
      return;
    }
    case 'GET clock':
      sendJson(res, 200, { ok: true, now: target.now().toISOString() });
      return;
    case 'POST reset': {
      const body = await jsonBody(req);
      await target.reset({ seed: body.seed === true, keepFunctionInstances: body.keepFunctionInstances === true });
      sendJson(res, 200, { ok: true });
      return;
    }
    case 'GET outbox':
      sendJson(res, 200, { ok: true, messages: target.outbox() });
      return;
    case 'GET stats':
      sendJson(res, 200, { ok: true, ...(target.stats() as Record<string, unknown>) });
      return;
    case 'GET functions':
      sendJson(res, 200, { ok: true, functions: target.functions() });
      return;
    default:
      sendError(res, 404, 'NOT_FOUND', `no test-control endpoint ${key}`);
  }
}
