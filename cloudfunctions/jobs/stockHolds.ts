import type { Job } from '../_common/jobs';
import { settleHold } from '../_common/stock';

/** Packs per page (content collections are small; a pack's holds are few). */
const PACKS_PER_PAGE = 20;

/**
 * `stockHolds` — settles the stock holds calls left behind (a crash, a lost answer, a client that
 * never retried): a hold its redemption consumed is removed, one no redemption consumed goes back
 * to stock, after its token is voided on the member (`shared/domain/stockHolds.ts`). Holds younger
 * than `HOLD_STALE_MS` belong to calls that may still be running and wait for a later run. Safe to
 * run twice or concurrently with redemptions: every step is conditional on the hold's token.
 */
export const stockHolds: Job = {
  name: 'stockHolds',
  everyMs: 0,
  async page({ services, now }, cursor) {
    const packs = await services.stock.holdsPage(cursor ?? '', PACKS_PER_PAGE);
    let handled = 0;
    for (const { packId, holds } of packs) {
      for (const [redemptionId, hold] of holds) {
        const outcome = await settleHold(services, packId, redemptionId, hold, now);
        if (outcome === 'waiting') continue;
        handled++;
        console.info(`[jobs.stockHolds] ${packId} ${redemptionId.slice(0, 6)}…: ${outcome}`);
      }
    }
    return { cursor: packs.length < PACKS_PER_PAGE ? null : packs[packs.length - 1].packId, handled };
  },
};
