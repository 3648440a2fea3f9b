import { addDays, startOfDay, dayOf, toIso, toMs, type Instant } from '../time/shanghai';
import type { RedemptionStatus } from './statuses';

/**
 * A voucher of `voucherDays` days is valid through the end of the Shanghai day
 * `issued day + voucherDays - 1` (a 1-day voucher is good until midnight of the day issued).
 */
export function voucherExpiresAt(createdAt: Instant, voucherDays: number): string {
  return toIso(startOfDay(addDays(dayOf(createdAt), voucherDays)));
}

/**
 * The status to show and to enforce: a stored `issued` past its expiry is `expired` even
 * before any job rewrites it (so no sweep is needed for correctness).
 */
export function effectiveVoucherStatus(status: RedemptionStatus, expiresAt: Instant, now: Instant): RedemptionStatus {
  return status === 'issued' && toMs(now) >= toMs(expiresAt) ? 'expired' : status;
}

/** `_id` of a redemption: a retried request with the same requestId collides instead of paying twice. */
export function redemptionId(openid: string, requestId: string): string {
  return `${openid}_${requestId}`;
}
