import { z } from 'zod';
import type { CampaignFigures, DailyCount } from '@shared/contracts/ops';
import {
  KOC_CANDIDATES,
  type KocInviteRow,
  type KocMemberRow,
  type LedgerKindRow,
  type PackSummary,
  type PurchaseRows,
  type RetentionCounts,
  type TierActivityRow,
} from '@shared/domain/opsMetrics';
import type { DayString } from '@shared/time/shanghai';
import { COLLECTIONS } from '../_common/collections';
import type { Database, Stage } from '../_common/db';

/**
 * The database side of `ops.stats`: every figure is counted by the database (an aggregate
 * pipeline or a count) and comes back as a handful of rows — never the documents themselves.
 * Each pipeline starts with a `$match` on an indexed field bounded by the date range (the
 * indexes are listed in `content/indexes.json`) and ends with a `$limit` (the cloud returns 20
 * rows of an aggregation without one). Field names of the collections live here and nowhere else;
 * the pipelines go through the `_common` database port like every other query.
 */

/** A half-open instant range `[start, end)` as UTC ISO strings (how `createdAt` is stored). */
export interface InstantRange {
  start: string;
  end: string;
}

export interface StatsQueryPlan {
  /** The days of the range, `from` … `to`. */
  days: DayString[];
  /** The range's days followed by the 7 after it: where the cohorts' return visits are looked for. */
  retentionDays: DayString[];
  /** The range as instants (Shanghai midnights). */
  range: InstantRange;
  /** Shanghai midnights of each day of the range plus the one after it (bucket boundaries). */
  dayStarts: string[];
  /** The 30-day window of active members ending on `to`. */
  activeFrom: DayString;
  to: DayString;
  packs: readonly PackSummary[];
}

/** What `ops.stats` counts in the database — the port the handler uses, so the composition is testable without a cloud. */
export interface OpsStatsSource {
  retention(plan: StatsQueryPlan): Promise<RetentionCounts[]>;
  activeInRange(plan: StatsQueryPlan): Promise<number>;
  tierActivity(plan: StatsQueryPlan): Promise<TierActivityRow[]>;
  newMembers(plan: StatsQueryPlan): Promise<DailyCount[]>;
  ledgerByKind(plan: StatsQueryPlan): Promise<LedgerKindRow[]>;
  redemptionsByPack(plan: StatsQueryPlan): Promise<Array<{ packId: string; count: number }>>;
  inviteCards(plan: StatsQueryPlan): Promise<number>;
  inviteBinds(plan: StatsQueryPlan): Promise<number>;
  inviteActivations(plan: StatsQueryPlan): Promise<number>;
  inviteRejections(plan: StatsQueryPlan): Promise<Array<{ reason: unknown; count: number }>>;
  /** The members with the most activated invites (lifetime), and their invites by outcome. */
  kocCandidates(): Promise<{ members: KocMemberRow[]; invites: KocInviteRow[] }>;
  /** A campaign's figures over Shanghai days `from` … `to` (as instants `range`). */
  campaignFigures(window: { from: DayString; to: DayString; range: InstantRange }): Promise<CampaignFigures>;
  /** Orders and refunds in the range, and points pending on `asOf`. */
  purchases(plan: StatsQueryPlan, asOf: DayString): Promise<PurchaseRows>;
}

const count = z.number().int().nonnegative();
const retentionRow = z.object({ _id: z.number().int(), cohort: count, back1: count, back7: count });
const tierRow = z.object({ _id: z.unknown(), members: count, redeemers: count });
const bucketRow = z.object({ _id: z.unknown(), count });
const kindRow = z.object({ _id: z.unknown(), credited: z.number(), debited: z.number(), entries: count });
const keyedCount = z.object({ _id: z.unknown(), count });
const countRow = z.object({ n: count });
const kocMember = z.object({ _id: z.string(), nickname: z.string().optional(), tier: z.string().optional(), invitesActivated: count });
const kocInvites = z.object({ _id: z.string(), invited: count, activated: count });
const orderSums = z.object({ count, amount: count, points: count });
const refundSums = z.object({ count, amount: count, points: count, debt: count });
const pendingSum = z.object({ pending: z.number() });

/** Rows the database sent back, each checked against the shape its pipeline produces. */
function rowsOf<T>(schema: z.ZodType<T>, list: unknown[]): T[] {
  return list.map((row) => schema.parse(row));
}

