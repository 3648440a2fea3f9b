import type { BenefitPackDoc } from '../content/benefitPacks';
import type { Instant } from '../time/shanghai';
import { periodKey } from './period';

/**
 * The per-member redemption limit, counted on the member document (`redeemCounts`): one count
 * per pack and limit period, keyed `<packId>|<periodKey>`. The redeem transaction already reads
 * and writes the member, so the limit costs no round trip of its own, and a new period starts at
 * zero without a reset job.
 */
export type RedeemCounts = Record<string, number>;

type PackPeriod = Pick<BenefitPackDoc, '_id' | 'limitPeriod'>;

/** Recent redeem requestIds the member document remembers (a retry older than these is still answered, with more reads). */
export const RECENT_REDEEMS = 20;

/** The count a redemption of `pack` at `now` goes into. */
export function redeemCountKey(pack: PackPeriod, now: Instant): string {
  return `${pack._id}|${periodKey(pack.limitPeriod, now)}`;
}

/** This member's redemptions of `pack` in the period containing `now`. */
export function usedInPeriod(counts: RedeemCounts, pack: PackPeriod, now: Instant): number {
  return counts[redeemCountKey(pack, now)] ?? 0;
}

/**
 * Counts of periods that are over are dropped (a count is only ever read for the current period).
 * A count of a pack the program does not know right now is kept: the pack may be back after ops
 * fix a typo, and its campaign limit must still hold then.
 */
export function pruneRedeemCounts(counts: RedeemCounts, packs: readonly PackPeriod[], now: Instant): RedeemCounts {
  const byId = new Map(packs.map((p) => [p._id, p]));
  const out: RedeemCounts = {};
  for (const [key, count] of Object.entries(counts)) {
    const packId = key.slice(0, key.lastIndexOf('|'));
    const pack = byId.get(packId);
    if (count > 0 && (!pack || redeemCountKey(pack, now) === key)) out[key] = count;
  }
  return out;
}

/** One more redemption of `pack` at `now`. */
export function countRedemption(counts: RedeemCounts, pack: PackPeriod, now: Instant, packs: readonly PackPeriod[]): RedeemCounts {
  const key = redeemCountKey(pack, now);
  return { ...pruneRedeemCounts(counts, packs, now), [key]: (counts[key] ?? 0) + 1 };
}

/** One redemption fewer in the count `key` (a cancelled voucher); a count already gone stays gone. */
export function uncountRedemption(counts: RedeemCounts, key: string): RedeemCounts {
  if (!(counts[key] > 0)) return counts;
  const out = { ...counts, [key]: counts[key] - 1 };
  if (out[key] === 0) delete out[key];
  return out;
}

/** The member's recent redeem requestIds with `requestId` last. */
export function rememberRedeem(recent: readonly string[], requestId: string): string[] {
  return [...recent.filter((r) => r !== requestId), requestId].slice(-RECENT_REDEEMS);
}
