import { tierRank, type TierId } from '../content/ids';
import type { SettingsDoc } from '../content/settings';
import type { TierDoc } from '../content/tiers';
import { addDays, type DayString, dayOf, type Instant } from '../time/shanghai';
import { entryDay, leavesWindowOn, type GrowthEntry } from './growthWindow';
import { tierForGrowth, tierName } from './tiers';

export interface DowngradeWarning {
  /** The Shanghai day the tier would drop (growth leaves at that day's 00:00). */
  date: DayString;
  fromTier: TierId;
  fromTierName: string;
  toTier: TierId;
  toTierName: string;
  /** Window growth that will have left by `date` (net of negative corrections leaving). */
  growthLeaving: number;
  /** Growth to earn before `date` to keep the current tier. */
  growthToKeep: number;
}

/**
 * Looks `downgradeWarningDays` ahead, assuming the member earns nothing more: the first day on
 * which growth leaving the window puts the tier below today's, or null. Today's tier is the one
 * the window gives now (the stored `members.tier` may be stale).
 */
export function downgradeWarning(
  entries: readonly GrowthEntry[],
  tiers: readonly TierDoc[],
  now: Instant,
  settings: Pick<SettingsDoc, 'tier'>,
): DowngradeWarning | null {
  const { windowMonths, downgradeWarningDays } = settings.tier;
  const day = dayOf(now);
  const horizon = addDays(day, downgradeWarningDays);
  // Each entry's day and leaving day are computed once: the loop below only compares strings.
  const inWindow = entries
    .map((e) => {
      const earned = entryDay(e);
      return { earned, leaves: leavesWindowOn(earned, windowMonths), growth: e.growth };
    })
    .filter((e) => e.earned <= day && day < e.leaves);
  const sumOn = (on: DayString) =>
    Math.max(
      0,
      inWindow.reduce((s, e) => (on < e.leaves ? s + e.growth : s), 0),
    );

  const current = sumOn(day);
  const fromTier = tierForGrowth(tiers, current);
  const leaveDays = [...new Set(inWindow.map((e) => e.leaves))].filter((d) => d > day && d <= horizon).sort();

  for (const date of leaveDays) {
    const after = sumOn(date);
    const toTier = tierForGrowth(tiers, after);
    if (tierRank(toTier) < tierRank(fromTier)) {
      const keepAt = tiers.find((t) => t._id === fromTier)?.threshold ?? 0;
      return {
        date,
        fromTier,
        fromTierName: tierName(tiers, fromTier),
        toTier,
        toTierName: tierName(tiers, toTier),
        growthLeaving: current - after,
        growthToKeep: Math.max(0, keepAt - after),
      };
    }
  }
  return null;
}
