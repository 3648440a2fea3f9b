import type { Program } from '../content/validateProgram';
import type { Instant } from '../time/shanghai';
import { campaignBoost } from './campaigns';
import type { PurchaseBoost } from './purchase';

// Apart from purchase.ts: the contracts import that module's limits, and campaigns bring the clock.

/**
 * The boost of a purchase recorded at `now`: a live campaign's `boosts.purchase` (boosts do not
 * stack — the highest one when campaigns overlap, the same rule as check-ins: `campaignBoost`).
 */
export function purchaseBoostAt(program: Pick<Program, 'campaigns'>, now: Instant): PurchaseBoost | null {
  const boost = campaignBoost(program.campaigns, 'purchase', now);
  return boost ? { multiplier: boost.pointsMultiplier, source: boost.campaignId, title: boost.title } : null;
}
