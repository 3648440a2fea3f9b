import { staffHasRole, staffRoles } from './staff';

const ID = 'oStaffVerifierDemo000000001A';

describe('staff access fails closed', () => {
  const good = { _id: ID, roles: ['verifier'], storeId: 'sh-001', active: true };

  it('grants the roles of an active, well-formed record of the caller', () => {
    expect(staffHasRole(good, ID, 'verifier')).toBe(true);
    expect(staffHasRole(good, ID, 'ops')).toBe(false);
    expect(staffRoles({ ...good, roles: ['verifier', 'ops'] }, ID)).toEqual(['verifier', 'ops']);
  });

  it.each([
    ['no record', null],
    ['inactive', { ...good, active: false }],
    ['active missing', { _id: ID, roles: ['verifier'] }],
    ['active as a string', { ...good, active: 'true' }],
    ['unknown role', { ...good, roles: ['admin'] }],
    ['roles not a list', { ...good, roles: 'verifier' }],
    ['another member’s record', { ...good, _id: 'oSomeoneElse000000000000000A' }],
  ])('denies: %s', (_name, doc) => {
    expect(staffHasRole(doc, ID, 'verifier')).toBe(false);
    expect(staffRoles(doc, ID)).toEqual([]);
  });
});
