import { createTimerFunction } from '../_common/function';
import { runDueJobs, type Job } from '../_common/jobs';
import { badgeRarity, cleanup } from './housekeeping';
import { memberCodes } from './memberCodes';
import { pointsExpiry, pointsRelease } from './pointsSettlement';
import { REMINDER_JOBS } from './reminders';
import { stockHolds } from './stockHolds';

/**
 * `jobs` — the scheduled work run by its one timer trigger (config.json); never by a member: a call
 * carrying an identity is refused. Each run does the jobs whose time has come (`_common/jobs.ts`):
 * the stock sweep, points expiry and release, and 会员码 clean-up; the reminders members asked for at
 * their time of day (20:00 check-in, 10:00 vouchers, points, tier, campaign start) and their retries
 * on every trigger; the nightly housekeeping (rarity counters, rate limits, invite caps, lost reminders).
 * Points expire before the reminders run, so a reminder never counts points already gone.
 */
const JOBS: readonly Job[] = [stockHolds, pointsExpiry, pointsRelease, memberCodes, ...REMINDER_JOBS, badgeRarity, cleanup];

export const main = createTimerFunction('jobs', async (services, event) => {
  const runs = await runDueJobs(JOBS, { services, now: Date.now() });
  console.info(`[jobs] ${event.TriggerName} at ${event.Time}: ${runs.map((r) => `${r.job} ${r.status} (${r.handled})`).join(', ')}`);
  return { runs };
});
