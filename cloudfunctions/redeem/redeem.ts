import { performance } from 'node:perf_hooks';
import type { BadgeDoc } from '@shared/content/badges';
import type { BenefitPackDoc } from '@shared/content/benefitPacks';
import { voucherCode } from '@shared/domain/codes';
import { dayOf, toIso } from '@shared/time/shanghai';
import { packEligibility, type PackEligibility } from '@shared/domain/packEligibility';
import { limitCounterId, periodKey } from '@shared/domain/period';
import { redemptionId, voucherExpiresAt } from '@shared/domain/voucher';
import { AppError } from '@shared/errors';
import { countAwards } from '../_common/badgeViews';
import { COLLECTIONS } from '../_common/collections';
import { isDuplicateKey, type Database } from '../_common/db';
import { contractAction } from '../_common/entry';
import { settleInvite } from '../_common/invites';
import { ledgerEntry, writeLedger } from '../_common/ledger';
import { normalizeMember } from '../_common/members';
import { packLiveState, type LimitCounterDoc } from '../_common/packs';
import { currentTier, progress } from '../_common/progression';
import { randomBytes } from '../_common/random';
import type { RequestContext } from '../_common/services';
import { redeemAnswer, type RedemptionDoc } from './redemptions';

/**
 * `redeem.redeem` `{packId, requestId}` — spends points and issues a voucher exactly once per
 * requestId. The flow keeps 200 racing members off one hot transaction:
 *
 *  1. a stored redemption `openid_requestId` is the answer (a retry gets the first result);
 *  2. one call per requestId runs (a `redeem_requests` claim document); parallel duplicates wait
 *     for its outcome instead of competing for stock;
 *  3. eligibility is checked on fresh data (the same rule `redeem.list` shows), nothing reserved yet;
 *  4. a unit of stock is reserved with a conditional decrement (`stock > 0`, `stats.updated`);
 *  5. the member's side — points, ledger entry, limit counter, redemption, badges, invite
 *     activation — commits in one transaction on documents only this member writes;
 *  6. if that fails for any reason the reserved unit is put back.
 */

/** A claim older than this belongs to a call that died; the next caller takes over. */
const CLAIM_STALE_MS = 30_000;
/** How long a duplicate waits for the call that owns the request. */
const WAIT_MS = 8_000;
const POLL_MS = 40;

