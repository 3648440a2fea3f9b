import type { CampaignStats, OpsStatsData } from '@shared/contracts/ops';
import { campaignForStats, campaignWindows, liftOf } from '@shared/domain/campaignStats';
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
  kocCandidates,
  packSummaries,
  penetrationByTier,
  pointsSummary,
  purchaseSummary,
  redemptionSummary,
  rejectionsByReason,
  retentionByDay,
} from '@shared/domain/opsMetrics';
import { addDays, dayOf, startOfDay, toIso, type DayString } from '@shared/time/shanghai';
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

/** The content the figures are read against: pack titles and tiers, the coverage targets, the campaigns. */
export type StatsProgram = Pick<Program, 'benefit_packs' | 'settings' | 'campaigns'>;

/** The campaign view: the one asked for (or the one that matters now), during against before. */
export async function collectCampaignStats(
  source: OpsStatsSource,
  program: StatsProgram,
  campaignId: string | undefined,
  now: number,
): Promise<CampaignStats | null> {
  const campaign = campaignId ? program.campaigns.find((c) => c._id === campaignId) : campaignForStats(program.campaigns, now);
  if (!campaign) return null;
  const w = campaignWindows(campaign, now);
  const window = (r: { from: DayString; to: DayString }) => ({
    ...r,
    range: { start: toIso(startOfDay(r.from)), end: toIso(startOfDay(addDays(r.to, 1))) },
  });
  const [during, before] = await Promise.all([source.campaignFigures(window(w.during)), source.campaignFigures(window(w.before))]);
  return {
    id: campaign._id,
    title: campaign.title,
    phase: w.phase,
    during: { ...w.during, figures: during },
    before: { ...w.before, figures: before },
    lift: liftOf(during, before),
  };
}

export async function collectStats(
  source: OpsStatsSource,
  input: { from: DayString; to: DayString; campaignId?: string },
  program: StatsProgram,
  now: number,
): Promise<OpsStatsData> {
  const asOf = dayOf(now);
  const plan = statsPlan(input.from, input.to, program.benefit_packs);
  const [retention, activeInRange, tiers, newMembers, ledger, byPack, cards, binds, activations, rejections, purchases, koc, campaign] =
    await Promise.all([
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
      source.kocCandidates(),
      collectCampaignStats(source, program, input.campaignId, now),
    ]);
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
    koc: kocCandidates(koc.members, koc.invites),
    campaign,
  };
}

/**
 * Round trips: the staff record, the caller's member (2) · eleven aggregations and counts, the
 * purchases line's three sums and the campaign view's twelve (six per window), in parallel (26) ·
 * the KOC candidates' invites (1).
 */
export const stats = contractAction('ops', 'stats', async (input, ctx: RequestContext) =>
  collectStats(databaseStatsSource(ctx.services.db), input, ctx.program, ctx.now),
);
