import { grantsOps, requestedStaffState, sameStaffState, staffChangeRefusal, staffStateOf, type StaffState } from './staffChange';

const A = 'oOpsAaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'oOpsBbbbbbbbbbbbbbbbbbbbbbbbb';
const ops: StaffState = { roles: ['ops'], active: true, storeId: null };
const verifier: StaffState = { roles: ['verifier'], active: true, storeId: 'sh-01' };

describe('staff changes', () => {
  it('reads stored records, failing closed on a broken one', () => {
    expect(staffStateOf({ _id: A, roles: ['ops', 'verifier'], active: true }, A)).toEqual({
      roles: ['verifier', 'ops'],
      active: true,
      storeId: null,
    });
    expect(staffStateOf({ _id: A, roles: 'ops', active: true }, A)).toBeNull();
    expect(staffStateOf({ _id: B, roles: ['ops'], active: true }, A)).toBeNull();
    expect(grantsOps({ ...ops, active: false })).toBe(false);
    expect(grantsOps(verifier)).toBe(false);
    expect(grantsOps(ops)).toBe(true);
  });

  it('asks for no record when no role is left, and compares roles as a set', () => {
    expect(requestedStaffState({ roles: [], active: true, storeId: null })).toBeNull();
    expect(requestedStaffState({ roles: ['host', 'verifier'], active: true, storeId: null })?.roles).toEqual(['verifier', 'host']);
    expect(sameStaffState({ ...ops, roles: ['ops', 'host'] }, { ...ops, roles: ['host', 'ops'] })).toBe(true);
    expect(sameStaffState(ops, { ...ops, storeId: 'x' })).toBe(false);
    expect(sameStaffState(null, null)).toBe(true);
    expect(sameStaffState(ops, null)).toBe(false);
  });

  it('never lets an ops member take away their own ops access', () => {
    for (const after of [verifier, { ...ops, active: false }, null]) {
      expect(staffChangeRefusal({ caller: A, target: A, before: ops, after, otherActiveOps: 3 })).toBe('CANNOT_REMOVE_SELF');
    }
    expect(
      staffChangeRefusal({ caller: A, target: A, before: ops, after: { ...ops, roles: ['verifier', 'ops'] }, otherActiveOps: 0 }),
    ).toBeNull();
  });

  it('keeps at least one active ops member', () => {
    expect(staffChangeRefusal({ caller: A, target: B, before: ops, after: null, otherActiveOps: 0 })).toBe('LAST_OPS');
    expect(staffChangeRefusal({ caller: A, target: B, before: ops, after: verifier, otherActiveOps: 1 })).toBeNull();
    // Someone who was not an active ops member may change however the others stand.
    expect(staffChangeRefusal({ caller: A, target: B, before: verifier, after: null, otherActiveOps: 0 })).toBeNull();
  });
});
