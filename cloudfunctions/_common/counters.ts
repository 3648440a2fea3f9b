import { rarityPct } from '@shared/domain/rarity';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, MAX_PAGE, type Database } from './db';

/**
 * Maintained counters (`counters` collection, `{_id, count}`): the member count and, per badge,
 * how many members hold it — so rarity is a lookup, never a count over members per request.
 * Counters are incremented after the transaction that earned the badge commits (atomic `inc`,
 * outside the transaction: a counter every member touches must not make their transactions
 * conflict). A crash between the two leaves a counter one short, which only shifts a rarity
 * figure; the badge itself is exact.
 */
export const MEMBERS_COUNTER = 'members';

export function badgeCounterId(badgeId: string): string {
  return `badge_${badgeId}`;
}

export class Counters {
  constructor(private readonly db: Database) {}

  async increment(id: string, by = 1): Promise<void> {
    const _ = this.db.op;
    if ((await this.db.update(COLLECTIONS.counters, id, { count: _.inc(by) })) > 0) return;
    await this.create(id, by);
  }

  /** Raises several counters by one: one round trip when they all exist (the usual case). */
  async incrementEach(ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (unique.length === 1) return this.increment(unique[0], 1);
    const _ = this.db.op;
    const raised = await this.db.updateWhere(COLLECTIONS.counters, { _id: _.in(unique) }, { count: _.inc(1) });
    if (raised === unique.length) return;
    // Some counter did not exist yet (a badge's first holder): create the missing ones.
    const existing = new Set(
      (await this.db.find<{ _id: string }>(COLLECTIONS.counters, { _id: _.in(unique) }, { limit: MAX_PAGE })).map((d) => d._id),
    );
    await Promise.all(unique.filter((id) => !existing.has(id)).map((id) => this.create(id, 1)));
  }

  private async create(id: string, by: number): Promise<void> {
    const _ = this.db.op;
    try {
      await this.db.add(COLLECTIONS.counters, { _id: id, count: by });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await this.db.update(COLLECTIONS.counters, id, { count: _.inc(by) });
    }
  }

  /** Sets a counter to a value recounted from the data (the nightly `badgeRarity` job). */
  async set(id: string, count: number): Promise<void> {
    await this.db.set(COLLECTIONS.counters, id, { count });
  }

  /** Counts by id (missing counters read 0), in pages of 100 ids. */
  async read(ids: readonly string[]): Promise<Map<string, number>> {
    const _ = this.db.op;
    const unique = [...new Set(ids)];
    const out = new Map<string, number>(unique.map((id) => [id, 0]));
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE));
    const pages = await Promise.all(
      chunks.map((chunk) =>
        this.db.find<{ _id: string; count?: unknown }>(COLLECTIONS.counters, { _id: _.in(chunk) }, { limit: MAX_PAGE }),
      ),
    );
    for (const doc of pages.flat()) out.set(doc._id, typeof doc.count === 'number' ? Math.max(0, doc.count) : 0);
    return out;
  }

  /** Rarity of badges in percent, from the counters (one read). */
  async rarity(badgeIds: readonly string[]): Promise<Map<string, number>> {
    const counts = await this.read([MEMBERS_COUNTER, ...badgeIds.map(badgeCounterId)]);
    const members = counts.get(MEMBERS_COUNTER) ?? 0;
    return new Map(badgeIds.map((id) => [id, rarityPct(counts.get(badgeCounterId(id)) ?? 0, members)]));
  }
}
