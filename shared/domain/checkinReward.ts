import type { SettingsDoc } from '../content/settings';
import { boostAmount, type AppliedBoost } from './campaigns';

export interface CheckinBonus {
  points: number;
  growth: number;
  /** The streak milestones that paid today, e.g. [7] or [7, 30] on day 210. */
  milestones: number[];
}

/** A campaign's boost on a check-in: its multipliers and what they added. */
export interface CheckinBoost extends AppliedBoost {
  /** Points and growth the boost added on top of base + bonus. */
  points: number;
  growth: number;
}

export interface CheckinReward {
  /** Total points of the check-in (base + bonus, boosted): what the ledger entry carries. */
  points: number;
  /** Total growth of the check-in (base + bonus, boosted). */
  growth: number;
  /** The streak bonus part, or null on an ordinary day. */
  bonus: CheckinBonus | null;
  /** A live campaign's boost, or null. */
  boost: CheckinBoost | null;
}

/**
 * The reward of a check-in that brings the streak to `streak` days.
 * Rule: a bonus `{days, repeat}` pays on the day the streak reaches exactly `days`, and, when
 * `repeat` is true, again on every multiple of `days` (14, 21, …). Several bonuses hitting the
 * same day add up. Bonus and base go into one ledger entry (kind `checkin`), so a check-in is
 * always exactly one entry. A live campaign's boost multiplies the whole (base + bonus), rounded
 * (`campaigns.ts`); the entry carries the boosted amount and the multipliers.
 */
export function checkinReward(settings: Pick<SettingsDoc, 'checkin'>, streak: number, boost: AppliedBoost | null = null): CheckinReward {
  const { points, growth, streakBonuses } = settings.checkin;
  const hits = streakBonuses.filter((b) => streak > 0 && (streak === b.days || (b.repeat && streak % b.days === 0)));
  const bonus: CheckinBonus | null =
    hits.length === 0
      ? null
      : {
          points: hits.reduce((s, b) => s + b.points, 0),
          growth: hits.reduce((s, b) => s + b.growth, 0),
          milestones: hits.map((b) => b.days).sort((a, b) => a - b),
        };
  const plain = { points: points + (bonus?.points ?? 0), growth: growth + (bonus?.growth ?? 0) };
  if (!boost) return { ...plain, bonus, boost: null };
  const total = boostAmount(plain, boost);
  return { ...total, bonus, boost: { ...boost, points: total.points - plain.points, growth: total.growth - plain.growth } };
}

/** Points earned by checking in every day for the first `days` days of a new streak. */
export function pointsForDailyCheckins(settings: Pick<SettingsDoc, 'checkin'>, days: number): number {
  let total = 0;
  for (let d = 1; d <= days; d++) total += checkinReward(settings, d).points;
  return total;
}

/** The next streak milestone after `streak` and its bonus, for "再签 N 天得 X 积分" copy. */
export function nextStreakMilestone(
  settings: Pick<SettingsDoc, 'checkin'>,
  streak: number,
): { days: number; daysLeft: number; points: number; growth: number } | null {
  let best: { days: number; daysLeft: number; points: number; growth: number } | null = null;
  for (const b of settings.checkin.streakBonuses) {
    let target = b.days;
    if (target <= streak) {
      if (!b.repeat) continue;
      target = (Math.floor(streak / b.days) + 1) * b.days;
    }
    if (best === null || target < best.days) {
      const reward = checkinReward(settings, target);
      best = { days: target, daysLeft: target - streak, points: reward.bonus?.points ?? 0, growth: reward.bonus?.growth ?? 0 };
    }
  }
  return best;
}
