import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentTypeFor } from './mime';
import { sendError } from './respond';

/**
 * Serves a static site (the H5 build) at `/`. A GET of an unknown path without a file extension
 * answers index.html so client-side routes work (SPA fallback).
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendError(res, 400, 'BAD_PATH', 'malformed path');
    return;
  }
  const base = path.resolve(root);
  let file = path.resolve(base, `.${decoded}`);
  if (file !== base && !file.startsWith(base + path.sep)) {
    sendError(res, 403, 'FORBIDDEN', 'path outside the static root');
    return;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) {
    if (path.extname(decoded) !== '') {
      sendError(res, 404, 'NOT_FOUND', `no file ${decoded}`);
      return;
    }
    file = path.join(base, 'index.html');
    if (!fs.existsSync(file)) {
      sendError(res, 404, 'NOT_FOUND', 'the static directory has no index.html');
      return;
    }
  }
  const size = fs.statSync(file).size;
  const cache = path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=60';
  res.writeHead(200, { 'content-type': contentTypeFor(file), 'content-length': size, 'cache-control': cache });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
