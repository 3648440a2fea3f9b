import fs from 'node:fs';
import { CloudError, ErrorCodes } from '../errors';
import { isPlainObject } from './values';

/**
 * The indexes ops create in the cloud console, read from a JSON file:
 *   { "<collection>": [ { "name": "by_openid_date", "keys": { "openid": 1, "date": -1 }, "unique": false } ] }
 * Every collection has its implicit unique `_id` index.
 *
 * A filter is covered when the index can bound the scan, as MongoDB's planner would: the `_id` or
 * the first key of some index carries an equality or range predicate (`$eq`, plain value, `$in`,
 * `$gt/$gte/$lt/$lte`, `$all`, `$elemMatch`, an anchored regexp). `$and` unions its branches' fields;
 * `$or` is covered when every branch is. Negations (`$ne`, `$nin`, `$not`, `$exists`) never bound.
 * Sorting is not checked. An aggregation is covered when its first stage is a covered `$match`,
 * and each `$lookup` joins on `_id` or the first key of an index of the joined collection.
 */

export type IndexKind = 1 | -1 | '2dsphere';

export interface IndexSpec {
  name: string;
  keys: Array<[field: string, kind: IndexKind]>;
  unique: boolean;
}

const GEO_OPERATORS = new Set(['$near', '$nearSphere', '$geoWithin', '$geoIntersects']);

export interface UncoveredQuery {
  collection: string;
  operation: string;
  fields: string[];
  count: number;
}

const BOUNDING_OPERATORS = new Set(['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$all', '$elemMatch']);

export function parseIndexFile(raw: unknown, source: string): Map<string, IndexSpec[]> {
  if (!isPlainObject(raw)) throw new Error(`${source}: expected an object of collection → index list`);
  const out = new Map<string, IndexSpec[]>();
  for (const [collection, list] of Object.entries(raw)) {
    if (collection.startsWith('$')) continue; // e.g. "$schema" / "$comment"
    if (!Array.isArray(list)) throw new Error(`${source}: "${collection}" must be an array of indexes`);
    out.set(
      collection,
      list.map((entry, i) => {
        if (!isPlainObject(entry) || !isPlainObject(entry.keys) || Object.keys(entry.keys).length === 0) {
          throw new Error(`${source}: ${collection}[${i}] needs "keys": {"field": 1 | -1 | "2dsphere", …}`);
        }
        const keys = Object.entries(entry.keys).map(([field, dir]): [string, IndexKind] => {
          if (dir !== 1 && dir !== -1 && dir !== '2dsphere')
            throw new Error(`${source}: ${collection}[${i}].keys.${field} must be 1, -1 or "2dsphere"`);
          return [field, dir];
        });
        const name = typeof entry.name === 'string' ? entry.name : keys.map(([f, d]) => `${f}_${d}`).join('_');
        return { name, keys, unique: entry.unique === true };
      }),
    );
  }
  return out;
}

function isAnchoredRegExp(value: unknown): boolean {
  return value instanceof RegExp && value.source.startsWith('^') && !value.flags.includes('i');
}

/** How a geo predicate on `field` appears among bounded fields: only a 2dsphere key serves it. */
const GEO_PREFIX = '\u0000geo:';

/** Fields a filter bounds (ignoring `$or`, which is handled separately). */
function boundedFields(filter: Record<string, unknown>, out: Set<string>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const branch of value) if (isPlainObject(branch)) boundedFields(branch, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(value)) {
      const ops = Object.keys(value).filter((k) => k.startsWith('$'));
      if (ops.some((op) => GEO_OPERATORS.has(op))) out.add(`${GEO_PREFIX}${key}`);
      if (ops.length === 0)
        out.add(key); // embedded document equality
      else if (ops.some((op) => BOUNDING_OPERATORS.has(op))) out.add(key);
      else if (ops.includes('$regex') && isAnchoredRegExp(value.$regex)) out.add(key);
    } else if (!(value instanceof RegExp) || isAnchoredRegExp(value)) {
      out.add(key);
    }
  }
}

/** All field names a filter mentions, for reporting. */
function mentionedFields(filter: unknown, out: Set<string>): void {
  if (Array.isArray(filter)) {
    for (const item of filter) mentionedFields(item, out);
    return;
  }
  if (!isPlainObject(filter)) return;
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) mentionedFields(value, out);
    else out.add(key);
  }
}

export class IndexCatalog {
  private indexes = new Map<string, IndexSpec[]>();
  private readonly reported = new Map<string, UncoveredQuery>();
  /** Whether an index file was found; without one there is nothing to check against. */
  loaded = false;

  constructor(
    private readonly file: string | undefined,
    readonly strict: boolean,
    private readonly warn: (message: string) => void,
  ) {}

