import { EJSON } from 'bson';
import { CloudError, ErrorCodes } from '../errors';
import type { IndexCatalog, IndexSpec } from './indexes';
import type { Write } from './transactions';
import { getPath, type Doc, type IdKey } from './values';

function encodeKeyPart(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return `b${value}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  return `o${EJSON.stringify(value, { relaxed: true })}`;
}

function describeKey(doc: Doc, index: IndexSpec): string {
  return index.keys.map(([field]) => `${field}: ${JSON.stringify(getPath(doc, field) ?? null)}`).join(', ');
}

/**
 * Unique indexes from the index file, enforced like MongoDB's (a missing field counts as null, so
 * two documents without the field collide). Each index is a map from key value to document.
 */
export class UniqueConstraints {
  private readonly byCollection = new Map<string, Array<{ index: IndexSpec; owners: Map<string, IdKey> }>>();

  constructor(
    private readonly catalog: IndexCatalog,
    private readonly namespace: () => string,
  ) {}

  rebuild(collections: Map<string, Map<IdKey, Doc>>): void {
    this.byCollection.clear();
    for (const coll of this.catalog.collections()) {
      const indexes = this.catalog.uniqueIndexes(coll).map((index) => ({ index, owners: new Map<string, IdKey>() }));
      if (indexes.length === 0) continue;
      this.byCollection.set(coll, indexes);
      for (const [key, doc] of collections.get(coll) ?? []) {
        for (const { index, owners } of indexes) owners.set(this.keyOf(doc, index), key);
      }
    }
  }

  private keyOf(doc: Doc, index: IndexSpec): string {
    return index.keys.map(([field]) => encodeKeyPart(getPath(doc, field))).join('\u0001');
  }

  /** Throws E11000 if applying `writes` would break a unique index; changes nothing. */
  check(writes: Write[]): void {
    if (this.byCollection.size === 0) return;
    for (const [coll, indexes] of this.byCollection) {
      const mine = writes.filter((w) => w.coll === coll);
      if (mine.length === 0) continue;
      for (const { index, owners } of indexes) {
        const overlay = new Map<string, IdKey | null>();
        for (const w of mine) {
          if (!w.before) continue;
          const k = this.keyOf(w.before, index);
          if (owners.get(k) === w.key) overlay.set(k, null);
        }
        for (const w of mine) {
          if (!w.after) continue;
          const k = this.keyOf(w.after, index);
          const owner = overlay.has(k) ? overlay.get(k) : owners.get(k);
          if (owner !== undefined && owner !== null && owner !== w.key) {
            throw new CloudError(
              ErrorCodes.REQUEST_FAILED,
              `E11000 duplicate key error collection: ${this.namespace()}.${coll} index: ${index.name} dup key: { ${describeKey(w.after, index)} }`,
            );
          }
          overlay.set(k, w.key);
        }
      }
    }
  }

  apply(writes: Write[]): void {
    if (this.byCollection.size === 0) return;
    for (const w of writes) {
      const indexes = this.byCollection.get(w.coll);
      if (!indexes) continue;
      for (const { index, owners } of indexes) {
        if (w.before) {
          const k = this.keyOf(w.before, index);
          if (owners.get(k) === w.key) owners.delete(k);
        }
        if (w.after) owners.set(this.keyOf(w.after, index), w.key);
      }
    }
  }
}
