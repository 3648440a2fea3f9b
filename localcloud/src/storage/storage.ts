import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ActionTable } from '../admin/types';
import { CloudError, ErrorCodes } from '../errors';
import { readBody, sendBuffer } from '../http/respond';
import { contentTypeFor } from '../http/mime';
import { isPlainObject } from '../db/values';

/**
 * Cloud storage as @cloudbase/node-sdk drives it (src/storage/index.ts):
 * - uploadFile: `storage.getUploadMetadata` → a signed URL, then an HTTP PUT of the bytes to it
 *   (an empty 200 body means success; COS answers errors as XML);
 * - getTempFileURL / downloadFile: `storage.batchGetDownloadUrl`, then a GET of `tempFileURL`;
 * - deleteFile: `storage.batchDeleteFile`.
 * Files live under `<dataDir>/storage/<cloudPath>` and are served at `/__storage/<cloudPath>`.
 */

const UPLOAD_TTL_MS = 10 * 60 * 1000;

function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  const id = randomBytes(8).toString('hex');
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  sendBuffer(res, status, Buffer.from(xml), 'application/xml');
}

export class Storage {
  private readonly uploads = new Map<string, { cloudPath: string; expires: number }>();

  constructor(
    readonly root: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    fs.mkdirSync(root, { recursive: true });
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.localcloud-${this.envId}/${cloudPath}`;
  }

  /** `cloud://<env>.<bucket>/<path>` → `<path>`, or null when it is not one of ours. */
  cloudPathOf(fileId: string): string | null {
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
    if (!match) return null;
    try {
      return this.checkPath(match[1]);
    } catch {
      return null;
    }
  }

  private checkPath(cloudPath: string): string {
    const parts = cloudPath.split('/');
    const bad =
      !cloudPath ||
      cloudPath.startsWith('/') ||
      cloudPath.length > 1024 ||
      /[\u0000-\u001f\u007f\\]/.test(cloudPath) ||
      parts.some((p) => p === '' || p === '.' || p === '..' || Buffer.byteLength(p) > 255);
    if (bad) throw new CloudError(ErrorCodes.INVALID_PARAM, `invalid cloudPath "${cloudPath.slice(0, 200)}"`);
    return cloudPath;
  }

  private filePath(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  tempUrl(cloudPath: string): string {
    // Not percent-encoded: the SDK's downloadFile runs encodeURI over it.
    return `${this.baseUrl()}/__storage/${cloudPath}`;
  }

  exists(cloudPath: string): boolean {
    return fs.existsSync(this.filePath(cloudPath));
  }

  clear(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
    fs.mkdirSync(this.root, { recursive: true });
    this.uploads.clear();
  }

  actions(): ActionTable {
    return {
      'storage.getUploadMetadata': ({ params }) => {
        const cloudPath = this.checkPath(typeof params.path === 'string' ? params.path : '');
        const token = randomBytes(16).toString('hex');
        const now = Date.now();
        for (const [key, upload] of this.uploads) if (upload.expires < now) this.uploads.delete(key);
        this.uploads.set(token, { cloudPath, expires: now + UPLOAD_TTL_MS });
        return {
          json: {
            data: {
              url: `${this.baseUrl()}/__storage-upload/${token}`,
              token: `localcloud-${token}`,
              authorization: `localcloud ${token}`,
              fileId: this.fileId(cloudPath),
              cosFileId: token,
              download_url: this.tempUrl(cloudPath),
            },
          },
        };
      },

      'storage.batchGetDownloadUrl': ({ params }) => {
        const list = Array.isArray(params.file_list) ? params.file_list : [];
        const download_list = list.map((item) => {
          const fileID = isPlainObject(item) && typeof item.fileid === 'string' ? item.fileid : '';
          const maxAge = isPlainObject(item) && typeof item.max_age === 'number' ? item.max_age : 7200;
          const cloudPath = this.cloudPathOf(fileID);
          if (!cloudPath || !this.exists(cloudPath)) {
            return { fileID, tempFileURL: '', code: ErrorCodes.STORAGE_FILE_NONEXIST, message: 'storage file not exists' };
          }
          return { fileID, tempFileURL: this.tempUrl(cloudPath), maxAge, code: 'SUCCESS' };
        });
        return { json: { data: { download_list } } };
      },

      'storage.batchDeleteFile': ({ params }) => {
        const list = Array.isArray(params.fileid_list) ? params.fileid_list : [];
        const delete_list = list.map((fileID) => {
          const id = typeof fileID === 'string' ? fileID : '';
          const cloudPath = this.cloudPathOf(id);
          if (!cloudPath || !this.exists(cloudPath)) return { fileID: id, code: ErrorCodes.STORAGE_FILE_NONEXIST };
          fs.rmSync(this.filePath(cloudPath), { force: true });
          return { fileID: id, code: 'SUCCESS' };
        });
        return { json: { data: { delete_list } } };
      },
    };
  }

  /** PUT /__storage-upload/<token>: the upload step of uploadFile. */
  async handleUpload(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const upload = this.uploads.get(token);
    if (!upload || upload.expires < Date.now()) {
      cosError(res, 403, 'AccessDenied', 'upload URL is unknown or expired');
      return;
    }
    const body = await readBody(req);
    const target = this.filePath(upload.cloudPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${token}.uploading`;
    await fs.promises.writeFile(tmp, body);
    await fs.promises.rename(tmp, target);
    this.uploads.delete(token);
    sendBuffer(res, 200, Buffer.alloc(0), 'text/plain');
  }

  /** GET/HEAD /__storage/<cloudPath>. */
  handleDownload(req: IncomingMessage, res: ServerResponse, rawPath: string): void {
    let cloudPath: string;
    try {
      cloudPath = this.checkPath(decodeURIComponent(rawPath));
    } catch {
      cosError(res, 400, 'InvalidURI', 'invalid file path');
      return;
    }
    const file = this.filePath(cloudPath);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || !stat.isFile()) {
      cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeFor(file), 'content-length': stat.size, 'access-control-allow-origin': '*' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }
}