  load(): void {
    this.indexes = new Map();
    this.loaded = false;
    if (!this.file || !fs.existsSync(this.file)) return;
    this.indexes = parseIndexFile(JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown, this.file);
    this.loaded = true;
  }

  collections(): string[] {
    return [...this.indexes.keys()];
  }

  /** The indexes of a collection besides `_id` (for the console). */
  indexesOf(collection: string): IndexSpec[] {
    return this.indexes.get(collection) ?? [];
  }

  uniqueIndexes(collection: string): IndexSpec[] {
    return (this.indexes.get(collection) ?? []).filter((ix) => ix.unique);
  }

  uncovered(): UncoveredQuery[] {
    return [...this.reported.values()];
  }

  resetReports(): void {
    this.reported.clear();
  }

  isFilterCovered(collection: string, filter: Record<string, unknown>): boolean {
    const orBranches = Array.isArray(filter.$or) ? filter.$or : null;
    const fields = new Set<string>();
    boundedFields(filter, fields);
    if (this.fieldsCovered(collection, fields)) return true;
    if (!orBranches || orBranches.length === 0) return false;
    const rest = { ...filter };
    delete rest.$or;
    return orBranches.every((branch) => isPlainObject(branch) && this.isFilterCovered(collection, { ...rest, ...branch }));
  }

  private fieldsCovered(collection: string, fields: Set<string>): boolean {
    if (fields.has('_id')) return true;
    return (this.indexes.get(collection) ?? []).some((ix) => {
      const [field, kind] = ix.keys[0];
      return kind === '2dsphere' ? fields.has(`${GEO_PREFIX}${field}`) : fields.has(field);
    });
  }

  /** Whether `field` has a 2dsphere index (what $near / geoNear need). Unknown without an index file. */
  hasGeoIndex(collection: string, field: string): boolean | null {
    if (!this.loaded) return null;
    return (this.indexes.get(collection) ?? []).some((ix) => ix.keys.some(([f, kind]) => f === field && kind === '2dsphere'));
  }

  /** The fields with a 2dsphere index (geoNear without `key` needs exactly one). */
  geoFields(collection: string): string[] {
    return (this.indexes.get(collection) ?? []).flatMap((ix) => ix.keys.filter(([, kind]) => kind === '2dsphere').map(([f]) => f));
  }

  /** Checks a find/count/update/remove filter. Throws in strict mode, reports once otherwise. */
  checkFilter(collection: string, operation: string, filter: Record<string, unknown>): void {
    if (!this.loaded) return;
    if (operation === 'count' && Object.keys(filter).length === 0) return; // served from metadata
    if (this.isFilterCovered(collection, filter)) return;
    const fields = new Set<string>();
    mentionedFields(filter, fields);
    this.fail(
      collection,
      operation,
      [...fields].sort(),
      Object.keys(filter).length === 0 ? 'an empty filter scans the whole collection' : undefined,
    );
  }

  checkPipeline(collection: string, pipeline: Array<Record<string, unknown>>): void {
    if (!this.loaded) return;
    const first = pipeline[0];
    const match = first && isPlainObject(first.$match) ? first.$match : null;
    if (!match) {
      this.fail(collection, 'aggregate', [], 'the pipeline does not start with $match');
    } else if (!this.isFilterCovered(collection, match)) {
      const fields = new Set<string>();
      mentionedFields(match, fields);
      this.fail(collection, 'aggregate', [...fields].sort());
    }
    for (const stage of pipeline) {
      const lookup = isPlainObject(stage.$lookup) ? stage.$lookup : null;
      if (!lookup || typeof lookup.from !== 'string' || typeof lookup.foreignField !== 'string') continue;
      if (!this.fieldsCovered(lookup.from, new Set([lookup.foreignField]))) {
        this.fail(lookup.from, 'lookup', [lookup.foreignField]);
      }
    }
  }

  private fail(collection: string, operation: string, fields: string[], why?: string): void {
    const shape = `${collection}|${operation}|${fields.join(',')}`;
    const seen = this.reported.get(shape);
    const fieldText = fields.length ? `fields [${fields.join(', ')}]` : 'no fields';
    const message =
      `query not covered by an index: collection "${collection}", ${operation} on ${fieldText}` +
      `${why ? ` (${why})` : ''}; add an index to ${this.file ?? 'the indexes file'}`;
    if (seen) seen.count++;
    else {
      this.reported.set(shape, { collection, operation, fields, count: 1 });
      if (!this.strict) this.warn(message);
    }
    if (this.strict) throw new CloudError(ErrorCodes.REQUEST_FAILED, `localcloud strict indexes: ${message}`);
  }
}
