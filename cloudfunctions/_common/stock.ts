import { holdFate, holdField, readHolds, type StockHold } from '@shared/domain/stockHolds';
import { COLLECTIONS } from './collections';
import { MAX_PAGE, type Database } from './db';
import type { MemberRepository } from './members';
import type { RedemptionRepository } from './redemptions';

/**
 * Pack stock, always on the live `benefit_packs` document (the cached program never decides
 * stock, nor whether a pack is limited at all: a restock or a limit ops set in the console counts
 * from the next call). Units are taken with holds — see `shared/domain/stockHolds.ts` for why
 * that makes stock exact across crashes.
 */
export interface LivePack {
  /** Units left; null = unlimited. */
  stock: number | null;
  holds: Map<string, StockHold>;
}

/** A stored stock value: null means unlimited, a number is what is left, anything else counts as sold out. */
function stockValue(raw: unknown): number | null {
  if (raw === null) return null;
  return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(0, raw) : 0;
}

export class PackStock {
  constructor(private readonly db: Database) {}

  /** Stock left per pack (null = unlimited; a pack whose document is gone has none), one read per 100 packs. */
  async levels(packIds: readonly string[]): Promise<Map<string, number | null>> {
    const unique = [...new Set(packIds)];
    const out = new Map<string, number | null>(unique.map((id) => [id, 0]));
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE));
    const pages = await Promise.all(
      chunks.map((ids) =>
        this.db.find<{ _id: string; stock?: unknown }>(
          COLLECTIONS.benefitPacks,
          { _id: this.db.op.in(ids) },
          { limit: MAX_PAGE, field: { stock: true } },
        ),
      ),
    );
    for (const doc of pages.flat()) out.set(doc._id, stockValue(doc.stock));
    return out;
  }

  /** The live stock and holds of one pack; null when its document is gone. */
  async read(packId: string): Promise<LivePack | null> {
    const doc = await this.db.get<{ stock?: unknown; holds?: unknown }>(COLLECTIONS.benefitPacks, packId);
    return doc ? { stock: stockValue(doc.stock), holds: readHolds(doc.holds) } : null;
  }

  /**
   * Takes a unit for the redemption `redemptionId`, recording `hold` in the same conditional
   * update. False when nothing was taken: sold out, unlimited, or this request already holds one.
   */
  async take(packId: string, redemptionId: string, hold: StockHold): Promise<boolean> {
    const op = this.db.op;
    const field = holdField(redemptionId);
    const updated = await this.db.updateWhere(
      COLLECTIONS.benefitPacks,
      { _id: packId, stock: op.gt(0), [field]: op.exists(false) },
      { stock: op.inc(-1), [field]: { ...hold } },
    );
    return updated === 1;
  }

  /** A consumed hold is removed; its unit stays taken. */
  async release(packId: string, redemptionId: string, token: string): Promise<void> {
    const field = holdField(redemptionId);
    await this.db.updateWhere(COLLECTIONS.benefitPacks, { _id: packId, [`${field}.t`]: token }, { [field]: this.db.op.remove() });
  }

  /**
   * The unit of hold `token` goes back and the hold is removed, in one update conditional on the
   * token — so it happens once, however many callers try. (A pack ops made unlimited meanwhile
   * keeps no count: only the hold goes.) True when a unit went back.
   */
  async giveBack(packId: string, redemptionId: string, token: string): Promise<boolean> {
    const op = this.db.op;
    const field = holdField(redemptionId);
    const mine = { _id: packId, [`${field}.t`]: token };
    if (
      (await this.db.updateWhere(COLLECTIONS.benefitPacks, { ...mine, stock: op.gte(0) }, { stock: op.inc(1), [field]: op.remove() })) > 0
    ) {
      return true;
    }
    await this.db.updateWhere(COLLECTIONS.benefitPacks, mine, { [field]: op.remove() });
    return false;
  }

  /** A page of packs with their holds, by `_id` after `after` (the sweep walks every pack). */
  async holdsPage(after: string, limit: number): Promise<Array<{ packId: string; holds: Map<string, StockHold> }>> {
    const docs = await this.db.find<{ _id: string; holds?: unknown }>(
      COLLECTIONS.benefitPacks,
      { _id: this.db.op.gt(after) },
      { orderBy: [['_id', 'asc']], limit, field: { holds: true } },
    );
    return docs.map((d) => ({ packId: d._id, holds: readHolds(d.holds) }));
  }
}

export interface HoldSettlement {
  stock: PackStock;
  members: MemberRepository;
  redemptions: RedemptionRepository;
}

/**
 * Settles the hold of request `redemptionId` on `packId`, wherever it was left (a refused or
 * crashed call, the sweep): released if its redemption consumed it, given back if not — after
 * voiding its token on the member when a redemption could still be on its way, then looking
 * again. `force` skips the wait for a young hold (the caller knows its own call is over).
 * Answers what happened.
 */
export async function settleHold(
  deps: HoldSettlement,
  packId: string,
  redemptionId: string,
  hold: StockHold,
  now: number,
  force = false,
): Promise<'released' | 'givenBack' | 'waiting'> {
  const fate = holdFate(hold, await deps.redemptions.get(redemptionId), force ? Number.POSITIVE_INFINITY : now);
  if (fate === 'wait') return 'waiting';
  if (fate === 'void') {
    await deps.members.voidHold(hold.o, hold.t, now);
    const after = await deps.redemptions.get(redemptionId);
    if (after?.holdToken === hold.t) {
      await deps.stock.release(packId, redemptionId, hold.t);
      return 'released';
    }
  } else if (fate === 'release') {
    await deps.stock.release(packId, redemptionId, hold.t);
    return 'released';
  }
  await deps.stock.giveBack(packId, redemptionId, hold.t);
  return 'givenBack';
}
