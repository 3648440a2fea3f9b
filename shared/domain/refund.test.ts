import fc from 'fast-check';
import { debtRepayment, refundReversal, refundSplit, shareOf } from './refund';

describe('refunds reverse what the refunded part earned', () => {
  const order = { amount: 10_000, points: 100, growth: 100, refundedAmount: 0 };

  it('reverse a share, and the last refund takes exactly what is left', () => {
    const first = refundReversal(order, 3_333);
    expect(first).toEqual({ points: 33, growth: 33, refundedAmount: 3_333, full: false });
    const second = refundReversal({ ...order, refundedAmount: 3_333 }, 6_667);
    expect(second).toEqual({ points: 67, growth: 67, refundedAmount: 10_000, full: true });
  });

  it('never go past the order', () => {
    expect(refundReversal(order, 10_001)).toBeNull();
    expect(refundReversal({ ...order, refundedAmount: 9_000 }, 1_001)).toBeNull();
    expect(refundReversal(order, 0)).toBeNull();
  });

  it('add up: any split of the whole amount reverses exactly the points and growth earned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 }),
        (amount, points, weights) => {
          const total = weights.reduce((s, w) => s + w, 0);
          const parts = weights.map((w) => Math.floor((w * amount) / total));
          parts[parts.length - 1] += amount - parts.reduce((s, p) => s + p, 0);
          let refunded = 0;
          let reversed = 0;
          for (const part of parts.filter((p) => p > 0)) {
            const r = refundReversal({ amount, points, growth: 0, refundedAmount: refunded }, part);
            expect(r).not.toBeNull();
            refunded = r?.refundedAmount ?? refunded;
            reversed += r?.points ?? 0;
            expect(reversed).toBeLessThanOrEqual(points);
          }
          expect(refunded).toBe(amount);
          expect(reversed).toBe(points);
        },
      ),
    );
  });

  it('compute shares exactly beyond 2^53', () => {
    expect(shareOf(100_000_000, 99_999_999, 100_000_000)).toBe(99_999_999);
  });
});

describe('where reversed points come from', () => {
  it('cancels pending points; takes spendable ones back up to the balance and leaves the rest as a debt', () => {
    expect(refundSplit(100, true, 0)).toEqual({ pendingCancelled: 100, takenBack: 0, debt: 0 });
    expect(refundSplit(100, false, 250)).toEqual({ pendingCancelled: 0, takenBack: 100, debt: 0 });
    expect(refundSplit(100, false, 30)).toEqual({ pendingCancelled: 0, takenBack: 30, debt: 70 });
    expect(refundSplit(100, false, 0)).toEqual({ pendingCancelled: 0, takenBack: 0, debt: 100 });
  });

  it('pays a debt off from the balance, never below zero', () => {
    expect(debtRepayment(70, 10)).toBe(10);
    expect(debtRepayment(70, 500)).toBe(70);
    expect(debtRepayment(0, 500)).toBe(0);
    expect(debtRepayment(70, 0)).toBe(0);
  });
});
