import { randomBytes } from 'node:crypto';
import { CloudError, ErrorCodes } from '../errors';
import type { Doc, IdKey } from './values';

/** A committed change to one document (`undefined` = absent). */
export interface Write {
  coll: string;
  key: IdKey;
  before: Doc | undefined;
  after: Doc | undefined;
}

type DocVersions = Map<string, Map<IdKey, Doc | null>>;

function getIn(map: DocVersions, coll: string, key: IdKey): Doc | null | undefined {
  return map.get(coll)?.get(key);
}

function setIn(map: DocVersions, coll: string, key: IdKey, doc: Doc | null): void {
  let inner = map.get(coll);
  if (!inner) map.set(coll, (inner = new Map()));
  inner.set(key, doc);
}

/** CloudBase's own messages (the node-sdk's transaction tests quote them). */
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

export function transactionConflict(): CloudError {
  return new CloudError(ErrorCodes.TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
}

/**
 * A snapshot-isolated transaction. It reads the committed state as of its start: whenever someone
 * else commits a change while it is open, the document's previous version is kept in `preImages`.
 * Its own writes stay in `writes` (which lock those documents against other transactions) until
 * commit. As on CloudBase, a write fails with DATABASE_TRANSACTION_CONFLICT at once when another
 * open transaction has written the document or it changed since this one started; a commit fails
 * with it when a document it wrote was changed meanwhile by a write outside any transaction.
 */
export class Transaction {
  readonly preImages: DocVersions = new Map();
  readonly writes: DocVersions = new Map();
  /** Real time (not localcloud's clock): moving the clock must not end transactions. */
  readonly startedAt = Date.now();

  constructor(readonly id: string) {}

  /** The transaction's view of one document. */
  read(committed: Map<IdKey, Doc> | undefined, coll: string, key: IdKey): Doc | undefined {
    const own = getIn(this.writes, coll, key);
    if (own !== undefined) return own ?? undefined;
    const pre = getIn(this.preImages, coll, key);
    if (pre !== undefined) return pre ?? undefined;
    return committed?.get(key);
  }

  /** The transaction's view of a whole collection. */
  *scan(committed: Map<IdKey, Doc> | undefined, coll: string): Generator<Doc> {
    const pre = this.preImages.get(coll);
    const own = this.writes.get(coll);
    if (committed) {
      for (const [key, doc] of committed) if (!own?.has(key) && !pre?.has(key)) yield doc;
    }
    if (pre) for (const [key, doc] of pre) if (doc && !own?.has(key)) yield doc;
    if (own) for (const doc of own.values()) if (doc) yield doc;
  }

  stage(coll: string, key: IdKey, doc: Doc | null): void {
    setIn(this.writes, coll, key, doc);
  }

  /** Records the version this transaction must keep seeing before someone else's commit. */
  remember(write: Write): void {
    if (getIn(this.preImages, write.coll, write.key) === undefined) {
      setIn(this.preImages, write.coll, write.key, write.before ?? null);
    }
  }

  /** Whether this transaction has written (staged) the document. */
  hasWritten(coll: string, key: IdKey): boolean {
    return getIn(this.writes, coll, key) !== undefined;
  }

  /** Whether the document was changed by someone else since this transaction started. */
  changedSinceStart(coll: string, key: IdKey): boolean {
    return getIn(this.preImages, coll, key) !== undefined;
  }

  conflicts(): string[] {
    const out: string[] = [];
    for (const [coll, docs] of this.writes) {
      const pre = this.preImages.get(coll);
      for (const key of docs.keys()) if (pre?.has(key)) out.push(`${coll}/${String(key)}`);
    }
    return out;
  }

  staged(): Array<{ coll: string; key: IdKey; doc: Doc | null }> {
    const out: Array<{ coll: string; key: IdKey; doc: Doc | null }> = [];
    for (const [coll, docs] of this.writes) for (const [key, doc] of docs) out.push({ coll, key, doc });
    return out;
  }
}

/** A transaction must be committed or aborted within 30 seconds of its start (CloudBase's rule). */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(private readonly lifetimeMs = 30_000) {}

  start(): Transaction {
    this.expire();
    const txn = new Transaction(randomBytes(16).toString('hex'));
    this.open.set(txn.id, txn);
    return txn;
  }

  get(id: string): Transaction {
    this.expire();
    const txn = this.open.get(id);
    if (!txn) throw new CloudError(ErrorCodes.TRANSACTION_FAIL, TRANSACTION_NOT_EXIST_MESSAGE);
    return txn;
  }

  /**
   * Throws the conflict error if `txn` may not write the document: another open transaction has
   * written it (and holds its lock), or it changed since `txn` started.
   */
  checkWrite(txn: Transaction, coll: string, key: IdKey): void {
    if (txn.changedSinceStart(coll, key)) throw transactionConflict();
    for (const other of this.open.values()) if (other !== txn && other.hasWritten(coll, key)) throw transactionConflict();
  }

  end(id: string): void {
    this.open.delete(id);
  }

  /** Keeps every open transaction's snapshot stable across a commit by `committer` (if any). */
  beforeCommit(writes: Write[], committer?: Transaction): void {
    if (this.open.size === 0) return;
    for (const txn of this.open.values()) {
      if (txn === committer) continue;
      for (const write of writes) txn.remember(write);
    }
  }

  clear(): void {
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }

  private expire(): void {
    const cutoff = Date.now() - this.lifetimeMs;
    for (const [id, txn] of this.open) if (txn.startedAt < cutoff) this.open.delete(id);
  }
}
