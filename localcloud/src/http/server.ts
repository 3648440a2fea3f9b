import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AdminApi } from '../admin/dispatch';
import type { ConsoleServer } from '../console/server';
import { handleControl, type ControlTarget } from '../control';
import { CORS_HEADERS, type Gateway } from '../gateway';
import type { HttpAccess } from '../httpAccess';
import type { Storage } from '../storage/storage';
import { decodePath, HttpError, sendError, sendJson } from './respond';
import { serveStatic } from './static';

export interface Routes {
  admin: AdminApi;
  gateway: Gateway;
  httpAccess: HttpAccess;
  storage: Storage;
  control: ControlTarget;
  console: ConsoleServer;
  staticDir: string | undefined;
  warn: (message: string) => void;
}

async function route(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);

  if (method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  if (pathname === '/health') {
    sendJson(res, 200, { ok: true }, { 'access-control-allow-origin': '*' });
    return;
  }
  if (pathname === '/admin' || pathname === '/admin/') {
    if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'the admin API takes POST');
    await routes.admin.handle(req, res);
    return;
  }
  if (pathname.startsWith('/functions/')) {
    if (method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'call a function with POST');
    await routes.gateway.handle(req, res, decodePath(pathname.slice('/functions/'.length)));
    return;
  }
  if (pathname.startsWith('/http/')) {
    // /http/<function>[/<path…>]: the function sees `/<path…>` (decoded), any method.
    const rest = pathname.slice('/http/'.length);
    const slash = rest.indexOf('/');
    const name = decodePath(slash === -1 ? rest : rest.slice(0, slash));
    const path = slash === -1 ? '/' : decodePath(rest.slice(slash));
    await routes.httpAccess.handle(req, res, name, path, new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)));
    return;
  }
  if (pathname.startsWith('/__storage-upload/')) {
    if (method !== 'PUT' && method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'upload with PUT');
    await routes.storage.handleUpload(req, res, pathname.slice('/__storage-upload/'.length));
    return;
  }
  if (pathname.startsWith('/__storage/')) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'download with GET');
    routes.storage.handleDownload(req, res, pathname.slice('/__storage/'.length));
    return;
  }
  if (pathname.startsWith('/__localcloud/')) {
    await handleControl(routes.control, req, res, pathname.slice('/__localcloud/'.length));
    return;
  }
  if (pathname === '/console' || pathname.startsWith('/console/')) {
    await routes.console.handle(req, res, pathname);
    return;
  }
  if (routes.staticDir && (method === 'GET' || method === 'HEAD')) {
    serveStatic(routes.staticDir, req, res, pathname);
    return;
  }
  sendError(res, 404, 'NOT_FOUND', `no route for ${method} ${pathname}`);
}

export function createHttpServer(routes: Routes): http.Server {
  const server = http.createServer((req, res) => {
    route(routes, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        sendError(res, err.status, err.code, err.message);
        return;
      }
      routes.warn(`internal error on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendError(res, 500, 'INTERNAL', 'localcloud internal error (see its log)');
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