interface ClaimDoc {
  _id: string;
  openid: string;
  packId: string;
  createdAt: string;
  /** ms; staleness is judged on it. */
  at: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tries to become the one call running this request. */
async function claim(db: Database, id: string, openid: string, packId: string, now: number): Promise<boolean> {
  try {
    await db.add(COLLECTIONS.redeemRequests, { _id: id, openid, packId, createdAt: toIso(now), at: now });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const held = await db.get<ClaimDoc>(COLLECTIONS.redeemRequests, id);
  if (held && Date.now() - held.at > CLAIM_STALE_MS) await db.removeWhere(COLLECTIONS.redeemRequests, { _id: id, at: held.at });
  return false;
}

async function reserveStock(db: Database, packId: string): Promise<boolean> {
  const _ = db.command;
  return (await db.updateWhere(COLLECTIONS.benefitPacks, { _id: packId, stock: _.gt(0) }, { stock: _.inc(-1) })) === 1;
}

async function releaseStock(db: Database, packId: string): Promise<void> {
  const _ = db.command;
  // Only a finite stock is given back (ops may have made the pack unlimited meanwhile).
  await db.updateWhere(COLLECTIONS.benefitPacks, { _id: packId, stock: _.gte(0) }, { stock: _.inc(1) });
}

function refuse(eligibility: PackEligibility): void {
  if (!eligibility.eligible) throw new AppError(eligibility.reason, undefined, { ...eligibility.detail });
}

interface MemberSide {
  doc: RedemptionDoc;
  duplicate: boolean;
  awarded: BadgeDoc[];
}

/** Step 5: the member's side in one transaction (retried with a fresh code in the ~never case of a taken voucher code). */
async function commitMemberSide(
  ctx: RequestContext,
  pack: BenefitPackDoc,
  id: string,
  requestId: string,
  stockTaken: boolean,
): Promise<MemberSide> {
  const { openid, now, program, services } = ctx;
  for (let attempt = 1; ; attempt++) {
    try {
      return await services.db.transaction(async (tx): Promise<MemberSide> => {
        const again = await tx.get<RedemptionDoc>(COLLECTIONS.redemptions, id);
        if (again) return { doc: again, duplicate: true, awarded: [] };
        const raw = await tx.get<unknown>(COLLECTIONS.members, openid);
        if (!raw) throw new Error('member record vanished during redeem');
        const before = normalizeMember(raw);
        const counterId = limitCounterId(openid, pack._id, periodKey(pack.limitPeriod, now));
        const counter = await tx.get<LimitCounterDoc>(COLLECTIONS.redeemLimits, counterId);
        const used = typeof counter?.count === 'number' ? counter.count : 0;
        // Stock is already reserved: the rest of the rule is checked again on the transaction's snapshot.
        refuse(
          packEligibility(pack, {
            memberTier: currentTier(before, program, now),
            points: before.points,
            now,
            usedInPeriod: used,
            stockLeft: null,
          }),
        );

        const moved = progress({ ...before, redemptions: before.redemptions + 1 }, { points: -pack.cost, growth: 0 }, program, now);
        const settlement = await settleInvite(tx, moved.member, 'redemption', program, now);
        const iso = toIso(now);
        const doc: RedemptionDoc = {
          _id: id,
          openid,
          packId: pack._id,
          packTitle: pack.title,
          packTier: pack.minTier,
          requestId,
          cost: pack.cost,
          status: 'issued',
          voucherCode: voucherCode(randomBytes),
          createdAt: iso,
          day: dayOf(now),
          expiresAt: voucherExpiresAt(now, pack.voucherDays),
          usedAt: null,
          usedBy: null,
          usedStore: null,
          limitCounterId: counterId,
          stockTaken,
          balanceAfter: moved.member.points,
        };
        await tx.set(COLLECTIONS.redemptions, id, { ...doc });
        await writeLedger(tx, ledgerEntry({ openid, kind: 'redeem', points: -pack.cost, growth: 0, refId: id, now }));
        await tx.set(COLLECTIONS.redeemLimits, counterId, {
          openid,
          packId: pack._id,
          period: periodKey(pack.limitPeriod, now),
          count: used + 1,
        });
        await tx.set(COLLECTIONS.members, openid, { ...moved.member });
        return { doc, duplicate: false, awarded: [...moved.newBadges, ...(settlement?.inviterBadges ?? [])] };
      });
    } catch (err) {
      if (attempt < 3 && isDuplicateKey(err)) continue;
      throw err;
    }
  }
}

/** Steps 3–6 for the call that owns the request. */
async function redeemOnce(ctx: RequestContext, pack: BenefitPackDoc, id: string, requestId: string) {
  const { openid, now, member, program, services } = ctx;
  const { db } = services;
  const live = await packLiveState(db, openid, [pack], now);
  const stockLeft = live.stockLeft(pack);
  refuse(
    packEligibility(pack, {
      memberTier: currentTier(member, program, now),
      points: member.points,
      now,
      usedInPeriod: live.usedInPeriod(pack),
      stockLeft,
    }),
  );

  const stockTaken = stockLeft !== null;
  if (stockTaken && !(await reserveStock(db, pack._id))) throw new AppError('OUT_OF_STOCK');
  let side: MemberSide;
  try {
    side = await commitMemberSide(ctx, pack, id, requestId, stockTaken);
  } catch (err) {
    if (stockTaken)
      await releaseStock(db, pack._id).catch((e: unknown) => console.error('[redeem] reserved stock not given back', pack._id, e));
    throw err;
  }
  if (side.duplicate && stockTaken) await releaseStock(db, pack._id);
  await countAwards(services.counters, side.awarded);
  return redeemAnswer(side.doc);
}

export const redeem = contractAction('redeem', 'redeem', async ({ packId, requestId }, ctx: RequestContext) => {
  const { openid, program, services } = ctx;
  const { db } = services;
  const id = redemptionId(openid, requestId);
  const pack = program.benefit_packs.find((p) => p._id === packId);
  // Waiting is timed on performance.now(): a test clock jumping days must not cut it short.
  const waitUntil = performance.now() + WAIT_MS;

  for (;;) {
    const stored = await db.get<RedemptionDoc>(COLLECTIONS.redemptions, id);
    if (stored) return redeemAnswer(stored);
    if (!pack) throw new AppError('NOT_FOUND');
    if (await claim(db, id, openid, pack._id, Date.now())) {
      try {
        return await redeemOnce(ctx, pack, id, requestId);
      } finally {
        await db.remove(COLLECTIONS.redeemRequests, id).catch((err: unknown) => console.warn('[redeem] claim not released', err));
      }
    }
    // Another call runs this very request: its answer will be ours.
    if (performance.now() > waitUntil) throw new AppError('BUSY');
    await sleep(POLL_MS);
  }
});
