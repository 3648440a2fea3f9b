import { STAFF_ROLES, type StaffRole } from '../content/ids';
import { staffSchema } from '../content/staff';

/** What each staff role is called in the back office, and what it lets its holder do. */
export const STAFF_ROLE_INFO: Record<StaffRole, { name: string; description: string }> = {
  verifier: { name: '核销员', description: '在门店核销会员出示的券码，也可在线下活动扫会员码签到' },
  host: { name: '活动签到员', description: '在线下活动现场扫会员码为会员签到' },
  ops: { name: '运营', description: '使用数据看板和运营后台：查会员、调整积分、作废券、管理员工' },
};

/** Roles in the order the back office lists them (the shared roles list's order). */
export function roleNames(roles: readonly StaffRole[]): string[] {
  return STAFF_ROLES.filter((r) => roles.includes(r)).map((r) => STAFF_ROLE_INFO[r].name);
}

/** A staff record as the back office changes it (`null`: the person is not staff). */
export interface StaffState {
  roles: StaffRole[];
  active: boolean;
  storeId: string | null;
}

/** The state a stored staff document grants; a broken document (ops typo) grants nothing and reads as null. */
export function staffStateOf(doc: unknown, openid: string): StaffState | null {
  const parsed = staffSchema.safeParse(doc);
  if (!parsed.success || parsed.data._id !== openid) return null;
  return { roles: STAFF_ROLES.filter((r) => parsed.data.roles.includes(r)), active: parsed.data.active, storeId: parsed.data.storeId };
}

/** Whether a state lets its holder use the ops actions. */
export function grantsOps(state: StaffState | null): boolean {
  return state !== null && state.active && state.roles.includes('ops');
}

/** Same roles, same activity, same store: nothing to write or audit. */
export function sameStaffState(a: StaffState | null, b: StaffState | null): boolean {
  if (a === null || b === null) return a === b;
  return a.active === b.active && a.storeId === b.storeId && a.roles.length === b.roles.length && a.roles.every((r) => b.roles.includes(r));
}

/**
 * The state `ops.setStaff` asks for: no role left means the person is no longer staff (their
 * document goes); roles in the shared list's order.
 */
export function requestedStaffState(input: { roles: readonly StaffRole[]; active: boolean; storeId: string | null }): StaffState | null {
  const roles = STAFF_ROLES.filter((r) => input.roles.includes(r));
  return roles.length === 0 ? null : { roles, active: input.active, storeId: input.storeId };
}

export type StaffChangeRefusal = 'CANNOT_REMOVE_SELF' | 'LAST_OPS';

/**
 * Why a staff change must not happen, in this order: an ops member never takes away their own
 * access (another ops member does it, so nobody locks themselves out by a slip); and the change
 * must leave at least one active ops member — `otherActiveOps` counts those other than the
 * person changed, read in the change's transaction (two ops removing each other at once: the
 * second to commit sees the first's change and is refused).
 */
export function staffChangeRefusal(change: {
  caller: string;
  target: string;
  before: StaffState | null;
  after: StaffState | null;
  otherActiveOps: number;
}): StaffChangeRefusal | null {
  const losesOps = grantsOps(change.before) && !grantsOps(change.after);
  if (change.caller === change.target && !grantsOps(change.after)) return 'CANNOT_REMOVE_SELF';
  if (losesOps && change.otherActiveOps === 0) return 'LAST_OPS';
  return null;
}