/**
 * `pack _id → tier` as two parallel arrays for `$indexOfArray`. A pack missing from content
 * gets index -1, which `$arrayElemAt` reads as the *last* element: the extra `basic` there
 * files it under the floor tier, as `redemptionSummary` does.
 */
function packTierLookup(packs: readonly PackSummary[]): { ids: string[]; tiers: string[] } {
  return { ids: packs.map((p) => p._id), tiers: [...packs.map((p) => p.minTier), 'basic'] };
}

/**
 * The indexes these queries need (the first key is what bounds each `$match`/count; the joins
 * use `members._id` and `redemptions.openid`). Kept in `content/indexes.json` for the console.
 */
export const STATS_INDEXES: Record<string, Array<{ name: string; keys: Record<string, 1 | -1> }>> = {
  checkins: [{ name: 'date', keys: { date: 1 } }],
  members: [
    { name: 'createdAt', keys: { createdAt: 1 } },
    { name: 'invitesActivated', keys: { invitesActivated: -1 } },
  ],
  ledger: [{ name: 'createdAt', keys: { createdAt: 1 } }],
  redemptions: [
    { name: 'createdAt', keys: { createdAt: 1 } },
    { name: 'openid_createdAt', keys: { openid: 1, createdAt: -1 } },
  ],
  invites: [
    { name: 'boundAt', keys: { boundAt: 1 } },
    { name: 'activatedAt', keys: { activatedAt: 1 } },
    { name: 'inviter_boundAt', keys: { inviter: 1, boundAt: -1 } },
  ],
  invite_attempts: [{ name: 'createdAt', keys: { createdAt: 1 } }],
  invite_cards: [{ name: 'createdAt', keys: { createdAt: 1 } }],
  orders: [
    { name: 'createdAt', keys: { createdAt: 1 } },
    { name: 'releaseDay', keys: { releaseDay: 1 } },
  ],
  order_refunds: [{ name: 'createdAt', keys: { createdAt: 1 } }],
};

