import { DEFAULT_SETTINGS } from '../content/settings';
import { newStoredMember } from './member';
import { dueSettlement, isSettlementDue, pointsOutlook } from './settlement';

const SH = (wall: string) => Date.parse(`${wall}+08:00`);
const expiring = { ...DEFAULT_SETTINGS, points: { expiry: { months: 12 } } };
const member = (over: Partial<ReturnType<typeof newStoredMember>>) => ({
  ...newStoredMember('oSettle_member_0000000000001', SH('2025-01-01T10:00:00'), 'K7QM2XRT'),
  ...over,
});

describe('what falls due on a member’s points', () => {
  it('is nothing most of the time', () => {
    const m = member({ points: 100, pointLots: { '2026-11': 100 }, pendingPoints: { '2026-12-01': 50 } });
    const due = dueSettlement(m, expiring, SH('2026-11-30T23:59:00'));
    expect(due).toEqual({ expire: null, release: null });
    expect(isSettlementDue(due)).toBe(false);
  });

  it('is the expired lots and the pending days that have come, once the Shanghai day turns', () => {
    const m = member({ points: 130, pointLots: { '2025-11': 30, '2026-11': 100 }, pendingPoints: { '2026-12-01': 50, '2026-12-05': 9 } });
    const due = dueSettlement(m, expiring, SH('2026-12-01T00:00:00'));
    expect(due.expire).toEqual({ points: 30, through: '2025-11' });
    expect(due.release).toEqual({ points: 50, days: ['2026-12-01'], rest: { '2026-12-05': 9 } });
    expect(isSettlementDue(due)).toBe(true);
    expect(dueSettlement(m, DEFAULT_SETTINGS, SH('2026-12-01T00:00:00')).expire).toBeNull();
  });
});

describe('the points outlook home shows', () => {
  it('adds the pending points, the debt, and the next points to expire within 30 days', () => {
    const m = member({ points: 130, pointLots: { '2025-12': 30, '2026-11': 100 }, pendingPoints: { '2026-12-09': 86 }, pointsDebt: 12 });
    expect(pointsOutlook(m, expiring, SH('2026-12-02T09:00:00'))).toEqual({
      pending: 86,
      pendingReleaseOn: '2026-12-09',
      debt: 12,
      expiring: { points: 30, lastDay: '2026-12-31' },
      expiryMonths: 12,
      purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
    });
    expect(pointsOutlook(m, DEFAULT_SETTINGS, SH('2026-12-02T09:00:00'))).toMatchObject({ expiring: null, expiryMonths: null });
  });
});
