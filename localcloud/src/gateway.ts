import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CloudError, ErrorCodes } from './errors';
import type { FunctionRunner, InvokeResult } from './functions/runner';
import { describeFailure } from './functions/runner';
import { JsonInputError, parseJsonText } from './http/json';
import { BODY_LIMITS, readBody, sendBuffer, sendError, sendJson } from './http/respond';

/**
 * The H5 gateway: `POST /functions/<name>` with the event as JSON body and the member's identity in
 * `x-wx-openid` (optionally `x-wx-unionid`, `x-wx-appid`). Answers the function's result as JSON,
 * or — when the function throws or times out — HTTP 500 with the mini-program's error shape
 * (`errCode`/`errMsg`, as wx.cloud.callFunction rejects) plus `{ok: false, error: {code, message}}`.
 */

/** Realistic openids; all digits is refused because getWXContext() turns those into numbers. */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

export function isValidOpenid(value: unknown): value is string {
  return typeof value === 'string' && OPENID.test(value) && !/^\d+$/.test(value);
}

export const CORS_HEADERS: OutgoingHttpHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-wx-openid, x-wx-unionid, x-wx-appid',
  'access-control-expose-headers': 'x-localcloud-request-id, x-localcloud-db-round-trips',
  'access-control-max-age': '600',
};

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class Gateway {
  constructor(
    private readonly runner: FunctionRunner,
    private readonly defaultAppId: string,
  ) {}

  preflight(res: ServerResponse): void {
    res.writeHead(204, CORS_HEADERS);
    res.end();
  }

  async handle(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const openid = header(req, 'x-wx-openid');
    if (!isValidOpenid(openid)) {
      sendError(res, 401, 'UNAUTHENTICATED', 'x-wx-openid must be 6–64 characters of A–Z a–z 0–9 _ - and not all digits', CORS_HEADERS);
      return;
    }
    const unionid = header(req, 'x-wx-unionid');
    if (unionid !== undefined && !isValidOpenid(unionid)) {
      sendError(res, 401, 'UNAUTHENTICATED', 'x-wx-unionid is malformed', CORS_HEADERS);
      return;
    }
    const appid = header(req, 'x-wx-appid') ?? this.defaultAppId;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(appid)) {
      sendError(res, 400, 'INVALID_APPID', 'x-wx-appid is malformed', CORS_HEADERS);
      return;
    }
    if (!this.runner.exists(name)) {
      sendError(res, 404, 'FUNCTION_NOT_FOUND', `no function named "${name}"`, CORS_HEADERS);
      return;
    }
    const body = await readBody(req, BODY_LIMITS.event);
    let event: unknown = {};
    if (body.length > 0) {
      try {
        event = parseJsonText(body.toString('utf8'));
      } catch (err) {
        const why = err instanceof JsonInputError ? `: ${err.message}` : '';
        sendError(res, 400, 'INVALID_JSON', `the request body must be a JSON object (the event)${why}`, CORS_HEADERS);
        return;
      }
    }
    if (event === null || typeof event !== 'object' || Array.isArray(event)) {
      sendError(res, 400, 'INVALID_JSON', 'the request body must be a JSON object (the event)', CORS_HEADERS);
      return;
    }
    const clientIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    let result;
    try {
      result = await this.runner.invoke(name, event as Record<string, unknown>, { openid, appid, unionid, clientIp, source: 'wx_client' });
    } catch (err) {
      if (err instanceof CloudError && err.code === ErrorCodes.FUNCTION_NOT_FOUND) {
        sendError(res, 404, 'FUNCTION_NOT_FOUND', err.message, CORS_HEADERS);
        return;
      }
      throw err;
    }
    sendInvocationResult(res, name, result, CORS_HEADERS);
  }
}

/**
 * Answers an invocation like the gateway: 200 with the function's return value as JSON, 400 for
 * an event that cannot be passed, 500 in the mini-program's error shape when it threw or timed out.
 */
export function sendInvocationResult(res: ServerResponse, name: string, result: InvokeResult, extra: OutgoingHttpHeaders = {}): void {
  const { invocation, outcome } = result;
  const headers = {
    ...extra,
    'x-localcloud-request-id': invocation.requestId,
    'x-localcloud-db-round-trips': String(invocation.dbRoundTrips),
  };
  if (outcome.kind === 'ok') {
    sendBuffer(res, 200, Buffer.from(outcome.json), 'application/json; charset=utf-8', headers);
    return;
  }
  if (outcome.kind === 'invalid') {
    sendError(res, 400, 'INVALID_EVENT', outcome.message, headers);
    return;
  }
  const timedOut = outcome.kind === 'timeout';
  const errCode = timedOut ? -504003 : -504002;
  const message = describeFailure(name, outcome);
  sendJson(
    res,
    500,
    {
      errCode,
      errMsg: `cloud.callFunction:fail Error: errCode: ${errCode} ${timedOut ? 'functions time limit exceeded' : 'functions execute fail'} | errMsg: ${message}`,
      ok: false,
      error: { code: timedOut ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : ErrorCodes.FUNCTIONS_EXECUTE_FAIL, message },
      requestId: invocation.requestId,
    },
    headers,
  );
}
