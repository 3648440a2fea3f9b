import type { CampaignDoc } from '../content/campaigns';
import { addDays, dayDiff, dayOf, toMs, type DayString, type Instant } from '../time/shanghai';
import { campaignPhase, type CampaignPhase } from './campaigns';

/**
 * A campaign's effect for ops: its figures over the live days so far (all of them once it
 * ended), against the same number of days just before it started (lift). Days are Shanghai days:
 * the first live day counts whole even when the campaign starts at noon.
 */
export interface CampaignWindows {
  phase: Exclude<CampaignPhase, 'upcoming'>;
  /** Live days counted (none yet during the pre-heat). */
  days: number;
  during: { from: DayString; to: DayString };
  before: { from: DayString; to: DayString };
}

/** The campaign ops look at when they name none: the live one started last, else the one that ended last. */
export function campaignForStats(campaigns: readonly CampaignDoc[], now: Instant): CampaignDoc | null {
  const started = campaigns.filter((c) => c.active && toMs(c.startAt) <= toMs(now));
  const live = started.filter((c) => campaignPhase(c, now) === 'live').sort((a, b) => toMs(b.startAt) - toMs(a.startAt));
  if (live.length > 0) return live[0];
  return [...started].sort((a, b) => toMs(b.endAt) - toMs(a.endAt))[0] ?? null;
}

export function campaignWindows(c: CampaignDoc, now: Instant): CampaignWindows {
  const phase = campaignPhase(c, now);
  const first = dayOf(c.startAt);
  if (phase === 'upcoming' || phase === 'preheat') {
    return { phase: 'preheat', days: 0, during: { from: first, to: addDays(first, -1) }, before: { from: first, to: addDays(first, -1) } };
  }
  const last = dayOf(Math.min(toMs(c.endAt), toMs(now)) - 1);
  const days = Math.max(1, dayDiff(first, last) + 1);
  return {
    phase,
    days,
    during: { from: first, to: addDays(first, days - 1) },
    before: { from: addDays(first, -days), to: addDays(first, -1) },
  };
}

/** during ÷ before − 1 for each figure, rounded to 3 decimals; null when there was nothing before. */
export function liftOf<K extends string>(during: Record<K, number>, before: Record<K, number>): Record<K, number | null> {
  const out = {} as Record<K, number | null>;
  for (const key of Object.keys(during) as K[]) {
    out[key] = before[key] > 0 ? Math.round((during[key] / before[key] - 1) * 1000) / 1000 : null;
  }
  return out;
}
