/**
 * Refunds from the brand's systems reverse exactly what the refunded part of an order earned.
 * Partial refunds add up: after refunds totalling R of an order of amount A that earned P points,
 * floor(P × R / A) points have been reversed in all — each refund reverses the difference between
 * the totals before and after it, so the last refund of the whole amount reverses exactly what is
 * left and nothing is reversed twice or lost to rounding. The same holds for growth.
 *
 * Where the points are taken from:
 * - points still pending (inside the hold) are simply cancelled — they never reached the balance;
 * - spendable points are taken back up to the balance; what the balance cannot cover becomes a
 *   debt (`pointsDebt`), paid off from the member's next earnings. The balance never goes below 0.
 */

export interface OrderTotals {
  /** Paid, in fen. */
  amount: number;
  points: number;
  growth: number;
  /** Refunded so far, in fen. */
  refundedAmount: number;
}

/** `total × part / whole`, rounded down, exact for any sizes (BigInt: the product can pass 2^53). */
export function shareOf(total: number, part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(total) * BigInt(part)) / BigInt(whole));
}

export interface RefundReversal {
  points: number;
  growth: number;
  /** Refunded after this refund, in fen. */
  refundedAmount: number;
  /** The whole order is refunded now. */
  full: boolean;
}

/** What a refund of `amount` fen reverses, or null when it would go past what is left of the order. */
export function refundReversal(order: OrderTotals, amount: number): RefundReversal | null {
  const after = order.refundedAmount + amount;
  if (amount <= 0 || after > order.amount) return null;
  const before = order.refundedAmount;
  return {
    points: shareOf(order.points, after, order.amount) - shareOf(order.points, before, order.amount),
    growth: shareOf(order.growth, after, order.amount) - shareOf(order.growth, before, order.amount),
    refundedAmount: after,
    full: after === order.amount,
  };
}

export interface RefundSplit {
  /** Pending points cancelled (never in the ledger). */
  pendingCancelled: number;
  /** Spendable points taken back (a `purchase_refund` ledger entry). */
  takenBack: number;
  /** What the balance could not cover: added to the member's debt. */
  debt: number;
}

/** Splits the points a refund reverses between the pending hold, the balance and a debt. */
export function refundSplit(points: number, stillPending: boolean, balance: number): RefundSplit {
  if (stillPending) return { pendingCancelled: points, takenBack: 0, debt: 0 };
  const takenBack = Math.min(points, Math.max(0, balance));
  return { pendingCancelled: 0, takenBack, debt: points - takenBack };
}

/** How much of a debt the member's balance pays off right after an earning (all of it when it can). */
export function debtRepayment(debt: number, balance: number): number {
  return Math.max(0, Math.min(debt, balance));
}
