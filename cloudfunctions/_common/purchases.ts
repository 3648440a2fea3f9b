import { createHash } from 'node:crypto';
import type { PartnerOrderData, PartnerRefundData } from '@shared/contracts/partner';
import { addPending, cancelPending, isStillPending, releaseDayFor, releaseInstant } from '@shared/domain/pendingPoints';
import { purchaseReward } from '@shared/domain/purchase';
import { purchaseBoostAt } from '@shared/domain/purchaseBoosts';
import { refundReversal, refundSplit } from '@shared/domain/refund';
import { AppError } from '@shared/errors';
import { dayOf, toIso, type DayString } from '@shared/time/shanghai';
import type { Account } from './account';
import { COLLECTIONS } from './collections';
import type { Database } from './db';
import { recordTeamActivity } from './teams';

/**
 * Purchases and refunds from the brand's systems, on the members' side: one order or refund is
 * one account transaction (`accountTransaction`) that reads its own document first — so the same
 * orderId (or refundId) sent again, even 20 times at once, changes state once and is answered
 * the first answer; with a different body it is a CONFLICT. What goes into the ledger when is in
 * `cloudfunctions/README.md` ("Purchases, pending points, debts and expiry").
 */
export interface OrderDoc {
  _id: string;
  openid: string;
  /** Paid, in fen. */
  amount: number;
  paidAt: string;
  storeId: string | null;
  points: number;
  growth: number;
  /** The campaign multiplier applied to the points (1 without), and the campaign (null without). */
  multiplier: number;
  boostCampaignId: string | null;
  /** The day its points become spendable; null when they were spendable at once. */
  releaseDay: DayString | null;
  /** The Shanghai day its growth counts on in the tier window (a refund reverses it there). */
  growthDay: DayString;
  refundedAmount: number;
  refundedPoints: number;
  refundedGrowth: number;
  refunds: number;
  status: 'active' | 'refunded';
  /** Hash of the request as first sent: a second call with another body is a CONFLICT. */
  fingerprint: string;
  answer: PartnerOrderData;
  createdAt: string;
  day: DayString;
}

export interface RefundDoc {
  _id: string;
  orderId: string;
  refundId: string;
  amount: number;
  reversedPoints: number;
  pendingCancelled: number;
  takenBack: number;
  debt: number;
  reversedGrowth: number;
  fingerprint: string;
  answer: PartnerRefundData;
  createdAt: string;
  day: DayString;
}

/** The request as the brand sent it, hashed (key order and absent fields do not matter). */
export function fingerprintOf(fields: Record<string, string | number | null | undefined>): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function refundDocId(orderId: string, refundId: string): string {
  return `${orderId}_${refundId}`;
}

function replay<T>(doc: { fingerprint: string; answer: T }, fingerprint: string): T {
  if (doc.fingerprint !== fingerprint) throw new AppError('CONFLICT');
  return doc.answer;
}

export interface NewPurchase {
  orderId: string;
  openid: string;
  amount: number;
  paidAt: string;
  storeId: string | null;
  fingerprint: string;
}

export interface Recorded<T> {
  data: T;
  replayed: boolean;
}

/**
 * **The one place a purchase is recorded for a member at an instant** (`account.now`): the order
 * document, the member's purchase count (metric `purchases`), the growth at once and the points
 * pending for `settings.purchase.holdDays` (or at once without a hold), with any campaign boost
 * (`purchaseBoostAt`), and the bars of the member's teams whose challenge counts purchases
 * (`recordTeamActivity`) — all in this transaction, after the order document was found absent, so
 * a replayed order moves nothing. A refund does not take a team's progress back (the bar only
 * grows, and a completed challenge has paid its members). NOT_FOUND when the member does not
 * exist (or is being deleted).
 */
export async function recordPurchase(account: Account, order: NewPurchase): Promise<Recorded<PartnerOrderData>> {
  const { tx, program, now } = account;
  const existing = await tx.get<OrderDoc>(COLLECTIONS.orders, order.orderId);
  if (existing) return { data: replay(existing, order.fingerprint), replayed: true };
  if (!(await account.find(order.openid))) throw new AppError('NOT_FOUND', '没有找到这位会员');
  await account.settle(order.openid);

  const rule = program.settings.purchase;
  const boost = purchaseBoostAt(program, now);
  const reward = purchaseReward(order.amount, rule, boost);
  const releaseDay = releaseDayFor(order.paidAt, rule.holdDays, now);
  const growthDay = dayOf(now);
  account.edit(order.openid, (m) => ({
    ...m,
    purchases: m.purchases + 1,
    pendingPoints: releaseDay ? addPending(m.pendingPoints, releaseDay, reward.points) : m.pendingPoints,
  }));
  const credited = { points: releaseDay ? 0 : reward.points, growth: reward.growth };
  // Points credited now carry the campaign's boost on their ledger entry (held points: the order records it).
  const ledgerBoost =
    boost && credited.points > 0
      ? {
          campaignId: boost.source,
          title: boost.title,
          pointsMultiplier: boost.multiplier,
          growthMultiplier: 1,
          points: reward.points - purchaseReward(order.amount, rule).points,
          growth: 0,
        }
      : undefined;
  if (credited.points > 0 || credited.growth > 0)
    await account.apply(order.openid, credited, { kind: 'purchase', refId: order.orderId, boost: ledgerBoost });
  // A purchase count can earn a badge even when nothing reached the ledger yet.
  else await account.refresh(order.openid);
  await recordTeamActivity(account, order.openid, ['purchases']);

  const answer: PartnerOrderData = {
    orderId: order.orderId,
    openid: order.openid,
    points: reward.points,
    growth: reward.growth,
    pendingUntil: releaseDay ? releaseInstant(releaseDay) : null,
  };
  const doc: OrderDoc = {
    _id: order.orderId,
    openid: order.openid,
    amount: order.amount,
    paidAt: toIso(order.paidAt),
    storeId: order.storeId,
    points: reward.points,
    growth: reward.growth,
    multiplier: reward.multiplier,
    boostCampaignId: boost?.source ?? null,
    releaseDay,
    growthDay,
    refundedAmount: 0,
    refundedPoints: 0,
    refundedGrowth: 0,
    refunds: 0,
    status: 'active',
    fingerprint: order.fingerprint,
    answer,
    createdAt: toIso(now),
    day: growthDay,
  };
  await tx.set(COLLECTIONS.orders, doc._id, { ...doc });
  return { data: answer, replayed: false };
}

