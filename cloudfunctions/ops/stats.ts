import type { OpsStatsData } from '@shared/contracts/ops';
import type { Program } from '@shared/content/validateProgram';
import {
  activeMemberCount,
  activeWindowStart,
  coverageFromTierCounts,
  dayStartBoundaries,
  daysBetween,
  fillDaily,
  inviteRewardCount,
  kFactor,
  packSummaries,
  penetrationByTier,
  pointsSummary,
  purchaseSummary,
  redemptionSummary,
  rejectionsByReason,
  retentionByDay,
} from '@shared/domain/opsMetrics';
import { addDays, dayOf, type DayString } from '@shared/time/shanghai';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { databaseStatsSource, type OpsStatsSource, type StatsQueryPlan } from './statsQueries';

/**
 * `ops.stats {from, to}` — the program's effect metrics over a range of Shanghai days. Staff
 * with role `ops` only: the `ops` entry checks the role (fail closed) before any action runs.
 * The database does the counting (statsQueries.ts, one bounded aggregation per figure, all in
 * parallel); what each figure means is defined once in `shared/domain/opsMetrics.ts`.
 */

export function statsPlan(from: DayString, to: DayString, packDocs: readonly unknown[]): StatsQueryPlan {
  const days = daysBetween(from, to);
  const dayStarts = dayStartBoundaries(days);
  return {
    days,
    retentionDays: daysBetween(from, addDays(to, 7)),
    range: { start: dayStarts[0], end: dayStarts[dayStarts.length - 1] },
    dayStarts,
    activeFrom: activeWindowStart(to),
    to,
    packs: packSummaries(packDocs),
  };
}

/** The content the figures are read against: pack titles and tiers, and the coverage targets. */
export type StatsProgram = Pick<Program, 'benefit_packs' | 'settings'>;

export async function collectStats(
  source: OpsStatsSource,
  input: { from: DayString; to: DayString },
  program: StatsProgram,
  asOf: DayString,
): Promise<OpsStatsData> {
  const plan = statsPlan(input.from, input.to, program.benefit_packs);
  const [retention, activeInRange, tiers, newMembers, ledger, byPack, cards, binds, activations, rejections, purchases] = await Promise.all(
    [
      source.retention(plan),
      source.activeInRange(plan),
      source.tierActivity(plan),
      source.newMembers(plan),
      source.ledgerByKind(plan),
      source.redemptionsByPack(plan),
      source.inviteCards(plan),
      source.inviteBinds(plan),
      source.inviteActivations(plan),
      source.inviteRejections(plan),
      source.purchases(plan, asOf),
    ],
  );
  const retentionRows = retentionByDay(plan.days, retention, asOf);
  return {
    from: input.from,
    to: input.to,
    asOf,
    // The cohort of a day is everyone who checked in that day: the DAU.
    dau: retentionRows.map((r) => ({ date: r.date, count: r.cohort })),
    retention: retentionRows,
    newMembers: fillDaily(plan.days, newMembers),
    points: pointsSummary(ledger),
    purchases: purchaseSummary(purchases),
    redemptions: redemptionSummary(byPack, plan.packs),
    activeMembers: activeMemberCount(tiers),
    activeFrom: plan.activeFrom,
    coverage: coverageFromTierCounts(tiers, program.settings.tier.coverageTargets),
    penetration: penetrationByTier(tiers),
    invites: {
      cards,
      binds,
      activations,
      rewards: inviteRewardCount(ledger),
      rejections: rejectionsByReason(rejections),
      activeMembersInRange: activeInRange,
      kFactor: kFactor(activations, activeInRange),
    },
  };
}

/**
 * Round trips: the staff record, the caller's member (2) · thirteen aggregations and counts, in parallel.
 */
export const stats = contractAction('ops', 'stats', async (input, ctx: RequestContext) =>
  collectStats(databaseStatsSource(ctx.services.db), input, ctx.program, dayOf(ctx.now)),
);
