import { randomInt } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { DbCommand, SdkAggregate, SdkDatabase, SdkDocumentRef, SdkQuery, StageName } from './sdk';

/**
 * The database as the repositories see it: a few typed calls over the SDK, one round trip each.
 * Documents come back as the repositories' own types (the adapter is the boundary where the
 * SDK's untyped JSON becomes them; repositories normalise what they read). Query and update
 * operators come from `db.op` — nothing outside `_common` touches the SDK or `db.command`.
 *
 * Rules kept here once:
 * - no read without an explicit limit (server `get` returns at most 100 by default, and no code
 *   may assume more): `find` caps at 100, `pages` walks a collection by `_id` 100 at a time;
 * - a transaction is retried on DATABASE_TRANSACTION_CONFLICT with jittered backoff (the SDK's own
 *   runTransaction retries only 3 times, without waiting, which is not enough for 20 parallel
 *   calls); after the last attempt the member gets BUSY.
 */

export type Where = Record<string, unknown>;
export type Data = Record<string, unknown>;

export interface FindOptions {
  orderBy?: Array<[field: string, order: 'asc' | 'desc']>;
  /** 1…100. */
  limit: number;
  field?: Record<string, boolean>;
}

export const MAX_PAGE = 100;

/** One stage of an aggregation pipeline, e.g. `{ match: {...} }` (the SDK builder method and its argument). */
export type Stage = { [K in StageName]: { [P in K]: unknown } }[StageName];

export function isDuplicateKey(err: unknown): boolean {
  return errorText(err).includes('E11000');
}

/** The unique index an E11000 names (`_id_`, `inviteCode`, …), when it does. */
export function duplicateIndex(err: unknown): string | null {
  const m = /index: (\S+) dup key/.exec(errorText(err));
  return m ? m[1] : null;
}

/**
 * A write-write conflict of a transaction. The server refuses the conflicting write itself, and
 * wx-server-sdk rewraps that error (`document.update:fail -501001 resource system error.
 * [ResourceUnavailable.TransactionConflict] …`) without its code; at commit it arrives as
 * `DATABASE_TRANSACTION_CONFLICT`. Both mean: start over on a fresh snapshot.
 */
export function isTransactionConflict(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown };
  if (e.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return typeof e.message === 'string' && /DATABASE_TRANSACTION_CONFLICT|\[ResourceUnavailable\.TransactionConflict\]/.test(e.message);
}

