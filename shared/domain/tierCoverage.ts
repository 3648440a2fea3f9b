import { TIER_IDS, tierRank, type TierId } from '../content/ids';
import type { SettingsDoc } from '../content/settings';
import type { TierDoc } from '../content/tiers';
import { tierForGrowth } from './tiers';

export interface TierCoverage {
  tier: TierId;
  /** Active members whose tier is this one or higher. */
  members: number;
  /** `members` ÷ active members, in percent with one decimal (0 when there are none). */
  coverage: number;
  target: number;
}

/**
 * Coverage of each layer as the brand's plan defines it: the share of active members (active
 * in the last 30 days; the caller chooses them) whose tier is at least that layer. Basic is the
 * floor, so its coverage is 100% whenever there are members.
 */
export function tierCoverage(
  tiers: readonly TierDoc[],
  activeWindowGrowths: readonly number[],
  targets: SettingsDoc['tier']['coverageTargets'],
): TierCoverage[] {
  const total = activeWindowGrowths.length;
  const counts: Record<TierId, number> = { basic: 0, advanced: 0, core: 0 };
  for (const g of activeWindowGrowths) {
    const rank = tierRank(tierForGrowth(tiers, g));
    for (const id of TIER_IDS) if (tierRank(id) <= rank) counts[id]++;
  }
  return TIER_IDS.map((tier) => ({
    tier,
    members: counts[tier],
    coverage: total === 0 ? 0 : Math.round((counts[tier] / total) * 1000) / 10,
    target: targets[tier],
  }));
}
