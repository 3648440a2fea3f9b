import type { RedeemData, VoucherView } from '@shared/contracts/redeem';
import { effectiveVoucherStatus } from '@shared/domain/voucher';
import type { RedemptionDoc } from '../_common/redemptions';

/** A voucher as the member's list shows it (an issued voucher past its expiry shows as expired). */
export function voucherView(doc: RedemptionDoc, now: number): VoucherView {
  return {
    id: doc._id,
    packId: doc.packId,
    packTitle: doc.packTitle,
    cost: doc.cost,
    code: doc.voucherCode,
    status: effectiveVoucherStatus(doc.status, doc.expiresAt, now),
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    usedAt: doc.usedAt,
  };
}

/**
 * The answer to a redeem request, built only from the stored redemption, so the first call and
 * every retry or parallel duplicate answer identically.
 */
export function redeemAnswer(doc: RedemptionDoc): RedeemData {
  return {
    voucher: {
      id: doc._id,
      packId: doc.packId,
      packTitle: doc.packTitle,
      cost: doc.cost,
      code: doc.voucherCode,
      status: 'issued',
      createdAt: doc.createdAt,
      expiresAt: doc.expiresAt,
      usedAt: null,
    },
    balance: { points: doc.balanceAfter },
    teams: Array.isArray(doc.teams) ? doc.teams : [],
  };
}
