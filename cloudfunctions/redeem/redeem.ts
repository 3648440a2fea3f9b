import type { BenefitPackDoc } from '@shared/content/benefitPacks';
import { memberAchievements, packEligibility, type PackEligibility } from '@shared/domain/packEligibility';
import { currentTier } from '@shared/domain/progression';
import { countRedemption, redeemCountKey, rememberRedeem, usedInPeriod } from '@shared/domain/redeemCounts';
import type { StoredMember } from '@shared/domain/member';
import { redemptionId } from '@shared/domain/voucher';
import { AppError, type ErrorCode } from '@shared/errors';
import { accountTransaction } from '../_common/account';
import { COLLECTIONS } from '../_common/collections';
import { isDuplicateKey } from '../_common/db';
import { contractAction } from '../_common/entry';
import { settleInvite } from '../_common/invites';
import { randomId } from '../_common/random';
import { issuedVoucher, type RedemptionDoc } from '../_common/redemptions';
import type { RequestContext } from '../_common/services';
import { settleHold } from '../_common/stock';
import { recordTeamActivity } from '../_common/teams';
import { redeemAnswer } from './vouchers';

/**
 * `redeem.redeem` `{packId, requestId}` — spends points and issues a voucher exactly once per
 * requestId, with stock exact across crashes (`shared/domain/stockHolds.ts`):
 *
 *  1. a retry of a request this member committed (their record lists its requestId) gets the
 *     stored answer;
 *  2. eligibility is checked on the member as the request found it (the rule `redeem.list` shows);
 *  3. a unit is taken on the live pack document with a hold — or the hold another call of this
 *     same request left is adopted (a retry after a crash answers at once), or nothing is taken
 *     when the live document says unlimited;
 *  4. the member's side — points, ledger entry, limit count, the redemption with the hold's
 *     token, badges, invite activation, the bar of a team counting redemptions — commits in one
 *     transaction (the pack document, which 200 racing members write, stays out of it);
 *  5. the hold is removed once consumed; a transaction that refused settles it (void, look, give
 *     back). A call that dies anywhere leaves a hold the retry adopts or the `jobs` sweep settles.
 *
 * Round trips, warm: the member (1) · take a unit (1) · transaction start, redemption, member,
 * ledger entry, redemption, member, commit (7) · remove the hold (1) = 10; + one counter write
 * when a badge is earned (a first redemption: 11). An unlimited pack: the live pack instead of
 * the take, no hold to remove (10). A retry: the member, the redemption (2).
 */

/** Rounds of "take a unit, commit" when the unit held was given back meanwhile (the sweep settled a slow call). */
const ROUNDS = 3;

/**
 * Refusals the transaction answers for sure (it rolled back): the unit held goes back at once —
 * also when the member's account is being deleted (no transaction of theirs can commit any more).
 */
const REFUSALS: readonly ErrorCode[] = [
  'INSUFFICIENT_POINTS',
  'LIMIT_REACHED',
  'TIER_TOO_LOW',
  'NODE_REQUIRED',
  'BADGE_REQUIRED',
  'NOT_BIRTHDAY_MONTH',
  'NOT_AVAILABLE_NOW',
  'BUSY',
  'ACCOUNT_DELETING',
];

type Unit = { token: string | null } | 'soldOut';
type Commit = { kind: 'issued' | 'duplicate'; doc: RedemptionDoc } | { kind: 'voided' };

function eligibility(ctx: RequestContext, member: StoredMember, pack: BenefitPackDoc, stockLeft: number | null): PackEligibility {
  const { program, now } = ctx;
  return packEligibility(pack, {
    memberTier: currentTier(member, program, now),
    points: member.points,
    now,
    usedInPeriod: usedInPeriod(member.redeemCounts, pack, now),
    stockLeft,
    achievements: memberAchievements(member, now),
  });
}

function refuse(result: PackEligibility): void {
  if (!result.eligible) throw new AppError(result.reason, undefined, { ...result.detail });
}

/** Step 2: the member can have the pack, stock aside — or the one reason the list shows (the live stock only when it decides the reason). */
async function checkEligible(ctx: RequestContext, pack: BenefitPackDoc): Promise<void> {
  const first = eligibility(ctx, ctx.member, pack, null);
  if (first.eligible) return;
  const ifSoldOut = eligibility(ctx, ctx.member, pack, 0);
  if (!ifSoldOut.eligible && ifSoldOut.reason === 'OUT_OF_STOCK' && first.reason !== 'OUT_OF_STOCK') {
    // Sold out outranks this reason: whether it is sold out decides what the member is told.
    const left = (await ctx.services.stock.levels([pack._id])).get(pack._id);
    refuse(eligibility(ctx, ctx.member, pack, left === undefined ? 0 : left));
  }
  refuse(first);
}

