import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import type { IndexCatalog } from '../db/indexes';
import { isPlainObject } from '../db/values';
import { CloudError, ErrorCodes } from '../errors';
import type { InvocationRegistry } from '../functions/invocations';
import { HttpError, isLoopback, sendBuffer, sendError, sendJson } from '../http/respond';
import type { Outbox } from '../openapi/subscribeMessage';
import type { Storage } from '../storage/storage';
import { consoleBundle } from './bundle';
import { ConsoleDocuments, ImportRefused, ValidationRefused } from './documents';
import { invocationRow } from './invocationRows';
import type { ApiErrorBody, ClockAnswer, IndexesAnswer, InvocationsAnswer, OutboxAnswer, OverviewAnswer } from './protocol';
import { listStorageFiles } from './storageFiles';
import type { ConsoleValidator } from './validator';
import { parseWireId } from './wire';

/**
 * `/console`: the page and its API (`/console/api/*`). Loopback clients only, addressed by a
 * loopback host name (a DNS-rebound name is refused), and writes only from the page's own origin
 * (a web page elsewhere cannot post here through the browser). Request bodies are bounded.
 */

export interface ConsoleDeps {
  envId: string;
  database: Database;
  catalog: IndexCatalog;
  clock: Clock;
  storage: Storage;
  outbox: Outbox;
  invocations: InvocationRegistry;
  functions: () => string[];
  validator: ConsoleValidator | null;
}

const JSON_BODY_LIMIT = 2 * 1024 * 1024;
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NO_STORE = { 'cache-control': 'no-store' };
const PAGE_HEADERS = {
  ...NO_STORE,
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

function hostIsLoopback(req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host ?? ''}`;
}

/**
 * The request body, refused past `limit` bytes with a 413 the client can read (the connection is
 * closed after the answer rather than reading the rest).
 */
function boundedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求体超过 ${limit} 字节 / request body larger than ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await boundedBody(req, JSON_BODY_LIMIT);
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', '请求体不是合法的 JSON / the request body is not JSON');
  }
  if (!isPlainObject(value)) throw new HttpError(400, 'INVALID_JSON', '请求体必须是 JSON 对象 / the request body must be a JSON object');
  return value;
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, 'MISSING_FIELD', `缺少字段 ${name} / missing field ${name}`);
  return value;
}

function page(version: string): Buffer {
  return Buffer.from(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>localcloud 控制台</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/console.css?v=${version}">
</head>
<body>
<div id="root"></div>
<script src="/console/assets/console.js?v=${version}"></script>
</body>
</html>
`);
}

export class ConsoleServer {
  private readonly documents: ConsoleDocuments;

