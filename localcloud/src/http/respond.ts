import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Body limits: CloudBase answers a synchronous invocation with at most 6 MB of request. */
export const BODY_LIMITS = {
  /** Function events (gateway, HTTP access). */
  event: 6 * 1024 * 1024,
  /** Test control bodies. */
  control: 1024 * 1024,
  /** Admin API requests and storage uploads. */
  bulk: 64 * 1024 * 1024,
} as const;

/**
 * Reads a request body, refusing bodies larger than `limit` bytes with 413. An oversized body is
 * still read to its end (and thrown away) so that the client, which is still sending it, gets the
 * answer; only a body past four times the limit (plus 16 MiB) has its connection cut.
 */
export function readBody(req: IncomingMessage, limit: number = BODY_LIMITS.bulk): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cutOff = limit * 4 + 16 * 1024 * 1024;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cutOff) {
        req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body larger than ${limit} bytes`));
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => reject(new HttpError(400, 'ABORTED', 'the request was cut off')));
  });
}

/** Percent-decodes a path part; malformed encoding is the caller's fault (400), not ours. */
export function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'BAD_PATH', 'the path is not valid percent-encoding');
  }
}

export function sendBuffer(
  res: ServerResponse,
  status: number,
  body: Buffer,
  contentType: string,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.length, ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  sendBuffer(res, status, Buffer.from(JSON.stringify(value)), 'application/json; charset=utf-8', headers);
}

/** `{ok: false, error: {code, message}}`, the envelope our HTTP endpoints use for their own errors. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

export function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
