import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from './db/values';
import { CloudError, ErrorCodes } from './errors';
import { FunctionConfigError } from './functions/config';
import type { InvokeResult } from './functions/runner';
import { FaultSpecError, parseFaultSpec, type OpenApiFaults } from './openapi/faults';
import { sendInvocationResult } from './gateway';
import { TRIGGER_NOT_FOUND, type TriggerListing } from './triggers/scheduler';
import { JsonInputError, parseJsonText } from './http/json';
import { BODY_LIMITS, decodePath, HttpError, isLoopback, readBody, sendError, sendJson } from './http/respond';

/** What the test-control endpoints operate on (implemented by the running localcloud). */
export interface ControlTarget {
  setClock(now: string | null): void;
  now(): Date;
  reset(options: { seed: boolean; keepFunctionInstances: boolean }): Promise<void>;
  outbox(): unknown[];
  faults: OpenApiFaults;
  stats(): unknown;
  functions(): string[];
  triggers(): TriggerListing;
  fireTrigger(fn: string, name: string): Promise<InvokeResult>;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, BODY_LIMITS.control);
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = parseJsonText(body.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, 'INVALID_JSON', `the body must be JSON: ${err instanceof JsonInputError ? err.message : String(err)}`);
  }
  if (!isPlainObject(value)) throw new HttpError(400, 'INVALID_JSON', 'the body must be a JSON object');
  return value;
}

/**
 * `/__localcloud/*`, loopback only:
 *   POST clock {now: ISO | null}  GET clock  POST reset {seed, keepFunctionInstances}  GET outbox
 *   GET stats  GET functions  GET triggers  POST triggers/<function>/<trigger>
 *   GET openapi/faults  POST openapi/faults {api, errcode, match?, errmsg?, times?}  DELETE openapi/faults
 */
export async function handleControl(target: ControlTarget, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  if (!isLoopback(req)) {
    sendError(res, 403, 'FORBIDDEN', 'test control is only available from this machine');
    return;
  }
  const key = `${req.method ?? 'GET'} ${route}`;
  const fire = /^POST triggers\/([^/]+)\/([^/]+)$/.exec(key);
  if (fire) {
    await fireTrigger(target, res, decodePath(fire[1]), decodePath(fire[2]));
    return;
  }
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
    case 'GET openapi/faults':
      sendJson(res, 200, { ok: true, faults: target.faults.list() });
      return;
    case 'POST openapi/faults': {
      const body = await jsonBody(req);
      let fault;
      try {
        fault = target.faults.add(parseFaultSpec(body));
      } catch (err) {
        if (err instanceof FaultSpecError) throw new HttpError(400, 'INVALID_FAULT', err.message);
        throw err;
      }
      sendJson(res, 200, { ok: true, fault });
      return;
    }
    case 'DELETE openapi/faults':
      target.faults.clear();
      sendJson(res, 200, { ok: true });
      return;
    case 'GET outbox':
      sendJson(res, 200, { ok: true, messages: target.outbox() });
      return;
    case 'GET stats':
      sendJson(res, 200, { ok: true, ...(target.stats() as Record<string, unknown>) });
      return;
    case 'GET functions':
      sendJson(res, 200, { ok: true, functions: target.functions() });
      return;
    case 'GET triggers':
      sendJson(res, 200, { ok: true, ...target.triggers() });
      return;
    default:
      sendError(res, 404, 'NOT_FOUND', `no test-control endpoint ${key}`);
  }
}

/** Runs a trigger now and answers the function's result the way the gateway does. */
async function fireTrigger(target: ControlTarget, res: ServerResponse, fn: string, name: string): Promise<void> {
  let result: InvokeResult;
  try {
    result = await target.fireTrigger(fn, name);
  } catch (err) {
    if (err instanceof CloudError && (err.code === ErrorCodes.FUNCTION_NOT_FOUND || err.code === TRIGGER_NOT_FOUND)) {
      sendError(res, 404, err.code, err.message);
      return;
    }
    if (err instanceof FunctionConfigError) {
      sendError(res, 409, 'FUNCTION_CONFIG_INVALID', err.message);
      return;
    }
    throw err;
  }
  sendInvocationResult(res, fn, result);
}
