import { createHash } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS } from '../_common/collections';
import type { Database } from '../_common/db';

/**
 * A `donations` document: points a member gave to a charity project. Its `_id` is a hash of the
 * member and the request (`don_<sha256>`), so a retried request finds its donation — and, once the
 * member deleted their account and the `openid` field was anonymised, nothing in it leads back to
 * them, while the project keeps the points it received.
 */
export interface DonationDoc {
  _id: string;
  openid: string;
  projectId: string;
  points: number;
  requestId: string;
  createdAt: string;
  /** Shanghai day of `createdAt`. */
  day: string;
  /** The member's balance and total given right after, so a retry answers the first result. */
  balanceAfter: number;
  pointsDonatedAfter: number;
}

export function donationId(openid: string, requestId: string): string {
  return `don_${createHash('sha256').update(`${openid}|${requestId}`).digest('hex').slice(0, 40)}`;
}

const sumRow = z.object({ _id: z.unknown(), points: z.number() });

/** Points given, by project: all members (`projectId` index) or one member (`openid_createdAt` index). */
export async function donatedByProject(db: Database, where: { projectIds: string[] } | { openid: string }): Promise<Map<string, number>> {
  if ('projectIds' in where && where.projectIds.length === 0) return new Map();
  const match = 'openid' in where ? { openid: where.openid } : { projectId: db.op.in(where.projectIds) };
  const rows = await db.aggregate<unknown>(
    COLLECTIONS.donations,
    match,
    { _id: '$projectId', points: db.op.aggregate.sum('$points') },
    100,
  );
  return new Map(rows.map((r) => sumRow.parse(r)).map((r) => [String(r._id), r.points]));
}
