import { DEFAULT_TIER_NAMES, TIER_IDS, tierRank, type TierId } from '../content/ids';
import type { TierDoc } from '../content/tiers';

/**
 * The tier of a window growth: the highest tier whose threshold is reached. Basic is the floor
 * even when its document is missing (every member has a tier); a tier whose document is
 * missing or broken cannot be reached (the validator reports it).
 */
export function tierForGrowth(tiers: readonly TierDoc[], windowGrowth: number): TierId {
  let result: TierId = 'basic';
  for (const id of TIER_IDS) {
    const doc = tiers.find((t) => t._id === id);
    if (doc && windowGrowth >= doc.threshold && tierRank(id) > tierRank(result)) result = id;
  }
  return result;
}

export function tierName(tiers: readonly TierDoc[], id: TierId): string {
  return tiers.find((t) => t._id === id)?.name ?? DEFAULT_TIER_NAMES[id];
}

/** Whether a member at `memberTier` may have something meant for `requiredTier`. */
export function tierAtLeast(memberTier: TierId, requiredTier: TierId): boolean {
  return tierRank(memberTier) >= tierRank(requiredTier);
}

export interface TierProgress {
  tier: TierId;
  tierName: string;
  windowGrowth: number;
  next: { id: TierId; name: string; threshold: number; growthNeeded: number } | null;
  /** 0…1 of the way from the current tier's threshold to the next one (1 at the top tier). */
  ratio: number;
}

export function nextTierProgress(tiers: readonly TierDoc[], windowGrowth: number): TierProgress {
  const tier = tierForGrowth(tiers, windowGrowth);
  const floor = tiers.find((t) => t._id === tier)?.threshold ?? 0;
  const above = tiers
    .filter((t) => tierRank(t._id) > tierRank(tier) && t.threshold > windowGrowth)
    .sort((a, b) => tierRank(a._id) - tierRank(b._id))[0];
  if (!above) return { tier, tierName: tierName(tiers, tier), windowGrowth, next: null, ratio: 1 };
  const span = above.threshold - floor;
  return {
    tier,
    tierName: tierName(tiers, tier),
    windowGrowth,
    next: { id: above._id, name: above.name, threshold: above.threshold, growthNeeded: above.threshold - windowGrowth },
    ratio: span > 0 ? Math.min(1, Math.max(0, (windowGrowth - floor) / span)) : 0,
  };
}
