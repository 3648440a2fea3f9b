import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { isPlainObject, reviveValue } from './db/values';

/**
 * A seed directory holds one `<collection>.json` per collection, each a JSON array of documents.
 * Extended JSON is allowed (`{"$date": "2025-01-01T00:00:00Z"}`), and so is the SDK's server-date
 * placeholder `{"$tcb_server_date": {"offset": 86400000}}`, resolved against localcloud's clock at
 * load time (handy for "expires in a day"). Files whose name is not a collection name are ignored.
 */

const COLLECTION_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

export function readSeedDir(dir: string, now: () => number): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const name of fs.readdirSync(dir).sort()) {
    const match = COLLECTION_FILE.exec(name);
    if (!match) continue;
    const file = path.join(dir, name);
    let value: unknown;
    try {
      value = reviveValue(EJSON.parse(fs.readFileSync(file, 'utf8'), { relaxed: true }), now);
    } catch (err) {
      throw new Error(`${file}: not valid (extended) JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!Array.isArray(value)) throw new Error(`${file}: expected a JSON array of documents`);
    value.forEach((doc, index) => {
      if (!isPlainObject(doc)) throw new Error(`${file}[${index}]: a document must be an object`);
    });
    out.set(match[1], value as Record<string, unknown>[]);
  }
  return out;
}
