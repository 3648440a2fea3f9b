import { performance } from 'node:perf_hooks';
import { z, type ZodError, type ZodType, type ZodTypeDef } from 'zod';
import { AppError, type ErrorCode } from '@shared/errors';
import { failure, failureFromError, success, type Envelope } from '@shared/envelope';
import { checkSignature } from './signature';

/**
 * The entry of a function called over CloudBase's HTTP access service by another system (the
 * brand's shop and stores calling `partner`), not by the mini-program. The event is CloudBase's
 * integration request; the answer is an integration response whose body is the usual envelope,
 * with an HTTP status. In order, before any route runs:
 *  1. a call carrying a member identity (from the mini-program) is refused — 403;
 *  2. the route is the last segment of the path (CloudBase passes the path with the route prefix
 *     the function is mounted at, localcloud without it: both end in `/orders`); POST only;
 *  3. the signature over the raw body (`signature.ts`) against the secret from the function's
 *     environment — missing, bad or stale: 401 UNAUTHENTICATED, nothing written (no secret
 *     configured: every call is refused the same way);
 *  4. the JSON body against the route's schema — 400 INVALID_INPUT with the offending fields.
 * Every call is then recorded (`record`), whatever its outcome, with its latency.
 */
const httpEventSchema = z
  .object({
    path: z.string().max(2048),
    httpMethod: z.string().max(16),
    headers: z.record(z.string(), z.unknown()).optional(),
    body: z.string().nullable().optional(),
    isBase64Encoded: z.boolean().optional(),
  })
  .passthrough();

export type HttpAccessEvent = z.infer<typeof httpEventSchema>;

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export interface HttpRoute<I> {
  input: ZodType<I, ZodTypeDef, unknown>;
  /** Runs a valid, authenticated request; `replayed` when it answered an earlier call's answer again. */
  run(input: I, now: number): Promise<{ data: unknown; replayed: boolean }>;
  /** The brand's ids the call is about, for the log. */
  refs(input: I): Record<string, string | null>;
}

// Routes of one function take different inputs; the router only needs them as a family.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HttpRoutes = Record<string, HttpRoute<any>>;

export interface HttpCall {
  route: string | null;
  refs: Record<string, string | null>;
  /** `ok`, `replayed`, or the error code answered. */
  result: string;
  status: number;
  latencyMs: number;
  /** When the call arrived (ms). */
  at: number;
}

export interface HttpEntryOptions {
  routes: HttpRoutes;
  /** The shared secret (from the function's environment); undefined when it is not configured. */
  secret(): string | undefined;
  identify(): { OPENID?: string | number };
  statusOf(code: ErrorCode): number;
  record(call: HttpCall): Promise<void>;
  log?(message: string, err?: unknown): void;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function respond(status: number, envelope: Envelope<unknown>): HttpResponse {
  return { statusCode: status, headers: JSON_HEADERS, body: JSON.stringify(envelope), isBase64Encoded: false };
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name && typeof value === 'string') return value;
  return undefined;
}

/** The route: the last non-empty segment of the path. */
export function routeOf(path: string): string {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  return segments[segments.length - 1] ?? '';
}

function invalidFields(error: ZodError): string[] {
  const fields = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.') || '(root)'],
  );
  return [...new Set(fields.map((f) => f.slice(0, 64)))].slice(0, 10);
}

export function createHttpEntry(functionName: string, options: HttpEntryOptions) {
  const log = options.log ?? ((message: string, err?: unknown) => console.error(message, err ?? ''));
  return async function main(event: unknown): Promise<HttpResponse> {
    const started = performance.now();
    const at = Date.now();
    const call: HttpCall = { route: null, refs: {}, result: 'INTERNAL', status: 500, latencyMs: 0, at };
    const finish = async (status: number, envelope: Envelope<unknown>, result: string): Promise<HttpResponse> => {
      Object.assign(call, { status, result, latencyMs: Math.round((performance.now() - started) * 10) / 10 });
      // The log never costs the caller its answer.
      await options.record(call).catch((err: unknown) => log(`[${functionName}] call not recorded`, err));
      return respond(status, envelope);
    };
    const fail = (code: ErrorCode, message?: string, details?: Record<string, unknown>) =>
      finish(options.statusOf(code), failure(code, message, details), code);
    try {
      const identity = options.identify();
      if (identity.OPENID !== undefined && String(identity.OPENID) !== '') return await fail('FORBIDDEN');
      const parsed = httpEventSchema.safeParse(event);
      if (!parsed.success) return await fail('INVALID_INPUT', '不是 HTTP 访问服务的请求');
      const request = parsed.data;
      const name = routeOf(request.path);
      const route = Object.prototype.hasOwnProperty.call(options.routes, name) ? options.routes[name] : undefined;
      if (!route) return await fail('NOT_FOUND', '没有这个接口');
      call.route = name;
      if (request.httpMethod.toUpperCase() !== 'POST') return await finish(405, failure('INVALID_INPUT', '只接受 POST'), 'METHOD');

      const body = request.body ?? '';
      const raw = request.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
      const secret = options.secret();
      if (!secret) log(`[${functionName}] no secret configured: every call is refused`);
      const signed = secret
        ? checkSignature({
            secret,
            timestamp: header(request.headers, 'x-mc-timestamp'),
            signature: header(request.headers, 'x-mc-signature'),
            rawBody: raw,
            nowMs: at,
          })
        : 'missing';
      if (signed !== 'ok') return await fail('UNAUTHENTICATED', signed === 'stale' ? '签名时间戳已过期' : '签名无效');

      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return await fail('INVALID_INPUT', '请求体不是 JSON');
      }
      const input = route.input.safeParse(json);
      if (!input.success) return await fail('INVALID_INPUT', undefined, { fields: invalidFields(input.error) });
      call.refs = route.refs(input.data);
      const { data, replayed } = await route.run(input.data, at);
      return await finish(200, success(data), replayed ? 'replayed' : 'ok');
    } catch (err) {
      if (!(err instanceof AppError)) log(`[${functionName}] unexpected error`, err);
      const envelope = failureFromError(err);
      const code = envelope.ok ? 'INTERNAL' : envelope.error.code;
      return finish(options.statusOf(code), envelope, code);
    }
  };
}
