import fc from 'fast-check';
import {
  creditLots,
  debitLots,
  dueExpiry,
  expiringSoon,
  expiryCutoffMonth,
  lastDayOfLot,
  lotExpiresAt,
  lotsTotal,
  oldestLotMonth,
  reconcileLots,
} from './pointLots';

/** A Shanghai wall-clock time as an instant. */
const sh = (wall: string) => Date.parse(`${wall}+08:00`);

describe('point lots: the balance by the month it was earned', () => {
  it('credits the month earned and spends the oldest first, dropping empty lots', () => {
    let lots = creditLots({}, '2025-11', 100);
    lots = creditLots(lots, '2026-01', 50);
    lots = creditLots(lots, '2025-11', 20);
    expect(lots).toEqual({ '2025-11': 120, '2026-01': 50 });
    expect(debitLots(lots, 130)).toEqual({ '2026-01': 40 });
    expect(debitLots(lots, 120)).toEqual({ '2026-01': 50 });
    expect(debitLots(lots, 500)).toEqual({});
  });

  it('keeps Σ lots = balance through any sequence of earnings and spendings', () => {
    const month = fc.constantFrom('2025-10', '2025-11', '2025-12', '2026-01');
    const step = fc.tuple(month, fc.integer({ min: -300, max: 300 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let lots = {};
        let balance = 0;
        for (const [m, delta] of steps) {
          const change = Math.max(delta, -balance);
          balance += change;
          lots = change >= 0 ? creditLots(lots, m, change) : debitLots(lots, -change);
          expect(lotsTotal(lots)).toBe(balance);
        }
      }),
    );
  });

  it('puts points no lot accounts for (an older member) in the current month, and trims lots beyond the balance from the oldest', () => {
    expect(reconcileLots({}, 80, '2026-11')).toEqual({ '2026-11': 80 });
    expect(reconcileLots({ '2026-01': 30 }, 80, '2026-11')).toEqual({ '2026-01': 30, '2026-11': 50 });
    expect(reconcileLots({ '2026-01': 30, '2026-03': 60 }, 70, '2026-11')).toEqual({ '2026-01': 10, '2026-03': 60 });
    const same = { '2026-01': 30 };
    expect(reconcileLots(same, 30, '2026-11')).toBe(same);
  });
});

describe('expiry at the end of the month `months` after earning (Shanghai)', () => {
  it('gives the last day and the instant points expire', () => {
    expect(lastDayOfLot('2025-12', 12)).toBe('2026-12-31');
    expect(lastDayOfLot('2025-02', 12)).toBe('2026-02-28');
    expect(lastDayOfLot('2026-11', 3)).toBe('2027-02-28');
    expect(new Date(lotExpiresAt('2025-12', 12)).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('is due from Shanghai midnight on the 1st, not a second before, whatever the server zone', () => {
    const expiry = { months: 12 };
    const lots = { '2025-11': 40, '2025-12': 60, '2026-02': 10 };
    expect(dueExpiry(lots, sh('2026-11-30T23:59:59'), expiry)).toBeNull();
    expect(dueExpiry(lots, sh('2026-12-01T00:00:00'), expiry)).toEqual({ points: 40, through: '2025-11' });
    expect(dueExpiry(lots, sh('2026-12-31T23:59:59'), expiry)).toEqual({ points: 40, through: '2025-11' });
    expect(dueExpiry(lots, sh('2027-01-01T00:00:00'), expiry)).toEqual({ points: 100, through: '2025-12' });
    // 16:00 UTC on 12-31 is already the 1st in Shanghai.
    expect(dueExpiry({ '2025-12': 60 }, Date.parse('2026-12-31T16:00:00Z'), expiry)).toEqual({ points: 60, through: '2025-12' });
    expect(dueExpiry({ '2025-12': 60 }, Date.parse('2026-12-31T15:59:59Z'), expiry)).toBeNull();
    expect(dueExpiry(lots, sh('2030-01-01T00:00:00'), null)).toBeNull();
    expect(expiryCutoffMonth(sh('2027-01-01T00:00:00'), 12)).toBe('2025-12');
  });

  it('warns of the next points to expire from 30 days before their last day', () => {
    const expiry = { months: 12 };
    const lots = { '2025-12': 60, '2026-03': 10 };
    expect(expiringSoon(lots, sh('2026-11-30T12:00:00'), expiry)).toBeNull(); // 31 days before
    expect(expiringSoon(lots, sh('2026-12-01T00:00:00'), expiry)).toEqual({ points: 60, lastDay: '2026-12-31' });
    expect(expiringSoon(lots, sh('2026-12-31T23:00:00'), expiry)).toEqual({ points: 60, lastDay: '2026-12-31' });
    // Already due but not yet settled: shown as today.
    expect(expiringSoon(lots, sh('2027-01-01T08:00:00'), expiry)).toEqual({ points: 60, lastDay: '2027-01-01' });
    expect(expiringSoon(lots, sh('2026-12-15T00:00:00'), null)).toBeNull();
    expect(expiringSoon({}, sh('2026-12-15T00:00:00'), expiry)).toBeNull();
  });

  it('names the oldest lot for the job’s index', () => {
    expect(oldestLotMonth({ '2026-03': 5, '2025-12': 1 })).toBe('2025-12');
    expect(oldestLotMonth({})).toBeNull();
  });
});
