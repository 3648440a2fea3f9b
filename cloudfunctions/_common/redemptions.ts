import type { BenefitPackDoc } from '@shared/content/benefitPacks';
import type { TierId } from '@shared/content/ids';
import type { TeamProgress } from '@shared/contracts/team';
import { voucherCode } from '@shared/domain/codes';
import { redemptionId, voucherExpiresAt } from '@shared/domain/voucher';
import type { RedemptionStatus } from '@shared/domain/statuses';
import { dayOf, toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import type { Database, Where } from './db';
import { newestFirstPage } from './paging';
import { randomBytes } from './random';

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
  /** The member's redemption count this one is in (`<packId>|<period>`, `redeemCounts` on the member; given back on cancel). */
  limitKey: string;
  /** Whether a unit of finite stock was taken (restored on cancel). */
  stockTaken: boolean;
  /** The token of the stock hold this redemption consumed (`shared/domain/stockHolds.ts`); null when no unit was taken. */
  holdToken: string | null;
  /** Points left right after redeeming: the answer a retry gets back is the first one. */
  balanceAfter: number;
  /** The member's team bars this redemption moved (answered again to a retry); missing on older documents. */
  teams?: TeamProgress[];
  /** A voucher given rather than redeemed (a tier's entry reward): not a redemption in counts and figures. */
  gift?: 'tier_entry';
  cancelledAt?: string | null;
  cancelledBy?: string | null;
  cancelReason?: string | null;
}

/**
 * A new voucher of `pack` for a member, issued now (`_id` = `openid_requestId`, a fresh random
 * code). What differs between a redemption and a given voucher comes in `rest`.
 */
export function issuedVoucher(
  openid: string,
  requestId: string,
  pack: Pick<BenefitPackDoc, '_id' | 'title' | 'minTier' | 'voucherDays'>,
  now: number,
  rest: Pick<RedemptionDoc, 'cost' | 'limitKey' | 'stockTaken' | 'holdToken' | 'balanceAfter'> &
    Pick<Partial<RedemptionDoc>, 'gift' | 'teams'>,
): RedemptionDoc {
  return {
    _id: redemptionId(openid, requestId),
    openid,
    packId: pack._id,
    packTitle: pack.title,
    packTier: pack.minTier,
    requestId,
    status: 'issued',
    voucherCode: voucherCode(randomBytes),
    createdAt: toIso(now),
    day: dayOf(now),
    expiresAt: voucherExpiresAt(now, pack.voucherDays),
    usedAt: null,
    usedBy: null,
    usedStore: null,
    ...rest,
  };
}

/**
 * The count key of a redemption; documents written before counts moved onto the member carry the
 * id of their old counter document (`<openid>_<packId>_<period>`) instead.
 */
export function limitKeyOf(
  doc: Pick<RedemptionDoc, 'openid' | 'packId'> & { limitKey?: unknown; limitCounterId?: unknown },
): string | null {
  if (typeof doc.limitKey === 'string') return doc.limitKey;
  const prefix = `${doc.openid}_${doc.packId}_`;
  return typeof doc.limitCounterId === 'string' && doc.limitCounterId.startsWith(prefix)
    ? `${doc.packId}|${doc.limitCounterId.slice(prefix.length)}`
    : null;
}

/** What a voucher list can be filtered by: an `issued` voucher past its expiry shows as `expired`. */
function statusCondition(db: Database, status: RedemptionStatus | undefined, nowIso: string): Where | null {
  const op = db.op;
  switch (status) {
    case undefined:
      return null;
    case 'issued':
      return { status: 'issued', expiresAt: op.gt(nowIso) };
    case 'expired':
      return op.or({ status: 'expired' }, { status: 'issued', expiresAt: op.lte(nowIso) });
    default:
      return { status };
  }
}

export class RedemptionRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Promise<RedemptionDoc | null> {
    return this.db.get<RedemptionDoc>(COLLECTIONS.redemptions, id);
  }

  async byVoucherCode(code: string): Promise<RedemptionDoc | null> {
    const [found] = await this.db.find<RedemptionDoc>(COLLECTIONS.redemptions, { voucherCode: code }, { limit: 1 });
    return found ?? null;
  }

  /** The member's vouchers, newest first, optionally by shown status. */
  page(openid: string, status: RedemptionStatus | undefined, now: number, cursor: string | undefined, limit: number) {
    const byStatus = statusCondition(this.db, status, toIso(now));
    return newestFirstPage<RedemptionDoc>(
      this.db,
      COLLECTIONS.redemptions,
      byStatus ? [{ openid }, byStatus] : [{ openid }],
      cursor,
      limit,
    );
  }

  /** The member's redemptions (not cancelled, not given) made in `[start, end)` (index `openid_createdAt`). */
  countRedeemedBetween(openid: string, start: string, end: string): Promise<number> {
    const _ = this.db.op;
    return this.db.count(COLLECTIONS.redemptions, {
      openid,
      createdAt: _.gte(start).and(_.lt(end)),
      status: _.neq('cancelled'),
      gift: _.exists(false),
    });
  }

  /** Marks an issued, unexpired voucher used (one conditional update: two scans of one code succeed once). */
  async markUsed(id: string, at: number, by: string, store: string | null): Promise<boolean> {
    const iso = toIso(at);
    const updated = await this.db.updateWhere(
      COLLECTIONS.redemptions,
      { _id: id, status: 'issued', expiresAt: this.db.op.gt(iso) },
      { status: 'used', usedAt: iso, usedBy: by, usedStore: store },
    );
    return updated === 1;
  }
}
