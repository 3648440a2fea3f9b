import type { Clock } from '../clock';
import { CloudError, ErrorCodes, errorMessage } from '../errors';
import { docToEJSON } from './ejson';
import { applyModifier, compileFilter, runPipeline, select } from './engine';
import { findNear, nearDistance } from './geo';
import type { IndexCatalog } from './indexes';
import { Journal, type JournalOp } from './journal';
import { TransactionManager, transactionConflict, type Transaction, type Write } from './transactions';
import { UniqueConstraints } from './unique';
import { checkStorable } from './storable';
import { cloneValue, generateId, idKey, isDocId, isPlainObject, type Doc, type DocId, type IdKey } from './values';

export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** What a modify request does to each matched document. */
export type UpdateSpec = { kind: 'modifier'; modifier: Record<string, unknown> } | { kind: 'replace'; doc: Record<string, unknown> };

export interface UpdateOptions {
  multi: boolean;
  upsert: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upsertedId?: DocId;
  /** The (last) document after the update, or the one that matched when nothing changed. */
  doc?: Doc;
}

/** A write's result plus the promise that it is on disk; handlers answer only after it resolves. */
export interface Durable<T> {
  result: T;
  durable: Promise<void>;
}

export interface DatabaseOptions {
  dir: string;
  clock: Clock;
  catalog: IndexCatalog;
  /** Used in E11000 messages, like the cloud's `<env>.<collection>` namespace. */
  envId: string;
  fsync?: boolean;
  compactBytes?: number;
  /** Aggregations without a `$limit` stage return at most this many documents (cloud default 20). */
  aggregateDefaultLimit?: number;
  warn: (message: string) => void;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DONE: Promise<void> = Promise.resolve();

/** The `_id`s a filter pins down directly (`{_id: x}`, `{_id: {$eq: x}}`, `{_id: {$in: […]}}`). */
function pinnedIds(filter: Record<string, unknown>): { keys: IdKey[]; exact: boolean } | null {
  const value = filter._id;
  if (value === undefined) return null;
  const exact = Object.keys(filter).length === 1;
  if (isDocId(value)) return { keys: [idKey(value)], exact };
  if (isPlainObject(value)) {
    const ops = Object.keys(value);
    if (ops.length === 1 && ops[0] === '$eq' && isDocId(value.$eq)) return { keys: [idKey(value.$eq)], exact };
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray(value.$in) && value.$in.every(isDocId)) {
      return { keys: [...new Set(value.$in.map(idKey))], exact };
    }
  }
  return null;
}

function usesPositional(modifier: Record<string, unknown>): boolean {
  return Object.values(modifier).some((fields) => isPlainObject(fields) && Object.keys(fields).some((f) => f.includes('$')));
}

function wrapEngineError(err: unknown): never {
  if (err instanceof CloudError) throw err;
  throw new CloudError(ErrorCodes.REQUEST_FAILED, errorMessage(err));
}

/**
 * The document database: collections held in memory (a Map per collection, keyed by `_id`),
 * MongoDB semantics from mingo, durability from the journal. Every operation reads and writes
 * synchronously, so a conditional update is atomic; only waiting for the journal is async.
 */
export class Database {
  readonly collections = new Map<string, Map<IdKey, Doc>>();
  readonly transactions = new TransactionManager();
  private readonly journal: Journal;
  private readonly unique: UniqueConstraints;
  private readonly aggregateDefaultLimit: number;

  constructor(private readonly options: DatabaseOptions) {
    this.journal = new Journal(options.dir, () => this.snapshotOps(), {
      fsync: options.fsync,
      compactBytes: options.compactBytes,
      warn: options.warn,
    });
    this.unique = new UniqueConstraints(options.catalog, () => options.envId);
    this.aggregateDefaultLimit = options.aggregateDefaultLimit ?? 20;
  }