function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  if (typeof err !== 'object' || err === null) return '';
  const e = err as { errMsg?: unknown; message?: unknown };
  return `${typeof e.errMsg === 'string' ? e.errMsg : ''} ${typeof e.message === 'string' ? e.message : ''}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads and writes inside one transaction (document operations only, as CloudBase allows). */
export class Tx {
  constructor(
    private readonly doc: (coll: string, id: string) => SdkDocumentRef,
    private readonly op: DbCommand,
  ) {}

  async get<T>(coll: string, id: string): Promise<T | null> {
    const res = await this.doc(coll, id).get();
    return (res.data ?? null) as T | null;
  }

  /** Creates or replaces a whole document (`_id` is the key, not part of `data`). */
  async set(coll: string, id: string, data: Data): Promise<void> {
    const { _id: _ignored, ...rest } = data;
    void _ignored;
    await this.doc(coll, id).set({ data: rest });
  }

  async update(coll: string, id: string, data: Data): Promise<void> {
    await this.doc(coll, id).update({ data });
  }

  /** Adds `by` to a numeric field (the value committed is the snapshot's plus `by`; a concurrent change conflicts). */
  async increment(coll: string, id: string, field: string, by: number): Promise<void> {
    await this.doc(coll, id).update({ data: { [field]: this.op.inc(by) } });
  }

  async remove(coll: string, id: string): Promise<void> {
    await this.doc(coll, id).remove();
  }
}

export interface TransactionOptions {
  /** Attempts before answering BUSY (default 10). */
  attempts?: number;
}

export class Database {
  constructor(private readonly sdk: SdkDatabase) {}

  /** Query and update operators (`op.gt(0)`, `op.inc(1)`, `op.remove()`…). */
  get op(): DbCommand {
    return this.sdk.command;
  }

  private query(coll: string, where: Where, options?: FindOptions): SdkQuery {
    let q: SdkQuery = this.sdk.collection(coll).where(where);
    for (const [field, order] of options?.orderBy ?? []) q = q.orderBy(field, order);
    if (options?.field) q = q.field(options.field);
    return q;
  }

  async get<T>(coll: string, id: string): Promise<T | null> {
    const res = await this.sdk.collection(coll).doc(id).get();
    return (res.data ?? null) as T | null;
  }

  async find<T>(coll: string, where: Where, options: FindOptions): Promise<T[]> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.limit)));
    const res = await this.query(coll, where, options).limit(limit).get();
    return res.data as T[];
  }

  /**
   * Every document matching `where`, walked by `_id` in pages of 100 (never one read of more),
   * up to `max` documents. `where` must not constrain `_id` itself.
   */
  async pages<T extends { _id: string }>(coll: string, where: Where, max = 1000): Promise<T[]> {
    const _ = this.op;
    const out: T[] = [];
    let after = '';
    while (out.length < max) {
      const page = await this.find<T>(coll, { ...where, _id: _.gt(after) }, { orderBy: [['_id', 'asc']], limit: MAX_PAGE });
      out.push(...page);
      if (page.length < MAX_PAGE) break;
      after = page[page.length - 1]._id;
    }
    return out.slice(0, max);
  }

  async count(coll: string, where: Where): Promise<number> {
    const res = await this.sdk.collection(coll).where(where).count();
    return res.total;
  }

  /** Inserts a document with its own `_id`; a taken `_id` (or unique key) throws E11000. */
  async add(coll: string, doc: Data & { _id: string }): Promise<void> {
    await this.sdk.collection(coll).add({ data: doc });
  }

  async set(coll: string, id: string, data: Data): Promise<void> {
    const { _id: _ignored, ...rest } = data;
    void _ignored;
    await this.sdk.collection(coll).doc(id).set({ data: rest });
  }

  /** Updates one document by `_id`; answers how many changed (0 when missing). */
  async update(coll: string, id: string, data: Data): Promise<number> {
    const res = await this.sdk.collection(coll).doc(id).update({ data });
    return res.stats.updated;
  }

  /** A conditional update (`stats.updated` says how many matched and changed). */
  async updateWhere(coll: string, where: Where, data: Data): Promise<number> {
    const res = await this.sdk.collection(coll).where(where).update({ data });
    return res.stats.updated;
  }

  async remove(coll: string, id: string): Promise<number> {
    const res = await this.sdk.collection(coll).doc(id).remove();
    return res.stats.removed;
  }

  async removeWhere(coll: string, where: Where): Promise<number> {
    const res = await this.sdk.collection(coll).where(where).remove();
    return res.stats.removed;
  }

  /** An aggregation that starts with `$match` (so an index bounds it) and ends with a `$limit`. */
  async aggregate<T>(coll: string, match: Where, group: Record<string, unknown>, limit = MAX_PAGE): Promise<T[]> {
    return this.pipeline<T>(coll, [{ match }, { group }, { limit }]);
  }

  /**
   * A whole pipeline, stage by stage. It must start with a `match` an index bounds and end with a
   * `limit` (the cloud returns 20 rows of an aggregation without one); the rows are untyped JSON
   * the caller checks.
   */
  async pipeline<T = unknown>(coll: string, stages: readonly Stage[]): Promise<T[]> {
    let agg: SdkAggregate = this.sdk.collection(coll).aggregate();
    for (const stage of stages) {
      const [name, spec] = Object.entries(stage)[0] as [StageName, unknown];
      agg = agg[name](spec);
    }
    const res = await agg.end();
    return res.list as T[];
  }

  /**
   * Runs `body` in a snapshot-isolated transaction; on a write conflict it starts over with a
   * fresh snapshot after a random pause (so parallel callers spread out and converge). `body`
   * must therefore be repeatable: read everything it decides on through `tx`. An AppError thrown
   * by `body` aborts the transaction and reaches the caller as is.
   */
  async transaction<R>(body: (tx: Tx) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
    const attempts = options.attempts ?? 10;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sdk.runTransaction((sdkTx) => body(new Tx((coll, id) => sdkTx.collection(coll).doc(id), this.op)), 0);
      } catch (err) {
        if (!isTransactionConflict(err)) throw err;
        if (attempt >= attempts) throw new AppError('BUSY');
        await sleep(5 + randomInt(0, Math.min(250, 8 * 2 ** attempt)));
      }
    }
  }
}
