import type { SettingsDoc } from '../content/settings';
import type { PointsOutlook, PurchaseRule } from '../contracts/member';
import { dayOf, monthOf, type DayString, type Instant, type MonthString } from '../time/shanghai';
import type { StoredMember } from './member';
import { duePending, nextReleaseDay, pendingTotal, type PendingPoints } from './pendingPoints';
import { dueExpiry, expiringSoon, reconcileLots } from './pointLots';

/**
 * What has fallen due on a member's points by `now`, whoever notices first — the member's own
 * next transaction (the account module settles before every change, and home before it answers)
 * or the `jobs` timer: points past their expiry (oldest lots, `pointLots.ts`) and pending purchase
 * points whose release day has come (`pendingPoints.ts`). Expiry is settled first: a lot expired
 * at the month's end, before a release of the next day could pay a debt from it.
 */
export interface DueSettlement {
  expire: { points: number; through: MonthString } | null;
  release: { points: number; days: DayString[]; rest: PendingPoints } | null;
}

export function dueSettlement(
  member: Pick<StoredMember, 'pointLots' | 'points' | 'pendingPoints'>,
  settings: Pick<SettingsDoc, 'points'>,
  now: Instant,
): DueSettlement {
  const lots = reconcileLots(member.pointLots, member.points, monthOf(now));
  const expire = dueExpiry(lots, now, settings.points.expiry);
  const pending = duePending(member.pendingPoints, dayOf(now));
  return { expire, release: pending.days.length > 0 ? pending : null };
}

export function isSettlementDue(due: DueSettlement): boolean {
  return due.expire !== null || due.release !== null;
}

/** What home shows beside the balance (`HomeData.pointsOutlook`), from the member document alone. */
export function pointsOutlook(
  member: Pick<StoredMember, 'pointLots' | 'points' | 'pendingPoints' | 'pointsDebt'>,
  settings: Pick<SettingsDoc, 'points' | 'purchase'>,
  now: Instant,
): PointsOutlook {
  const lots = reconcileLots(member.pointLots, member.points, monthOf(now));
  return {
    pending: pendingTotal(member.pendingPoints),
    pendingReleaseOn: nextReleaseDay(member.pendingPoints),
    debt: member.pointsDebt,
    expiring: expiringSoon(lots, now, settings.points.expiry),
    expiryMonths: expiryMonths(settings),
    purchase: purchaseRule(settings),
  };
}

/** `settings.points.expiry.months`, or null when points never expire (home and `member.program`). */
export function expiryMonths(settings: Pick<SettingsDoc, 'points'>): number | null {
  return settings.points.expiry ? settings.points.expiry.months : null;
}

/** How purchases earn, as the rules page says it (home and `member.program`). */
export function purchaseRule(settings: Pick<SettingsDoc, 'purchase'>): PurchaseRule {
  const { pointsPerYuan, growthPerYuan, holdDays } = settings.purchase;
  return { pointsPerYuan, growthPerYuan, holdDays };
}
