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

/**
 * A snapshot-isolated transaction. It reads the committed state as of its start: whenever someone
 * else commits a change while it is open, the document's previous version is kept in `preImages`.
 * Its own writes stay in `writes` until commit. A commit fails with DATABASE_TRANSACTION_CONFLICT
 * when a document it wrote was changed by another commit since it started (first committer wins);
 * conflicts are reported at commit because that is where the SDK's runTransaction looks for the
 * code (wx-server-sdk rewraps errors of the individual calls and loses it).
 */
export class Transaction {
  readonly preImages: DocVersions = new Map();
  readonly writes: DocVersions = new Map();
  lastActive = Date.now();

  constructor(readonly id: string) {}

  touch(): void {
    this.lastActive = Date.now();
  }

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

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(private readonly idleTimeoutMs = 30_000) {}

  start(): Transaction {
    this.expire();
    const txn = new Transaction(randomBytes(16).toString('hex'));
    this.open.set(txn.id, txn);
    return txn;
  }

  get(id: string): Transaction {
    const txn = this.open.get(id);
    if (!txn) {
      throw new CloudError(ErrorCodes.TRANSACTION_FAIL, `transaction ${id} does not exist (committed, aborted or expired)`);
    }
    txn.touch();
    return txn;
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
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, txn] of this.open) if (txn.lastActive < cutoff) this.open.delete(id);
  }
}