export function databaseStatsSource(db: Database): OpsStatsSource {
  const _ = db.op;
  const aggregate = (collection: string, stages: Stage[]): Promise<unknown[]> => db.pipeline(collection, stages);

  const between = (start: string, endInclusive: string) => _.gte(start).and(_.lte(endInclusive));
  const within = (r: InstantRange) => _.gte(r.start).and(_.lt(r.end));

  const countWhere = (collection: string, where: Record<string, unknown>): Promise<number> => db.count(collection, where);

  return {
    /**
     * One pipeline for DAU and D1/D7: each check-in becomes the index of its day in
     * `retentionDays`; per member the set of indexes; per cohort day d (inside the range) the
     * members whose set also holds d+1 / d+7. Integer arithmetic only — no date parsing in the
     * database, so the cloud and localcloud agree.
     */
    async retention(plan) {
      const last = plan.retentionDays[plan.retentionDays.length - 1];
      const list = await aggregate(COLLECTIONS.checkins, [
        { match: { date: between(plan.days[0], last) } },
        { project: { _id: 0, openid: 1, i: { $indexOfArray: [{ $literal: plan.retentionDays }, '$date'] } } },
        { group: { _id: '$openid', is: { $addToSet: '$i' } } },
        { addFields: { d: '$is' } },
        { unwind: '$d' },
        { match: { d: _.lt(plan.days.length) } },
        {
          project: {
            d: 1,
            r1: { $in: [{ $add: ['$d', 1] }, '$is'] },
            r7: { $in: [{ $add: ['$d', 7] }, '$is'] },
          },
        },
        { group: { _id: '$d', cohort: { $sum: 1 }, back1: { $sum: { $cond: ['$r1', 1, 0] } }, back7: { $sum: { $cond: ['$r7', 1, 0] } } } },
        { sort: { _id: 1 } },
        { limit: 100 },
      ]);
      return rowsOf(retentionRow, list).map((r) => ({ dayIndex: r._id, cohort: r.cohort, back1: r.back1, back7: r.back7 }));
    },

    async activeInRange(plan) {
      const list = await aggregate(COLLECTIONS.checkins, [
        { match: { date: between(plan.days[0], plan.to) } },
        { group: { _id: '$openid' } },
        { count: 'n' },
        { limit: 1 },
      ]);
      return rowsOf(countRow, list)[0]?.n ?? 0;
    },

    /**
     * Active members (a check-in in the 30 days ending on `to`) by their stored tier — kept up
     * to date on every growth change, and an active member has had one within 30 days — and
     * how many of them redeemed, in the range, a pack whose tier is theirs (cancelled vouchers
     * do not count). Joins on `members._id` and `redemptions.openid`.
     */
    async tierActivity(plan) {
      const { ids, tiers } = packTierLookup(plan.packs);
      const list = await aggregate(COLLECTIONS.checkins, [
        { match: { date: between(plan.activeFrom, plan.to) } },
        { group: { _id: '$openid' } },
        { lookup: { from: COLLECTIONS.members, localField: '_id', foreignField: '_id', as: 'm' } },
        { lookup: { from: COLLECTIONS.redemptions, localField: '_id', foreignField: 'openid', as: 'r' } },
        {
          project: {
            tier: { $ifNull: [{ $arrayElemAt: ['$m.tier', 0] }, 'basic'] },
            packTiers: {
              $map: {
                input: {
                  $filter: {
                    input: '$r',
                    as: 'x',
                    cond: {
                      $and: [
                        { $gte: ['$$x.createdAt', plan.range.start] },
                        { $lt: ['$$x.createdAt', plan.range.end] },
                        { $ne: ['$$x.status', 'cancelled'] },
                        // A voucher given (an entry reward) is not a redemption.
                        { $eq: [{ $ifNull: ['$$x.gift', null] }, null] },
                      ],
                    },
                  },
                },
                as: 'x',
                in: { $arrayElemAt: [{ $literal: tiers }, { $indexOfArray: [{ $literal: ids }, '$$x.packId'] }] },
              },
            },
          },
        },
        { group: { _id: '$tier', members: { $sum: 1 }, redeemers: { $sum: { $cond: [{ $in: ['$tier', '$packTiers'] }, 1, 0] } } } },
        { limit: 10 },
      ]);
      return rowsOf(tierRow, list).map((r) => ({ tier: String(r._id), members: r.members, redeemers: r.redeemers }));
    },

    /** Members created per Shanghai day: buckets bounded by each day's midnight (ISO text sorts as time). */
    async newMembers(plan) {
      const list = await aggregate(COLLECTIONS.members, [
        { match: { createdAt: within(plan.range) } },
        { bucket: { groupBy: '$createdAt', boundaries: plan.dayStarts, default: 'outside', output: { count: { $sum: 1 } } } },
        { limit: 100 },
      ]);
      return rowsOf(bucketRow, list).flatMap((r) => {
        const i = plan.dayStarts.indexOf(String(r._id));
        return i >= 0 && i < plan.days.length ? [{ date: plan.days[i], count: r.count }] : [];
      });
    },

    async ledgerByKind(plan) {
      const list = await aggregate(COLLECTIONS.ledger, [
        { match: { createdAt: within(plan.range) } },
        {
          group: {
            _id: '$kind',
            credited: { $sum: { $cond: [{ $gt: ['$points', 0] }, '$points', 0] } },
            debited: { $sum: { $cond: [{ $lt: ['$points', 0] }, '$points', 0] } },
            entries: { $sum: 1 },
          },
        },
        { limit: 20 },
      ]);
      return rowsOf(kindRow, list).map((r) => ({ kind: String(r._id), credited: r.credited, debited: r.debited, entries: r.entries }));
    },

    async redemptionsByPack(plan) {
      const list = await aggregate(COLLECTIONS.redemptions, [
        { match: { createdAt: within(plan.range), status: _.neq('cancelled'), gift: _.exists(false) } },
        { group: { _id: '$packId', count: { $sum: 1 } } },
        { limit: 100 },
      ]);
      return rowsOf(keyedCount, list).map((r) => ({ packId: String(r._id), count: r.count }));
    },

    async inviteCards(plan) {
      return countWhere(COLLECTIONS.inviteCards, { createdAt: within(plan.range) });
    },

    async inviteBinds(plan) {
      return countWhere(COLLECTIONS.invites, { boundAt: within(plan.range) });
    },

    async inviteActivations(plan) {
      return countWhere(COLLECTIONS.invites, { activatedAt: within(plan.range) });
    },

    /**
     * The leading inviters by their member counter `invitesActivated` (kept by the activating
     * transaction; an index orders it), then their invites grouped by outcome (on the `inviter`
     * index): two bounded reads, whatever the program's size.
     */
    async kocCandidates() {
      const top = await db.find<unknown>(
        COLLECTIONS.members,
        { invitesActivated: _.gt(0) },
        { orderBy: [['invitesActivated', 'desc']], limit: KOC_CANDIDATES, field: { nickname: true, tier: true, invitesActivated: true } },
      );
      const members = rowsOf(kocMember, top).map((m) => ({
        openid: m._id,
        nickname: m.nickname ?? '',
        tier: m.tier ?? 'basic',
        invitesActivated: m.invitesActivated,
      }));
      if (members.length === 0) return { members, invites: [] };
      const list = await aggregate(COLLECTIONS.invites, [
        { match: { inviter: _.in(members.map((m) => m.openid)) } },
        { group: { _id: '$inviter', invited: { $sum: 1 }, activated: { $sum: { $cond: [{ $eq: ['$status', 'bound'] }, 0, 1] } } } },
        { limit: KOC_CANDIDATES },
      ]);
      return { members, invites: rowsOf(kocInvites, list).map((r) => ({ inviter: r._id, invited: r.invited, activated: r.activated })) };
    },

    /** Six counts in parallel, each bounded by an indexed date field. */
    async campaignFigures({ from, to, range }) {
      if (to < from) return { participants: 0, checkins: 0, redemptions: 0, newMembers: 0, invites: 0, activations: 0 };
      const [participants, checkins, redemptions, newMembers, invites, activations] = await Promise.all([
        aggregate(COLLECTIONS.checkins, [
          { match: { date: between(from, to) } },
          { group: { _id: '$openid' } },
          { count: 'n' },
          { limit: 1 },
        ]).then((list) => rowsOf(countRow, list)[0]?.n ?? 0),
        countWhere(COLLECTIONS.checkins, { date: between(from, to) }),
        countWhere(COLLECTIONS.redemptions, { createdAt: within(range), status: _.neq('cancelled'), gift: _.exists(false) }),
        countWhere(COLLECTIONS.members, { createdAt: within(range) }),
        countWhere(COLLECTIONS.invites, { boundAt: within(range) }),
        countWhere(COLLECTIONS.invites, { activatedAt: within(range) }),
      ]);
      return { participants, checkins, redemptions, newMembers, invites, activations };
    },

    async inviteRejections(plan) {
      const list = await aggregate(COLLECTIONS.inviteAttempts, [
        { match: { createdAt: within(plan.range) } },
        { group: { _id: '$reason', count: { $sum: 1 } } },
        { limit: 50 },
      ]);
      return rowsOf(keyedCount, list).map((r) => ({ reason: r._id, count: r.count }));
    },

    /** Three sums: orders and refunds recorded in the range, and what orders still hold on `asOf`. */
    async purchases(plan, asOf) {
      const [orders, refunds, pending] = await Promise.all([
        aggregate(COLLECTIONS.orders, [
          { match: { createdAt: within(plan.range) } },
          { group: { _id: null, count: { $sum: 1 }, amount: { $sum: '$amount' }, points: { $sum: '$points' } } },
          { limit: 1 },
        ]),
        aggregate(COLLECTIONS.orderRefunds, [
          { match: { createdAt: within(plan.range) } },
          {
            group: {
              _id: null,
              count: { $sum: 1 },
              amount: { $sum: '$amount' },
              points: { $sum: '$reversedPoints' },
              debt: { $sum: '$debt' },
            },
          },
          { limit: 1 },
        ]),
        aggregate(COLLECTIONS.orders, [
          { match: { releaseDay: _.gt(asOf) } },
          { group: { _id: null, pending: { $sum: { $subtract: ['$points', '$refundedPoints'] } } } },
          { limit: 1 },
        ]),
      ]);
      return {
        orders: rowsOf(orderSums.passthrough(), orders)[0] ?? { count: 0, amount: 0, points: 0 },
        refunds: rowsOf(refundSums.passthrough(), refunds)[0] ?? { count: 0, amount: 0, points: 0, debt: 0 },
        pending: rowsOf(pendingSum.passthrough(), pending)[0]?.pending ?? 0,
      };
    },
  };
}
