import { createTimerFunction } from '../_common/function';
import { runDueJobs, type Job } from '../_common/jobs';
import { memberCodes } from './memberCodes';
import { pointsExpiry, pointsRelease } from './pointsSettlement';
import { stockHolds } from './stockHolds';

/**
 * `jobs` — the housekeeping run by its one timer trigger (config.json); never by a member: a call
 * carrying an identity is refused. Each run does the jobs whose time has come (`_common/jobs.ts`).
 * Later jobs (reminders, clean-ups) join this list.
 */
const JOBS: readonly Job[] = [stockHolds, pointsExpiry, pointsRelease, memberCodes];

export const main = createTimerFunction('jobs', async (services, event) => {
  const runs = await runDueJobs(JOBS, { services, now: Date.now() });
  console.info(`[jobs] ${event.TriggerName} at ${event.Time}: ${runs.map((r) => `${r.job} ${r.status} (${r.handled})`).join(', ')}`);
  return { runs };
});
