import { parseContent } from '@shared/content/parseContent';
import type { StaffDoc } from '@shared/content/staff';
import type { StaffView } from '@shared/contracts/ops';
import { grantsOps, staffChangeRefusal, staffStateOf, sameStaffState, type StaffState } from '@shared/domain/staffChange';
import { AppError } from '@shared/errors';
import { writeAudit } from '../_common/audit';
import { COLLECTIONS } from '../_common/collections';
import type { Database } from '../_common/db';
import type { Person } from './people';

/**
 * The `staff` collection as the back office manages it. Staff checks everywhere read a person's
 * record fresh (`_common/staff.ts`), so a change here takes effect on their very next call.
 */

/** Staff records read at most (a brand's staff, not its members). */
export const STAFF_LIMIT = 300;

/**
 * The one document every staff change writes (`counters`, `{count}`): changes of different people
 * conflict on it, so they commit one after another and each sees the ones before — two ops
 * removing each other at once cannot both succeed and leave nobody.
 */
export const STAFF_CHANGES_COUNTER = 'staff_changes';

export async function allStaffDocs(db: Database): Promise<Array<{ _id: string }>> {
  return db.pages<{ _id: string }>(COLLECTIONS.staff, {}, STAFF_LIMIT);
}

/** Every staff record, well-formed or not (a hand-edited one shows what is wrong and grants nothing). */
export function staffViews(docs: readonly unknown[], people: ReadonlyMap<string, Person>): StaffView[] {
  const { valid, problems } = parseContent('staff', docs);
  const validById = new Map<string, StaffDoc>(valid.map((d) => [d._id, d]));
  return docs.flatMap((raw): StaffView[] => {
    const id = typeof raw === 'object' && raw !== null ? (raw as { _id?: unknown })._id : undefined;
    if (typeof id !== 'string') return [];
    const person = people.get(id);
    const doc = validById.get(id);
    const problem = problems.find((p) => p.id === id && p.severity === 'error');
    return [
      {
        openid: id,
        name: doc?.name || person?.nickname || '未登记姓名',
        nickname: person?.nickname ?? null,
        avatarUrl: person?.avatarUrl ?? '',
        roles: doc ? [...doc.roles] : [],
        active: doc?.active ?? false,
        storeId: doc?.storeId ?? null,
        problem: doc ? null : problem ? `${problem.field || '文档'}：${problem.message_zh}` : '格式错误',
      },
    ];
  });
}

export interface StaffChange {
  /** The ops member making it (checked again inside the transaction). */
  caller: string;
  target: string;
  after: StaffState | null;
  reason: string;
  now: number;
}

export interface StaffChangeOutcome {
  before: StaffState | null;
  after: StaffState | null;
  auditId: string | null;
}

/**
 * One staff change in one transaction: the person's record (created, changed or removed), its
 * `ops_audit` entry and the `staff_changes` counter, after the rules of `staffChangeRefusal`
 * (not one's own ops role; never the last active ops member). The other active ops members are
 * looked up through the `roles` index at each attempt: every change writes the counter, so an
 * attempt that read them before another change committed conflicts and starts over, reading them
 * again. The caller must still be an active ops member as the transaction sees it (FORBIDDEN).
 * Nothing changes and nothing is audited when the record already says so.
 */
export async function changeStaff(db: Database, change: StaffChange): Promise<StaffChangeOutcome> {
  const { caller, target, after, reason, now } = change;
  return db.transaction(async (tx) => {
    const opsDocs = await db.find<{ _id: string }>(COLLECTIONS.staff, { roles: 'ops' }, { limit: 100, field: { _id: true } });
    const targetDoc = await tx.get<unknown>(COLLECTIONS.staff, target);
    const before = staffStateOf(targetDoc, target);
    // A broken record (hand-edited) grants nothing; asked to remove it, it goes.
    const broken = targetDoc !== null && before === null;
    if (!broken && sameStaffState(before, after)) return { before, after, auditId: null };
    const callerDoc = await tx.get<unknown>(COLLECTIONS.staff, caller);
    let otherActiveOps = 0;
    for (const { _id: id } of opsDocs) {
      if (id === target) continue;
      const doc = id === caller ? callerDoc : await tx.get<unknown>(COLLECTIONS.staff, id);
      if (grantsOps(staffStateOf(doc, id))) otherActiveOps += 1;
    }
    const refusal = staffChangeRefusal({ caller, target, before, after, otherActiveOps });
    if (refusal) throw new AppError(refusal);
    if (!grantsOps(staffStateOf(callerDoc, caller))) throw new AppError('FORBIDDEN');

    const name = typeof targetDoc === 'object' && targetDoc !== null ? (targetDoc as { name?: unknown }).name : undefined;
    if (after) {
      await tx.set(COLLECTIONS.staff, target, { ...after, ...(typeof name === 'string' && name ? { name } : {}) });
    } else if (targetDoc !== null) {
      await tx.remove(COLLECTIONS.staff, target);
    }
    const counter = await tx.get<{ count?: unknown }>(COLLECTIONS.counters, STAFF_CHANGES_COUNTER);
    const count = typeof counter?.count === 'number' ? counter.count : 0;
    await tx.set(COLLECTIONS.counters, STAFF_CHANGES_COUNTER, { count: count + 1 });
    const audit = await writeAudit(tx, { who: caller, action: 'ops.setStaff', target, before, after, reason }, now);
    return { before, after, auditId: audit._id };
  });
}
