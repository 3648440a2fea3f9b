import type { TierId } from '@shared/content/ids';
import type { RedeemData, VoucherView } from '@shared/contracts/redeem';
import { effectiveVoucherStatus } from '@shared/domain/voucher';
import type { RedemptionStatus } from '@shared/domain/statuses';

/** A `redemptions` document: `_id` = `openid_requestId`, so a retried request collides instead of paying twice. */
export interface RedemptionDoc {
  _id: string;
  openid: string;
  packId: string;
  packTitle: string;
  /** The pack's minimum tier (redemptions per tier). */
  packTier: TierId;
  requestId: string;
  cost: number;
  status: RedemptionStatus;
  voucherCode: string;
  createdAt: string;
  /** Shanghai day of `createdAt`. */
  day: string;
  expiresAt: string;
  usedAt: string | null;
  /** The verifier's openid and store. */
  usedBy: string | null;
  usedStore: string | null;
  /** The per-member limit counter this redemption counts in (decremented on cancel). */
  limitCounterId: string;
  /** Whether a unit of finite stock was taken (restored on cancel). */
  stockTaken: boolean;
  /** Points left right after redeeming: the answer a retry gets back is the first one. */
  balanceAfter: number;
  cancelledAt?: string | null;
  cancelledBy?: string | null;
  cancelReason?: string | null;
}

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
  };
}
