import { decodeCursor, encodeCursor } from '@shared/contracts/common';
import { toIso } from '@shared/time/shanghai';
import type { Database, Where } from './db';

/**
 * One page of documents, newest first, paged on `(createdAt, _id)` so documents of the same
 * instant are neither lost nor repeated (a member's ledger and vouchers; the ops audit pages on
 * its `at`: `timeField`). `conditions` are ANDed; the first should be bounded by an index
 * (`openid`).
 */
export async function newestFirstPage<T extends { _id: string }>(
  db: Database,
  collection: string,
  conditions: Where[],
  cursor: string | undefined,
  limit: number,
  timeField = 'createdAt',
): Promise<{ items: T[]; nextCursor: string | null }> {
  const op = db.op;
  const at = cursor ? decodeCursor(cursor) : null;
  const parts = [...conditions];
  if (at) {
    // Strictly after the cursor: older instants, or the same instant with a smaller _id.
    const iso = toIso(at.createdAtMs);
    parts.push(op.or({ [timeField]: op.lt(iso) }, { [timeField]: iso, _id: op.lt(at.id) }));
  }
  const where = parts.length === 1 ? parts[0] : op.and(...parts);
  const docs = await db.find<T>(collection, where, {
    orderBy: [
      [timeField, 'desc'],
      ['_id', 'desc'],
    ],
    limit: limit + 1,
  });
  const items = docs.slice(0, limit);
  const last = items[items.length - 1];
  const lastAt = last ? (last as Record<string, unknown>)[timeField] : undefined;
  return {
    items,
    nextCursor: docs.length > limit && last && typeof lastAt === 'string' ? encodeCursor(Date.parse(lastAt), last._id) : null,
  };
}