/** Step 3: a unit for this request, decided on the live pack document. */
async function takeUnit(ctx: RequestContext, pack: BenefitPackDoc, id: string): Promise<Unit> {
  const { stock } = ctx.services;
  const hold = { t: randomId(), at: Date.now(), o: ctx.openid };
  // A pack limited when last seen: one conditional update takes the unit (the usual case).
  if (pack.stock !== null && (await stock.take(pack._id, id, hold))) return { token: hold.t };
  for (let look = 0; look < 3; look++) {
    const live = await stock.read(pack._id);
    if (!live) return 'soldOut';
    const mine = live.holds.get(id);
    if (mine) return { token: mine.t }; // another call of this same request holds a unit: adopt it
    if (live.stock === null) return { token: null }; // unlimited, on the live document
    if (live.stock === 0) return 'soldOut';
    if (await stock.take(pack._id, id, hold)) return { token: hold.t };
  }
  return 'soldOut';
}

/** Step 4: the member's side in one transaction (a voucher code already taken, ~never, draws another). */
async function commitRedemption(
  ctx: RequestContext,
  pack: BenefitPackDoc,
  id: string,
  requestId: string,
  holdToken: string | null,
): Promise<Commit> {
  const { openid, now, program, services } = ctx;
  for (let attempt = 1; ; attempt++) {
    try {
      return await accountTransaction(services, program, now, async (account): Promise<Commit> => {
        const existing = await account.tx.get<RedemptionDoc>(COLLECTIONS.redemptions, id);
        if (existing) return { kind: 'duplicate', doc: existing };
        const before = await account.get(openid);
        if (holdToken && before.voidedHolds[holdToken]) return { kind: 'voided' };
        // The unit is held: the rest of the rule is checked again on the transaction's snapshot.
        refuse(eligibility(ctx, before, pack, null));
        account.edit(openid, (m) => ({
          ...m,
          redemptions: m.redemptions + 1,
          redeemCounts: countRedemption(m.redeemCounts, pack, now, program.benefit_packs),
          recentRedeems: rememberRedeem(m.recentRedeems, requestId),
        }));
        await account.apply(openid, { points: -pack.cost, growth: 0 }, { kind: 'redeem', refId: id });
        await settleInvite(account, openid, 'redemption');
        // A team challenge on redemptions moves here, once per redemption (a retry never gets this far).
        const team = await recordTeamActivity(account, openid, ['redemptions']);
        // The balance after everything this transaction paid (an activation pays the friend's own reward, a team its reward).
        const after = await account.get(openid);
        const doc = issuedVoucher(openid, requestId, pack, now, {
          cost: pack.cost,
          limitKey: redeemCountKey(pack, now),
          stockTaken: holdToken !== null,
          holdToken,
          balanceAfter: after.points,
          teams: team.teams,
        });
        await account.tx.set(COLLECTIONS.redemptions, id, { ...doc });
        return { kind: 'issued', doc };
      });
    } catch (err) {
      if (attempt < 3 && isDuplicateKey(err)) continue;
      throw err;
    }
  }
}

export const redeem = contractAction('redeem', 'redeem', async ({ packId, requestId }, ctx: RequestContext) => {
  const { openid, member, program, services } = ctx;
  const id = redemptionId(openid, requestId);
  if (member.recentRedeems.includes(requestId)) {
    const stored = await services.redemptions.get(id);
    if (stored) return redeemAnswer(stored);
  }
  const pack = program.benefit_packs.find((p) => p._id === packId);
  const committed = () => services.redemptions.get(id);
  if (!pack) {
    // Taken off the program since: a request that went through keeps its answer.
    const stored = await committed();
    if (stored) return redeemAnswer(stored);
    throw new AppError('NOT_FOUND');
  }
  await checkEligible(ctx, pack);

  for (let round = 1; ; round++) {
    const unit = await takeUnit(ctx, pack, id);
    if (unit === 'soldOut') {
      const stored = await committed(); // a call of this request took the last unit and issued
      if (stored) return redeemAnswer(stored);
      throw new AppError('OUT_OF_STOCK');
    }
    const { token } = unit;
    let commit: Commit;
    try {
      commit = await commitRedemption(ctx, pack, id, requestId, token);
    } catch (err) {
      // Refused for sure: the unit goes back now (through the void, as another call may hold it too).
      // Anything else (an answer lost on the way) leaves the hold to the retry or the sweep.
      if (token && err instanceof AppError && REFUSALS.includes(err.code)) {
        await settleHold(services, pack._id, id, { t: token, at: 0, o: openid }, Date.now(), true).catch((e: unknown) =>
          console.error('[redeem] held unit not settled; the sweep will', pack._id, e),
        );
      }
      throw err;
    }
    if (commit.kind === 'voided') {
      // The sweep gave this unit back while the call was slow: take another.
      if (token) await services.stock.giveBack(pack._id, id, token);
      if (round >= ROUNDS) throw new AppError('BUSY');
      continue;
    }
    if (token) {
      // Consumed: the hold goes, the unit stays taken. Not consumed (this request was issued with another unit): it goes back.
      if (commit.doc.holdToken === token) {
        await services.stock
          .release(pack._id, id, token)
          .catch((e: unknown) => console.warn('[redeem] hold not removed; the sweep will', e));
      } else {
        await services.stock.giveBack(pack._id, id, token);
      }
    }
    return redeemAnswer(commit.doc);
  }
});
