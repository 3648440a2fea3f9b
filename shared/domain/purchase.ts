import type { PurchaseRounding, PurchaseSettings } from '../content/settings';

/**
 * What an order from the brand's shop or stores earns (`settings.purchase`): points and growth
 * per yuan actually paid, each rounded once per order. Campaign boosts multiply the points (never
 * the growth, so tiers keep measuring what members spend). Amounts are in fen (分) and rates are
 * kept exact in hundredths, so no floating-point error reaches a member's balance.
 */

/** A points multiplier that applies to purchases at some instant (a campaign's boost). */
export interface PurchaseBoost {
  /** ×1.5 → 1.5; at most two decimals, ≥ 1. */
  multiplier: number;
  /** What grants it (a campaign id), for the order and the ledger. */
  source: string;
  /** The campaign's title, as the member's ledger shows it. */
  title: string;
}

/** Largest order amount accepted, in fen (¥1,000,000): keeps every product below 2^53. */
export const MAX_ORDER_FEN = 100_000_000;

function hundredths(rate: number): number {
  return Math.round(rate * 100);
}

/** `numerator / denominator` rounded as the settings say (positive integers only). */
function divide(numerator: number, denominator: number, rounding: PurchaseRounding): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  if (r === 0 || rounding === 'floor') return q;
  if (rounding === 'ceil') return q + 1;
  return 2 * r >= denominator ? q + 1 : q;
}

export interface PurchaseReward {
  points: number;
  growth: number;
  /** The multiplier applied to the points (1 without a boost). */
  multiplier: number;
}

/**
 * Points and growth for an order of `amountFen` fen: fen × rate-in-hundredths / 10 000 (one yuan is
 * 100 fen, a rate of 1.00 is 100 hundredths), points × the boost (in hundredths too), then rounded.
 */
export function purchaseReward(amountFen: number, rule: PurchaseSettings, boost: PurchaseBoost | null = null): PurchaseReward {
  const multiplier = boost?.multiplier ?? 1;
  const points = divide(amountFen * hundredths(rule.pointsPerYuan) * hundredths(multiplier), 10_000 * 100, rule.rounding);
  const growth = divide(amountFen * hundredths(rule.growthPerYuan), 10_000, rule.rounding);
  return { points, growth, multiplier };
}
