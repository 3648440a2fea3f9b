import type { OpsAuditAction } from '@shared/domain/opsAudit';
import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import type { Database, Tx } from './db';
import { randomId } from './random';

/**
 * `ops_audit`: one document per change ops make — a balance corrected, a voucher cancelled, a
 * birthday changed, a staff role granted or revoked, the figures exported — written in the
 * transaction that makes the change where there is one, exactly these fields, so the back office
 * can list and filter them (`target_at`, `who_at`, `at` indexes). What `before` / `after` hold per
 * action, and how they read in Chinese: `shared/domain/opsAudit.ts`.
 */
export interface OpsAuditDoc {
  _id: string;
  /** The staff member's openid (anonymised when they delete their account). */
  who: string;
  action: OpsAuditAction;
  /** The member changed (null when no member is: an export). */
  target: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  /** ISO instant. */
  at: string;
}

export type AuditEntry = Omit<OpsAuditDoc, '_id' | 'at'>;

function auditDoc(entry: AuditEntry, now: number, id?: string): OpsAuditDoc {
  return { _id: id ?? randomId(), ...entry, at: toIso(now) };
}

/** In the change's transaction; `id` fixes the entry's id when a retry must find it again (`adjust_<requestId>`). */
export async function writeAudit(tx: Tx, entry: AuditEntry, now: number, id?: string): Promise<OpsAuditDoc> {
  const doc = auditDoc(entry, now, id);
  await tx.set(COLLECTIONS.opsAudit, doc._id, { ...doc });
  return doc;
}

/** For an action that changes nothing in the database (an export): written on its own. */
export async function recordAudit(db: Database, entry: AuditEntry, now: number): Promise<OpsAuditDoc> {
  const doc = auditDoc(entry, now);
  await db.add(COLLECTIONS.opsAudit, { ...doc });
  return doc;
}
