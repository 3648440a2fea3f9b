import type { AuditEntryView } from '@shared/contracts/ops';
import { auditActionName, auditSummary } from '@shared/domain/opsAudit';
import type { OpsAuditDoc } from '../_common/audit';
import { COLLECTIONS } from '../_common/collections';
import type { Where } from '../_common/db';
import { contractAction } from '../_common/entry';
import { newestFirstPage } from '../_common/paging';
import type { RequestContext } from '../_common/services';
import { GONE_MEMBER, GONE_STAFF, peopleByOpenid, type Person } from './people';

const AUDIT_PAGE_ROWS = 20;

export function auditEntryView(doc: OpsAuditDoc, people: ReadonlyMap<string, Person>): AuditEntryView {
  return {
    id: doc._id,
    at: doc.at,
    action: doc.action,
    actionName: auditActionName(doc.action),
    who: { openid: doc.who, name: people.get(doc.who)?.name ?? GONE_STAFF },
    target: doc.target
      ? { openid: doc.target, name: people.get(doc.target)?.nickname ?? people.get(doc.target)?.name ?? GONE_MEMBER }
      : null,
    summary: auditSummary(doc.action, doc.before, doc.after),
    reason: doc.reason,
  };
}

/**
 * `ops.audit {target?, who?, cursor?, limit?}` — the ops audit, newest first: about one member
 * (index `target_at`), by one staff member (`who_at`), both, or everything (`at`); each entry
 * with the staff member's and the member's names and what changed in Chinese.
 *
 * Round trips: the staff record and the caller's member (2) · the page (1) · the names (1).
 */
export const audit = contractAction('ops', 'audit', async ({ target, who, cursor, limit }, ctx: RequestContext) => {
  const { services } = ctx;
  const { db } = services;
  const conditions: Where[] = [];
  if (target) conditions.push({ target });
  if (who) conditions.push({ who });
  // Unfiltered, the `at` index bounds the read: every entry has an instant.
  if (conditions.length === 0) conditions.push({ at: db.op.gt('') });
  const page = await newestFirstPage<OpsAuditDoc>(db, COLLECTIONS.opsAudit, conditions, cursor, limit ?? AUDIT_PAGE_ROWS, 'at');
  const people = await peopleByOpenid(
    services,
    page.items.flatMap((d) => (d.target ? [d.who, d.target] : [d.who])),
  );
  return { entries: page.items.map((d) => auditEntryView(d, people)), nextCursor: page.nextCursor };
});
