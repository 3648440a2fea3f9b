import type { CampaignDoc } from '../content/campaigns';
import type { BoostAction } from '../content/ids';
import { addDays, dayDiff, dayOf, toMs, type Instant } from '../time/shanghai';

/**
 * Campaigns run in three phases the brand's plan names 预热 / 活动 / 活动后: pre-heat
 * `[preheatAt, startAt)` (a countdown and the packs to come), live `[startAt, endAt)` (boosts
 * apply, a first check-in joins), recap `[endAt, recapUntil)` (the member's own figures). Before
 * the pre-heat a campaign is `upcoming`, after the recap `over`: neither is shown. Every boundary
 * is an instant, so a phase changes at the exact second, in Shanghai time like every date ops type.
 */
export type CampaignPhase = 'upcoming' | 'preheat' | 'live' | 'recap' | 'over';

export type ShownPhase = Extract<CampaignPhase, 'preheat' | 'live' | 'recap'>;

export function campaignPhase(c: Pick<CampaignDoc, 'preheatAt' | 'startAt' | 'endAt' | 'recapUntil'>, now: Instant): CampaignPhase {
  const t = toMs(now);
  if (t < toMs(c.preheatAt)) return 'upcoming';
  if (t < toMs(c.startAt)) return 'preheat';
  if (t < toMs(c.endAt)) return 'live';
  if (t < toMs(c.recapUntil)) return 'recap';
  return 'over';
}

export function isShownPhase(phase: CampaignPhase): phase is ShownPhase {
  return phase === 'preheat' || phase === 'live' || phase === 'recap';
}

/**
 * The active campaigns a member sees now, the one that matters most to them first: live ones (the
 * latest started first), then the recap of one they took part in (their own figures wait), then
 * pre-heats (the soonest first), then other recaps (the latest ended first).
 */
export function visibleCampaigns(
  campaigns: readonly CampaignDoc[],
  now: Instant,
  joined: readonly string[] = [],
): Array<{ campaign: CampaignDoc; phase: ShownPhase }> {
  const shown: Array<{ campaign: CampaignDoc; phase: ShownPhase }> = [];
  for (const campaign of campaigns) {
    const phase = campaignPhase(campaign, now);
    if (campaign.active && isShownPhase(phase)) shown.push({ campaign, phase });
  }
  const rank = ({ campaign: c, phase }: { campaign: CampaignDoc; phase: ShownPhase }): number =>
    phase === 'live' ? 0 : phase === 'preheat' ? 2 : joined.includes(c._id) ? 1 : 3;
  const key = ({ campaign: c, phase }: { campaign: CampaignDoc; phase: ShownPhase }): number =>
    phase === 'live' ? -toMs(c.startAt) : phase === 'preheat' ? toMs(c.startAt) : -toMs(c.endAt);
  return shown.sort((a, b) => rank(a) - rank(b) || key(a) - key(b) || a.campaign._id.localeCompare(b.campaign._id));
}

/** The campaign home shows now, or null. */
export function campaignThatMatters(
  campaigns: readonly CampaignDoc[],
  now: Instant,
  joined: readonly string[] = [],
): { campaign: CampaignDoc; phase: ShownPhase } | null {
  return visibleCampaigns(campaigns, now, joined)[0] ?? null;
}

export function liveCampaigns(campaigns: readonly CampaignDoc[], now: Instant): CampaignDoc[] {
  return campaigns.filter((c) => c.active && campaignPhase(c, now) === 'live');
}

/** A campaign's multipliers applied to one action. */
export interface AppliedBoost {
  campaignId: string;
  title: string;
  pointsMultiplier: number;
  growthMultiplier: number;
}

/**
 * The boost an action gets now: among live campaigns boosting it, the highest (points first,
 * then growth, then the earliest started) — overlapping boosts never multiply each other.
 * One rule for every boosted action (check-ins now, purchases later).
 */
export function campaignBoost(campaigns: readonly CampaignDoc[], action: BoostAction, now: Instant): AppliedBoost | null {
  let best: AppliedBoost | null = null;
  let bestStart = Infinity;
  for (const c of liveCampaigns(campaigns, now)) {
    const b = c.boosts[action];
    if (!b || (b.pointsMultiplier === 1 && b.growthMultiplier === 1)) continue;
    const start = toMs(c.startAt);
    const better =
      best === null ||
      b.pointsMultiplier > best.pointsMultiplier ||
      (b.pointsMultiplier === best.pointsMultiplier &&
        (b.growthMultiplier > best.growthMultiplier || (b.growthMultiplier === best.growthMultiplier && start < bestStart)));
    if (better) {
      best = { campaignId: c._id, title: c.title, pointsMultiplier: b.pointsMultiplier, growthMultiplier: b.growthMultiplier };
      bestStart = start;
    }
  }
  return best;
}

/** An amount times a boost's multipliers, rounded to whole points (half up). */
export function boostAmount(amount: { points: number; growth: number }, boost: AppliedBoost): { points: number; growth: number } {
  return { points: Math.round(amount.points * boost.pointsMultiplier), growth: Math.round(amount.growth * boost.growthMultiplier) };
}

/** The live campaigns a member joins by acting now (their ids, not yet in `joined`). */
export function campaignsToJoin(joined: readonly string[], campaigns: readonly CampaignDoc[], now: Instant): string[] {
  return liveCampaigns(campaigns, now)
    .map((c) => c._id)
    .filter((id) => !joined.includes(id));
}

/** Shanghai days from today until the campaign starts (pre-heat countdown: 0 on the day it starts). */
export function daysUntil(at: string, now: Instant): number {
  return Math.max(0, dayDiff(dayOf(now), dayOf(at)));
}

/** Days of the live phase left, today included (1 on the last day). `endAt` is exclusive. */
export function daysLeft(endAt: string, now: Instant): number {
  const lastDay = dayOf(toMs(endAt) - 1);
  return Math.max(0, dayDiff(dayOf(now), addDays(lastDay, 1)));
}
