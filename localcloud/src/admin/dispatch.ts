import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloudError, ErrorCodes, errorMessage } from '../errors';
import type { InvocationRegistry } from '../functions/invocations';
import { JsonInputError, parseJsonText } from '../http/json';
import { readBody, sendBuffer } from '../http/respond';
import { parseMultipart } from './multipart';
import type { ActionTable, AdminResponse } from './types';

const JSON_TYPE = 'application/json; charset=utf-8';

// Request ids only need to be unique: a per-process prefix and a counter (no crypto per request).
const REQUEST_ID_PREFIX = randomBytes(4).toString('hex');
let requestCounter = 0;

function newRequestId(): string {
  requestCounter = (requestCounter + 1) % 0xffffffff;
  return `${REQUEST_ID_PREFIX}${requestCounter.toString(16).padStart(8, '0')}`;
}

function parseParams(body: Buffer, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('multipart/form-data')) {
    try {
      return parseMultipart(body, contentType);
    } catch (err) {
      throw new CloudError(ErrorCodes.INVALID_PARAM, errorMessage(err));
    }
  }
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = parseJsonText(body.toString('utf8'));
  } catch (err) {
    throw new CloudError(ErrorCodes.INVALID_PARAM, `request body: ${err instanceof JsonInputError ? err.message : errorMessage(err)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CloudError(ErrorCodes.INVALID_PARAM, 'body must be a JSON object');
  return value as Record<string, unknown>;
}

/**
 * POST /admin: the CloudBase admin API. Every answer is HTTP 200: a JSON body (with `requestId`)
 * for success, `{code, message, requestId}` for failure, or a raw buffer for wx.openApi.
 */
export class AdminApi {
  constructor(
    private readonly actions: ActionTable,
    private readonly invocations: InvocationRegistry,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    const body = await readBody(req); // an oversized body is an HTTP 413, before any action
    let response: AdminResponse;
    try {
      const params = parseParams(body, String(req.headers['content-type'] ?? ''));
      const action = typeof params.action === 'string' ? params.action : '';
      const invocation = this.invocations.byToken(params.wxCloudApiToken);
      if (invocation && action.startsWith('database.')) invocation.dbRoundTrips++;
      const handler = Object.prototype.hasOwnProperty.call(this.actions, action) ? this.actions[action] : undefined;
      if (!handler) throw new CloudError(ErrorCodes.INVALID_PARAM, `localcloud does not implement action "${action}"`);
      response = await handler({ action, params, requestId, invocation });
    } catch (err) {
      const code = err instanceof CloudError ? err.code : ErrorCodes.SYS_ERR;
      response = { json: { code, message: errorMessage(err) } };
    }
    if ('raw' in response) {
      sendBuffer(res, 200, response.raw, response.contentType);
    } else {
      sendBuffer(res, 200, Buffer.from(JSON.stringify({ ...response.json, requestId })), JSON_TYPE);
    }
  }
}