  constructor(private readonly deps: ConsoleDeps) {
    this.documents = new ConsoleDocuments(deps.database, deps.catalog, deps.clock, deps.validator);
  }

  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!isLoopback(req) || !hostIsLoopback(req)) {
      sendError(res, 403, 'FORBIDDEN', 'the console is only available from this machine');
      return;
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(req)) {
      sendError(res, 403, 'FORBIDDEN', 'console writes are only accepted from the console page');
      return;
    }
    try {
      await this.route(req, res, method, pathname);
    } catch (err) {
      this.fail(res, err);
    }
  }

  private fail(res: ServerResponse, err: unknown): void {
    if (err instanceof ValidationRefused) {
      const body: ApiErrorBody = { ok: false, error: { code: err.code, message: err.message }, problems: err.problems };
      sendJson(res, err.status, body, NO_STORE);
    } else if (err instanceof ImportRefused) {
      const body: ApiErrorBody = { ok: false, error: { code: err.code, message: err.message }, lines: err.lines };
      sendJson(res, err.status, body, NO_STORE);
    } else if (err instanceof HttpError) {
      sendError(res, err.status, err.code, err.message, err.status === 413 ? { ...NO_STORE, connection: 'close' } : NO_STORE);
    } else if (err instanceof CloudError) {
      // What the database says about a request (a bad operator, a duplicate key…) is the user's to fix.
      const duplicate = err.message.includes('E11000');
      const status = duplicate ? 409 : err.code === ErrorCodes.COLLECTION_NOT_EXIST ? 404 : 400;
      sendError(res, status, duplicate ? 'DUPLICATE_KEY' : err.code, err.message, NO_STORE);
    } else {
      throw err;
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, method: string, pathname: string): Promise<void> {
    if (pathname === '/console' || pathname === '/console/') {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'GET the console');
      const bundle = await consoleBundle();
      sendBuffer(res, 200, page(bundle.version), 'text/html; charset=utf-8', PAGE_HEADERS);
      return;
    }
    if (pathname === '/console/assets/console.js' || pathname === '/console/assets/console.css') {
      const bundle = await consoleBundle();
      const js = pathname.endsWith('.js');
      sendBuffer(res, 200, js ? bundle.js : bundle.css, js ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', {
        'cache-control': 'public, max-age=31536000, immutable',
      });
      return;
    }
    if (!pathname.startsWith('/console/api/')) throw new HttpError(404, 'NOT_FOUND', `no console page ${pathname}`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = pathname
      .slice('/console/api/'.length)
      .split('/')
      .map((p) => decodeURIComponent(p));
    if (parts[0] === 'collections' && parts.length === 3) {
      await this.collectionRoute(req, res, method, parts[1], parts[2], url.searchParams);
      return;
    }
    await this.globalRoute(req, res, `${method} ${parts.join('/')}`, url.searchParams);
  }

  private async globalRoute(req: IncomingMessage, res: ServerResponse, key: string, params: URLSearchParams): Promise<void> {
    const { clock } = this.deps;
    switch (key) {
      case 'GET overview': {
        const answer: OverviewAnswer = {
          envId: this.deps.envId,
          now: new Date(clock.now()).toISOString(),
          clockOffsetMs: clock.offsetMs(),
          strictIndexes: this.deps.catalog.strict && this.deps.catalog.loaded,
          collections: this.documents.summaries(),
          functions: this.deps.functions(),
          validator: this.deps.validator !== null,
        };
        sendJson(res, 200, answer, NO_STORE);
        return;
      }
      case 'POST collections': {
        const name = text(await jsonBody(req), 'name').trim();
        await this.documents.createCollection(name);
        sendJson(res, 200, { ok: true, name }, NO_STORE);
        return;
      }
      case 'GET clock':
        sendJson(res, 200, this.clockAnswer(), NO_STORE);
        return;
      case 'POST clock': {
        const now = (await jsonBody(req)).now;
        if (now !== null && (typeof now !== 'string' || !Number.isFinite(Date.parse(now)))) {
          throw new HttpError(
            400,
            'INVALID_CLOCK',
            '时间格式不对，请用 ISO 时间（如 2026-11-23T10:00:00+08:00）或 null / now must be an ISO instant or null',
          );
        }
        clock.set(now);
        sendJson(res, 200, this.clockAnswer(), NO_STORE);
        return;
      }
      case 'GET indexes':
        sendJson(res, 200, this.indexes(), NO_STORE);
        return;
      case 'GET invocations': {
        const limit = Math.min(Math.max(Number(params.get('limit')) || 100, 1), 300);
        const answer: InvocationsAnswer = { invocations: this.deps.invocations.latest(limit).map(invocationRow) };
        sendJson(res, 200, answer, NO_STORE);
        return;
      }
      case 'GET storage':
        sendJson(res, 200, listStorageFiles(this.deps.storage), NO_STORE);
        return;
      case 'GET outbox': {
        const answer: OutboxAnswer = { messages: this.deps.outbox.list().reverse() as OutboxAnswer['messages'] };
        sendJson(res, 200, answer, NO_STORE);
        return;
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', `no console endpoint ${key}`);
    }
  }

  private async collectionRoute(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    collection: string,
    what: string,
    params: URLSearchParams,
  ): Promise<void> {
    const docs = this.documents;
    const force = (body: Record<string, unknown>) => body.force === true;
    switch (`${method} ${what}`) {
      case 'GET documents':
        sendJson(
          res,
          200,
          docs.list(collection, {
            filter: params.get('filter') ?? '',
            sort: params.get('sort') ?? '',
            skip: Number(params.get('skip')) || 0,
            limit: Number(params.get('limit')) || 20,
          }),
          NO_STORE,
        );
        return;
      case 'POST documents': {
        const body = await jsonBody(req);
        sendJson(res, 200, await docs.insert(collection, text(body, 'doc'), force(body)), NO_STORE);
        return;
      }
      case 'PUT documents': {
        const body = await jsonBody(req);
        sendJson(res, 200, await docs.replace(collection, parseWireId(body.id), text(body, 'doc'), force(body)), NO_STORE);
        return;
      }
      case 'DELETE documents': {
        const body = await jsonBody(req);
        sendJson(res, 200, await docs.remove(collection, parseWireId(body.id), force(body)), NO_STORE);
        return;
      }
      case 'POST validate': {
        const body = await jsonBody(req);
        const editing = body.id === undefined || body.id === null ? null : parseWireId(body.id);
        sendJson(res, 200, docs.check(collection, text(body, 'doc'), editing), NO_STORE);
        return;
      }
      case 'GET export': {
        const lines = docs.exportLines(collection, params.get('filter') ?? '');
        sendBuffer(res, 200, Buffer.from(lines), 'application/x-ndjson; charset=utf-8', {
          ...NO_STORE,
          'content-disposition': `attachment; filename="${collection}.json"`,
        });
        return;
      }
      case 'POST import': {
        const mode = params.get('mode') === 'insert' ? 'insert' : 'upsert';
        const body = (await boundedBody(req, IMPORT_BODY_LIMIT)).toString('utf8');
        sendJson(res, 200, await docs.importLines(collection, body, mode, params.get('force') === '1'), NO_STORE);
        return;
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', `no console endpoint ${method} collections/${collection}/${what}`);
    }
  }

  private clockAnswer(): ClockAnswer {
    return { now: new Date(this.deps.clock.now()).toISOString(), offsetMs: this.deps.clock.offsetMs() };
  }

  private indexes(): IndexesAnswer {
    const { catalog, database } = this.deps;
    const names = [...new Set([...database.collections.keys(), ...catalog.collections()])].sort();
    return {
      strict: catalog.strict,
      loaded: catalog.loaded,
      collections: names.map((name) => ({
        name,
        indexes: [
          { name: '_id_', keys: [{ field: '_id', direction: 1 }], unique: true },
          ...catalog.indexesOf(name).map((ix) => ({
            name: ix.name,
            keys: ix.keys.map(([field, direction]) => ({ field, direction })),
            unique: ix.unique,
          })),
        ],
      })),
      uncovered: catalog.uncovered().map((u) => ({ ...u, fields: [...u.fields] })),
    };
  }
}