  async open(): Promise<void> {
    await this.journal.open((op) => this.replay(op));
    this.unique.rebuild(this.collections);
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  private *snapshotOps(): Generator<JournalOp> {
    for (const [coll, docs] of this.collections) {
      yield { kind: 'create', coll };
      for (const doc of docs.values()) yield { kind: 'put', coll, doc };
    }
  }

  private replay(op: JournalOp): void {
    switch (op.kind) {
      case 'create':
        if (!this.collections.has(op.coll)) this.collections.set(op.coll, new Map());
        break;
      case 'drop':
        this.collections.delete(op.coll);
        break;
      case 'put': {
        let docs = this.collections.get(op.coll);
        if (!docs) this.collections.set(op.coll, (docs = new Map()));
        docs.set(idKey(op.doc._id), op.doc);
        break;
      }
      case 'del':
        this.collections.get(op.coll)?.delete(idKey(op.id));
        break;
    }
  }

  // ---- collections -------------------------------------------------------------------------

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  private requireCollection(name: string): Map<IdKey, Doc> {
    const docs = this.collections.get(name);
    if (!docs) {
      throw new CloudError(
        ErrorCodes.COLLECTION_NOT_EXIST,
        `[ResourceNotFound] Db or Table not exist: ${name}. database collection not exists`,
      );
    }
    return docs;
  }

  createCollection(name: string): Promise<void> {
    if (!COLLECTION_NAME.test(name)) {
      throw new CloudError(ErrorCodes.INVALID_PARAM, `invalid collection name "${name}": use letters, digits, _ and -`);
    }
    if (this.collections.has(name)) {
      throw new CloudError(ErrorCodes.COLLECTION_ALREADY_EXIST, `collection ${name} already exists`);
    }
    this.collections.set(name, new Map());
    return this.journal.append([{ kind: 'create', coll: name }]);
  }

  /** Creates the collections that do not exist yet (no error for existing ones). */
  ensureCollections(names: Iterable<string>): Promise<void> {
    const ops: JournalOp[] = [];
    for (const name of names) {
      if (this.collections.has(name) || !COLLECTION_NAME.test(name)) continue;
      this.collections.set(name, new Map());
      ops.push({ kind: 'create', coll: name });
    }
    return this.journal.append(ops);
  }

  /** Empties everything, lets `fill` put documents in place, and makes that state durable. */
  async reset(fill?: (db: Database) => void): Promise<void> {
    this.transactions.clear();
    this.collections.clear();
    fill?.(this);
    this.unique.rebuild(this.collections);
    await this.journal.compact();
  }

  /** Direct load used by `reset` fills: creates the collection and puts documents as they are. */
  loadDocuments(coll: string, docs: Record<string, unknown>[]): void {
    let map = this.collections.get(coll);
    if (!map) this.collections.set(coll, (map = new Map()));
    for (const raw of docs) {
      const doc = this.normalizeNewDoc(raw);
      map.set(idKey(doc._id), doc);
    }
  }

  /** Upserts documents through the journal (startup `--seed`). */
  upsertDocuments(coll: string, docs: Record<string, unknown>[]): Promise<void> {
    const ensured = this.ensureCollections([coll]);
    const map = this.requireCollection(coll);
    const writes: Write[] = docs.map((raw) => {
      const doc = this.normalizeNewDoc(raw);
      const key = idKey(doc._id);
      return { coll, key, before: map.get(key), after: doc };
    });
    return Promise.all([ensured, this.commitWrites(writes)]).then(() => undefined);
  }

  private normalizeNewDoc(raw: Record<string, unknown>): Doc {
    if (!isPlainObject(raw)) throw new CloudError(ErrorCodes.INVALID_PARAM, 'a document must be an object');
    const { _id, ...rest } = raw;
    if (_id !== undefined && !isDocId(_id)) {
      throw new CloudError(ErrorCodes.INVALID_PARAM, '_id must be a string, a number or an ObjectId');
    }
    const doc = { _id: _id === undefined ? generateId() : _id, ...rest };
    checkStorable(doc);
    return doc;
  }

  // ---- reads ---------------------------------------------------------------------------------

  private readDoc(committed: Map<IdKey, Doc>, coll: string, key: IdKey, txn?: Transaction): Doc | undefined {
    return txn ? txn.read(committed, coll, key) : committed.get(key);
  }

  private matching(coll: string, filter: Record<string, unknown>, txn?: Transaction): Doc[] {
    const committed = this.requireCollection(coll);
    const pinned = pinnedIds(filter);
    if (pinned) {
      const docs: Doc[] = [];
      for (const key of pinned.keys) {
        const doc = this.readDoc(committed, coll, key, txn);
        if (doc) docs.push(doc);
      }
      return pinned.exact ? docs : docs.filter(this.compile(filter));
    }
    const source = txn ? txn.scan(committed, coll) : committed.values();
    if (Object.keys(filter).length === 0) return [...source];
    const test = this.compile(filter);
    const out: Doc[] = [];
    for (const doc of source) if (test(doc)) out.push(doc);
    return out;
  }

  private compile(filter: Record<string, unknown>): (doc: Doc) => boolean {
    try {
      const test = compileFilter(filter);
      return (doc) => {
        try {
          return test(doc);
        } catch (err) {
          return wrapEngineError(err);
        }
      };
    } catch (err) {
      return wrapEngineError(err);
    }
  }

  find(coll: string, filter: Record<string, unknown>, options: FindOptions, txn?: Transaction): Doc[] {
    let docs = this.matching(coll, filter, txn);
    const skip = options.skip ?? 0;
    const limit = options.limit ?? docs.length;
    const projection = options.projection && Object.keys(options.projection).length > 0 ? options.projection : undefined;
    const sort = options.sort && Object.keys(options.sort).length > 0 ? options.sort : undefined;
    docs = this.nearestFirst(coll, filter, docs, sort !== undefined);
    if (!projection && !sort) return docs.slice(skip, skip + limit);
    try {
      return select(docs, { sort, skip, limit, projection });
    } catch (err) {
      return wrapEngineError(err);
    }
  }

  /**
   * `$near` / `$nearSphere` (db.command.geoNear) order the results nearest first (an explicit sort
   * overrides that, as in MongoDB) and need a 2dsphere index on the field.
   */
  private nearestFirst(coll: string, filter: Record<string, unknown>, docs: Doc[], sorted: boolean): Doc[] {
    let near;
    try {
      near = findNear(filter);
    } catch (err) {
      return wrapEngineError(err);
    }
    if (!near) return docs;
    if (this.options.catalog.hasGeoIndex(coll, near.field) === false) {
      throw new CloudError(
        ErrorCodes.REQUEST_FAILED,
        `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (no 2dsphere index on ${coll}.${near.field})`,
      );
    }
    if (sorted) return docs;
    const { field, spec } = near;
    return docs
      .map((doc) => [nearDistance(doc, field, spec) ?? Infinity, doc] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, doc]) => doc);
  }

  count(coll: string, filter: Record<string, unknown>, txn?: Transaction): number {
    if (Object.keys(filter).length === 0 && !txn) return this.requireCollection(coll).size;
    return this.matching(coll, filter, txn).length;
  }

  aggregate(coll: string, pipeline: Array<Record<string, unknown>>): Record<string, unknown>[] {
    const committed = this.requireCollection(coll);
    const { catalog } = this.options;
    try {
      const out = runPipeline([...committed.values()], pipeline, {
        // Joined documents are copied so later stages cannot modify stored ones.
        collection: (name) => [...(this.collections.get(name)?.values() ?? [])].map(cloneValue),
        geoField: (key) => {
          if (key !== undefined) {
            if (catalog.hasGeoIndex(coll, key) === false) throw new Error(`$geoNear: no 2dsphere index on ${coll}.${key}`);
            return key;
          }
          const fields = catalog.geoFields(coll);
          if (fields.length !== 1) {
            throw new Error(
              `$geoNear requires a 'key' option${fields.length === 0 ? ': there is no 2dsphere index' : ' as there are multiple 2dsphere indexes'}`,
            );
          }
          return fields[0];
        },
      });
      const limited = pipeline.some((stage) => '$limit' in stage);
      return limited ? out : out.slice(0, this.aggregateDefaultLimit);
    } catch (err) {
      return wrapEngineError(err);
    }
  }

  // ---- writes --------------------------------------------------------------------------------

  private duplicateKey(coll: string, id: DocId): CloudError {
    return new CloudError(
      ErrorCodes.REQUEST_FAILED,
      `E11000 duplicate key error collection: ${this.options.envId}.${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    );
  }

  /** Applies committed writes: checks unique indexes, keeps open snapshots stable, journals. */
  private commitWrites(writes: Write[], committer?: Transaction): Promise<void> {
    if (writes.length === 0) return DONE;
    this.unique.check(writes);
    this.transactions.beforeCommit(writes, committer);
    const ops: JournalOp[] = [];
    for (const w of writes) {
      const docs = this.collections.get(w.coll);
      if (!docs) continue;
      if (w.after) {
        docs.set(w.key, w.after);
        ops.push({ kind: 'put', coll: w.coll, doc: w.after });
      } else if (w.before) {
        docs.delete(w.key);
        ops.push({ kind: 'del', coll: w.coll, id: w.before._id });
      }
    }
    this.unique.apply(writes);
    return this.journal.append(ops);
  }

  private stageOrCommit(writes: Write[], txn?: Transaction): Promise<void> {
    if (!txn) return this.commitWrites(writes);
    for (const w of writes) this.transactions.checkWrite(txn, w.coll, w.key); // all or nothing
    for (const w of writes) txn.stage(w.coll, w.key, w.after ?? null);
    return DONE;
  }

  insert(coll: string, docs: Record<string, unknown>[], txn?: Transaction): Durable<DocId[]> {
    const committed = this.requireCollection(coll);
    const seen = new Set<IdKey>();
    const writes: Write[] = [];
    for (const raw of docs) {
      const doc = this.normalizeNewDoc(raw);
      const key = idKey(doc._id);
      if (seen.has(key) || this.readDoc(committed, coll, key, txn)) throw this.duplicateKey(coll, doc._id);
      seen.add(key);
      writes.push({ coll, key, before: undefined, after: doc });
    }
    return { result: writes.map((w) => (w.after as Doc)._id), durable: this.stageOrCommit(writes, txn) };
  }

  private applyUpdate(before: Doc, spec: UpdateSpec, filter: Record<string, unknown>): Doc | null {
    if (spec.kind === 'replace') {
      const { _id: ignored, ...rest } = spec.doc;
      void ignored;
      const after: Doc = { _id: before._id, ...rest };
      checkStorable(after);
      return docToEJSON(after) === docToEJSON(before) ? null : after;
    }
    const draft = cloneValue(before);
    let changed: string[];
    try {
      changed = applyModifier(draft, spec.modifier, usesPositional(spec.modifier) ? filter : undefined);
    } catch (err) {
      return wrapEngineError(err);
    }
    if (changed.length === 0) return null;
    if (idKey(draft._id) !== idKey(before._id) || !isDocId(draft._id)) {
      throw new CloudError(ErrorCodes.REQUEST_FAILED, "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    checkStorable(draft);
    return draft;
  }

  update(
    coll: string,
    filter: Record<string, unknown>,
    spec: UpdateSpec,
    options: UpdateOptions,
    txn?: Transaction,
  ): Durable<UpdateResult> {
    const committed = this.requireCollection(coll);
    const matches = this.matching(coll, filter, txn);
    const targets = options.multi ? matches : matches.slice(0, 1);
    const writes: Write[] = [];
    let last: Doc | undefined;
    for (const before of targets) {
      const after = this.applyUpdate(before, spec, filter);
      last = after ?? before;
      if (after) writes.push({ coll, key: idKey(before._id), before, after });
    }
    const result: UpdateResult = { matched: targets.length, modified: writes.length };
    if (targets.length === 0 && options.upsert) {
      const id = isDocId(filter._id) ? filter._id : generateId();
      const seed: Doc = { _id: id };
      const after = spec.kind === 'replace' ? { ...spec.doc, _id: id } : (this.applyUpdate(seed, spec, filter) ?? seed);
      const doc = this.normalizeNewDoc(after);
      const key = idKey(doc._id);
      if (this.readDoc(committed, coll, key, txn)) throw this.duplicateKey(coll, doc._id);
      writes.push({ coll, key, before: undefined, after: doc });
      result.upsertedId = doc._id;
      last = doc;
    }
    result.doc = last;
    return { result, durable: this.stageOrCommit(writes, txn) };
  }

  remove(coll: string, filter: Record<string, unknown>, options: { multi: boolean }, txn?: Transaction): Durable<number> {
    const matches = this.matching(coll, filter, txn);
    const targets = options.multi ? matches : matches.slice(0, 1);
    const writes: Write[] = targets.map((before) => ({ coll, key: idKey(before._id), before, after: undefined }));
    return { result: writes.length, durable: this.stageOrCommit(writes, txn) };
  }

  // ---- transactions --------------------------------------------------------------------------

  startTransaction(): string {
    return this.transactions.start().id;
  }

  transaction(id: string): Transaction {
    return this.transactions.get(id);
  }

  commitTransaction(id: string): Promise<void> {
    const txn = this.transactions.get(id);
    this.transactions.end(id);
    if (txn.conflicts().length > 0) throw transactionConflict();
    const writes: Write[] = [];
    for (const { coll, key, doc } of txn.staged()) {
      const committed = this.requireCollection(coll);
      const before = committed.get(key);
      if (!before && !doc) continue;
      writes.push({ coll, key, before, after: doc ?? undefined });
    }
    return this.commitWrites(writes, txn);
  }

  abortTransaction(id: string): void {
    this.transactions.get(id); // an unknown or expired transaction is an error here too
    this.transactions.end(id);
  }
}
