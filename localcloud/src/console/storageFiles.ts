import fs from 'node:fs';
import path from 'node:path';
import { contentTypeFor } from '../http/mime';
import type { Storage } from '../storage/storage';
import type { StorageAnswer, StorageFile } from './protocol';

const MAX_FILES = 2000;

/** The files in cloud storage, newest first (uploads still in flight are left out). */
export function listStorageFiles(storage: Storage): StorageAnswer {
  const files: StorageFile[] = [];
  let truncated = false;
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (files.length >= MAX_FILES) {
        truncated = true;
        return;
      }
      const cloudPath = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, cloudPath);
      else if (entry.isFile() && !entry.name.endsWith('.uploading')) {
        const stat = fs.statSync(full);
        files.push({
          cloudPath,
          fileId: storage.fileId(cloudPath),
          size: stat.size,
          modifiedAt: stat.mtime.toISOString(),
          contentType: contentTypeFor(entry.name),
          url: `/__storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}`,
        });
      }
    }
  };
  if (fs.existsSync(storage.root)) walk(storage.root, '');
  files.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.cloudPath.localeCompare(b.cloudPath));
  return { files, truncated };
}
