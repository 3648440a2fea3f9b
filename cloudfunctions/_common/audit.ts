import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import type { Tx } from './db';
import { randomId } from './random';

/**
 * `ops_audit`: one document per change ops make to a member outside the ledger (a birthday
 * corrected…), written in the transaction that makes the change — exactly these fields, so the
 * back office can list and filter them (`target_at`, `at` indexes).
 */
export interface OpsAuditDoc {
  _id: string;
  /** The staff member's openid. */
  who: string;
  /** `<function>.<action>`, e.g. `ops.setBirthday`. */
  action: string;
  /** The member changed. */
  target: string;
  before: unknown;
  after: unknown;
  reason: string;
  /** ISO instant. */
  at: string;
}

export async function writeAudit(tx: Tx, entry: Omit<OpsAuditDoc, '_id' | 'at'>, now: number): Promise<OpsAuditDoc> {
  const doc: OpsAuditDoc = { _id: randomId(), ...entry, at: toIso(now) };
  await tx.set(COLLECTIONS.opsAudit, doc._id, { ...doc });
  return doc;
}
