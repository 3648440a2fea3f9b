import type { LedgerData, LedgerEntryView } from '@shared/contracts/member';
import { dayOf, toIso } from '@shared/time/shanghai';
import { entryFitsKind, LEDGER_KIND_NAMES, type LedgerKind } from '@shared/domain/ledger';
import { COLLECTIONS } from './collections';
import type { Database } from './db';
import { newestFirstPage } from './paging';
import { randomId } from './random';

/**
 * The `ledger` collection: append-only, the only way points and growth change. Entries are
 * written by the account module (`account.ts`) in the same transaction as the member update
 * they explain; this module shapes them and reads a member's history.
 */
export interface LedgerDoc {
  _id: string;
  openid: string;
  kind: LedgerKind;
  points: number;
  growth: number;
  /** The check-in, redemption, invitee or adjust request the entry comes from. */
  refId: string;
  /** ISO instant. */
  createdAt: string;
  /** Shanghai day of `createdAt` (daily figures group on it). */
  day: string;
  /** `ops_adjust`: the staff member who made it and why (the audit trail). */
  by?: string;
  reason?: string;
}

export interface NewEntry {
  openid: string;
  kind: LedgerKind;
  points: number;
  growth: number;
  refId: string;
  now: number;
  id?: string;
  by?: string;
  reason?: string;
}

export function ledgerEntry(e: NewEntry): LedgerDoc {
  if (!entryFitsKind(e)) throw new Error(`ledger entry does not fit kind ${e.kind}`);
  const doc: LedgerDoc = {
    _id: e.id ?? randomId(),
    openid: e.openid,
    kind: e.kind,
    points: e.points,
    growth: e.growth,
    refId: e.refId,
    createdAt: toIso(e.now),
    day: dayOf(e.now),
  };
  if (e.by !== undefined) doc.by = e.by;
  if (e.reason !== undefined) doc.reason = e.reason;
  return doc;
}

export function ledgerView(doc: LedgerDoc): LedgerEntryView {
  return {
    id: doc._id,
    kind: doc.kind,
    title: doc.kind === 'ops_adjust' && doc.reason ? doc.reason : (LEDGER_KIND_NAMES[doc.kind] ?? doc.kind),
    points: doc.points,
    growth: doc.growth,
    createdAt: doc.createdAt,
  };
}

export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /** Newest first, paged on `(createdAt, _id)`. */
  async page(openid: string, cursor: string | undefined, limit: number): Promise<LedgerData> {
    const { items, nextCursor } = await newestFirstPage<LedgerDoc>(this.db, COLLECTIONS.ledger, [{ openid }], cursor, limit);
    return { entries: items.map(ledgerView), nextCursor };
  }
}