export interface NewRefund {
  orderId: string;
  refundId: string;
  amount: number;
  fingerprint: string;
}

/**
 * A refund of part or all of an order (`shared/domain/refund.ts`): pending points cancelled,
 * spendable ones taken back up to the balance, the rest a debt; growth reversed on the order's
 * day (the tier is recomputed by the account); a full refund takes the purchase off the count.
 * A member deleted since has nothing left to take back: the refund is still recorded.
 */
export async function refundPurchase(account: Account, refund: NewRefund): Promise<Recorded<PartnerRefundData>> {
  const { tx, now } = account;
  const id = refundDocId(refund.orderId, refund.refundId);
  const existing = await tx.get<RefundDoc>(COLLECTIONS.orderRefunds, id);
  if (existing) return { data: replay(existing, refund.fingerprint), replayed: true };
  const order = await tx.get<OrderDoc>(COLLECTIONS.orders, refund.orderId);
  if (!order) throw new AppError('NOT_FOUND', '没有找到这笔订单');
  const reversal = refundReversal(order, refund.amount);
  if (!reversal) throw new AppError('REFUND_EXCEEDS_ORDER', undefined, { refundable: order.amount - order.refundedAmount });

  let split = { pendingCancelled: 0, takenBack: 0, debt: 0 };
  let growth = 0;
  const member = await account.find(order.openid);
  if (member) {
    await account.settle(order.openid);
    const settled = await account.get(order.openid);
    split = refundSplit(reversal.points, isStillPending(settled.pendingPoints, order.releaseDay), settled.points);
    growth = Math.min(reversal.growth, settled.growth);
    account.edit(order.openid, (m) => ({
      ...m,
      pendingPoints:
        split.pendingCancelled > 0 && order.releaseDay
          ? cancelPending(m.pendingPoints, order.releaseDay, split.pendingCancelled)
          : m.pendingPoints,
      pointsDebt: m.pointsDebt + split.debt,
      purchases: reversal.full ? Math.max(0, m.purchases - 1) : m.purchases,
    }));
    if (split.takenBack > 0 || growth > 0) {
      await account.apply(
        order.openid,
        { points: -split.takenBack, growth: -growth, growthDay: order.growthDay },
        { kind: 'purchase_refund', refId: order._id },
      );
    } else await account.refresh(order.openid);
  }

  const answer: PartnerRefundData = {
    orderId: order._id,
    refundId: refund.refundId,
    amount: refund.amount,
    refundedAmount: reversal.refundedAmount,
    points: { reversed: reversal.points, ...split },
    growth,
  };
  await tx.update(COLLECTIONS.orders, order._id, {
    refundedAmount: reversal.refundedAmount,
    refundedPoints: order.refundedPoints + reversal.points,
    refundedGrowth: order.refundedGrowth + growth,
    refunds: order.refunds + 1,
    status: reversal.full ? 'refunded' : 'active',
  });
  const doc: RefundDoc = {
    _id: id,
    orderId: order._id,
    refundId: refund.refundId,
    amount: refund.amount,
    reversedPoints: reversal.points,
    ...split,
    reversedGrowth: growth,
    fingerprint: refund.fingerprint,
    answer,
    createdAt: toIso(now),
    day: dayOf(now),
  };
  await tx.set(COLLECTIONS.orderRefunds, id, { ...doc });
  return { data: answer, replayed: false };
}

/** The `orders` collection outside transactions: a lookup by the brand's orderId, and account deletion. */
export class OrderRepository {
  constructor(private readonly db: Database) {}

  get(orderId: string): Promise<OrderDoc | null> {
    return this.db.get<OrderDoc>(COLLECTIONS.orders, orderId);
  }

  /** A deleted member's orders stay for the brand's accounting, under the anonymous id (their answer too). */
  async anonymise(openid: string, anon: string): Promise<void> {
    await this.db.updateWhere(COLLECTIONS.orders, { openid }, { openid: anon, 'answer.openid': anon });
  }
}
