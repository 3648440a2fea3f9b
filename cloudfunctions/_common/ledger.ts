import { z } from 'zod';
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
  /** A check-in boosted by a campaign: the amount is the boosted one; this says by how much. */
  boost?: LedgerBoost;
}

/** A campaign's boost, recorded on the entry it multiplied. */
export interface LedgerBoost {
  campaignId: string;
  title: string;
  pointsMultiplier: number;
  growthMultiplier: number;
  /** What the boost added (part of the entry's amount). */
  points: number;
  growth: number;
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
  boost?: LedgerBoost;
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
  if (e.boost !== undefined) doc.boost = e.boost;
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
    boost: doc.boost
      ? { title: doc.boost.title, pointsMultiplier: doc.boost.pointsMultiplier, growthMultiplier: doc.boost.growthMultiplier }
      : null,
  };
}

/** What a member earned in a window (a campaign's recap). */
export interface EarnedFigures {
  /** Check-ins made. */
  checkins: number;
  /** Points and growth credited (spending not deducted). */
  points: number;
  growth: number;
  /** Points that campaign boosts added to check-ins. */
  boostPoints: number;
}

const earnedRow = z.object({ _id: z.unknown(), points: z.number(), growth: z.number(), boost: z.number(), n: z.number() });

export class LedgerRepository {
  constructor(private readonly db: Database) {}

  /** Counted by the database over the member's entries of `[start, end)` (index `openid_createdAt`). */
  async earnedBetween(openid: string, start: string, end: string): Promise<EarnedFigures> {
    const _ = this.db.op;
    const rows = await this.db.pipeline(COLLECTIONS.ledger, [
      { match: { openid, createdAt: _.gte(start).and(_.lt(end)) } },
      {
        group: {
          _id: '$kind',
          points: { $sum: { $cond: [{ $gt: ['$points', 0] }, '$points', 0] } },
          growth: { $sum: { $cond: [{ $gt: ['$growth', 0] }, '$growth', 0] } },
          boost: { $sum: { $ifNull: ['$boost.points', 0] } },
          n: { $sum: 1 },
        },
      },
      { limit: 50 },
    ]);
    const out: EarnedFigures = { checkins: 0, points: 0, growth: 0, boostPoints: 0 };
    for (const row of rows.map((r) => earnedRow.parse(r))) {
      out.points += row.points;
      out.growth += row.growth;
      out.boostPoints += row.boost;
      if (row._id === 'checkin') out.checkins += row.n;
    }
    return out;
  }

  /** Newest first, paged on `(createdAt, _id)`. */
  async page(openid: string, cursor: string | undefined, limit: number): Promise<LedgerData> {
    const { items, nextCursor } = await newestFirstPage<LedgerDoc>(this.db, COLLECTIONS.ledger, [{ openid }], cursor, limit);
    return { entries: items.map(ledgerView), nextCursor };
  }
}
