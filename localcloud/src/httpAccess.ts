import { randomBytes } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CloudError, ErrorCodes } from './errors';
import type { FunctionRunner } from './functions/runner';
import { describeFailure } from './functions/runner';
import { BODY_LIMITS, readBody, sendBuffer, sendError } from './http/respond';

/**
 * CloudBase's HTTP access service (HTTP 访问服务) for cloud functions: `<any method>
 * /http/<function>/<path…>` runs the function with CloudBase's integration request
 *   { path, httpMethod, headers, queryStringParameters, requestContext, body, isBase64Encoded }
 * (`path` is what follows `/http/<function>`, as if the function's route were the domain root;
 * header names lower-cased; `body` the raw body as a string, or base64 with `isBase64Encoded:
 * true` when it is not text), and maps its answer back: an integration response
 * `{statusCode, headers, body, isBase64Encoded}` becomes that HTTP response; a string or number
 * is sent as text/plain; anything else as JSON, status 200. There is no member identity: no
 * OPENID, no event.userInfo.
 */

const TEXT_TYPE = /^(text\/|application\/(json|x-www-form-urlencoded|xml|javascript|graphql)|[^;]*\+(json|xml)\s*(;|$))/i;

function isTextBody(body: Buffer, contentType: string | undefined): boolean {
  if (contentType) return TEXT_TYPE.test(contentType.trim());
  // No content type: text if it is valid UTF-8.
  return Buffer.from(body.toString('utf8'), 'utf8').equals(body);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class IntegrationResponseError extends Error {}

const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

interface HttpAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** The HTTP response CloudBase makes of a function's return value. */
export function integrationResponse(value: unknown): HttpAnswer {
  if (typeof value === 'string' || typeof value === 'number') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(String(value)) };
  }
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const shaped = isObject ? (value as Record<string, unknown>) : null;
  if (!shaped || shaped.statusCode === undefined) {
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(value)) };
  }
  const { statusCode, headers = {}, body = '', isBase64Encoded = false } = shaped;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new IntegrationResponseError(
      `integration response statusCode must be an HTTP status (100–599), got ${JSON.stringify(statusCode)}`,
    );
  }
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new IntegrationResponseError('integration response headers must be an object');
  }
  if (typeof body !== 'string') throw new IntegrationResponseError('integration response body must be a string');
  const out: OutgoingHttpHeaders = {};
  for (const [name, v] of Object.entries(headers as Record<string, unknown>)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new IntegrationResponseError(`integration response header name "${name}" is not valid`);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new IntegrationResponseError(`integration response header ${name} must be a string`);
    }
    const text = String(v);
    if (/[\r\n\u0000]/.test(text)) throw new IntegrationResponseError(`integration response header ${name} contains a line break`);
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP.has(lower)) out[lower] = text; // framing is the server's business
  }
  const bytes = isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body);
  out['content-type'] ??= isBase64Encoded === true ? 'application/octet-stream' : 'text/plain; charset=utf-8';
  return { status: statusCode, headers: out, body: bytes };
}

export class HttpAccess {
  constructor(
    private readonly runner: FunctionRunner,
    private readonly envId: string,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, name: string, path: string, query: URLSearchParams): Promise<void> {
    if (!this.runner.exists(name)) {
      sendError(res, 404, 'FUNCTION_NOT_FOUND', `no function named "${name}"`);
      return;
    }
    const raw = await readBody(req, BODY_LIMITS.event);
    const headers = flatHeaders(req);
    const text = raw.length === 0 || isTextBody(raw, headers['content-type']);
    const queryStringParameters: Record<string, string> = {};
    for (const [key, value] of query) queryStringParameters[key] = value; // a repeated key keeps its last value
    const event = {
      path,
      httpMethod: req.method ?? 'GET',
      headers,
      queryStringParameters,
      requestContext: { requestId: randomBytes(16).toString('hex'), envId: this.envId },
      body: text ? raw.toString('utf8') : raw.toString('base64'),
      isBase64Encoded: !text,
    };
    let result;
    try {
      result = await this.runner.invoke(name, event, {}, { trigger: 'http' });
    } catch (err) {
      if (err instanceof CloudError && err.code === ErrorCodes.FUNCTION_NOT_FOUND) {
        sendError(res, 404, 'FUNCTION_NOT_FOUND', err.message);
        return;
      }
      throw err;
    }
    const { invocation, outcome } = result;
    const ours = { 'x-localcloud-request-id': invocation.requestId, 'x-localcloud-db-round-trips': String(invocation.dbRoundTrips) };
    if (outcome.kind !== 'ok') {
      const code =
        outcome.kind === 'timeout'
          ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
          : outcome.kind === 'invalid'
            ? 'INVALID_EVENT'
            : 'FUNCTIONS_EXECUTE_FAIL';
      sendError(res, outcome.kind === 'invalid' ? 400 : 500, code, describeFailure(name, outcome), ours);
      return;
    }
    let answer: HttpAnswer;
    try {
      answer = integrationResponse(JSON.parse(outcome.json) as unknown);
    } catch (err) {
      if (!(err instanceof IntegrationResponseError)) throw err;
      sendError(res, 502, 'INVALID_INTEGRATION_RESPONSE', err.message, ours);
      return;
    }
    const type = String(answer.headers['content-type']);
    delete answer.headers['content-type'];
    sendBuffer(res, answer.status, req.method === 'HEAD' ? Buffer.alloc(0) : answer.body, type, { ...answer.headers, ...ours });
  }
}
