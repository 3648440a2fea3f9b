import { performance } from 'node:perf_hooks';
import { addDays, atMinute, dayOf, toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, type Database } from './db';
import type { Services } from './services';

/**
 * The scheduler behind the `jobs` function. CloudBase allows one timer trigger per function, so
 * the trigger only says "now"; each run does the jobs whose time has come, one page at a time
 * within a budget, and remembers in `job_state` (one document per job) when each last finished
 * and where an unfinished one stopped — the next run picks it up there. A lease on the job's
 * document keeps two overlapping runs (a slow run and the next trigger, or a manual run) from
 * doing the same job at once. Jobs must be safe to run twice and across a crash: a page is
 * redone if the run dies before its progress is saved.
 *
 * A job runs either every `everyMs` or once a day at a Shanghai time (`daily`, e.g. the 20:00
 * check-in reminder): then it is due from that time until the slot's end, once per day — a run
 * missed for a whole slot is not caught up the next morning (yesterday's reminders are stale), and
 * a run still unfinished when its slot ends stops there.
 */
export interface JobContext {
  services: Services;
  /** The run's instant (ms, the cloud's clock). */
  now: number;
  /**
   * The instant of the slot this run works for: a daily job's Shanghai time on the day it serves
   * (kept while it continues over several runs), else the run's own instant.
   */
  slotAt: number;
}

export interface JobPage {
  /** Where the next page starts; null when the job is done for now. */
  cursor: string | null;
  /** Items handled on this page (for the log). */
  handled: number;
}

/** Once a day, Shanghai time: due from `at` until `until` (minutes of the day). */
export interface DailySchedule {
  at: number;
  until: number;
}

export interface Job {
  /** Stable name: the `_id` of its `job_state` document. */
  name: string;
  /** Time from a finished run to the next (0: every trigger). Ignored for a `daily` job. */
  everyMs: number;
  /** Once a day at a Shanghai time instead. */
  daily?: DailySchedule;
  /** One page of work from `cursor` (null: from the start). */
  page(ctx: JobContext, cursor: string | null): Promise<JobPage>;
}

export interface JobRun {
  job: string;
  /**
   * `done`: finished; `partial`: stopped at the budget, continues next run; `notDue`; `busy`: another
   * run holds it; `failed`; `late`: a daily job's slot ended before it finished (the rest waits for tomorrow).
   */
  status: 'done' | 'partial' | 'notDue' | 'busy' | 'failed' | 'late';
  pages: number;
  handled: number;
}

export interface JobBudget {
  /** Wall time for the whole run (measured on `performance.now()`, which a test clock does not move). */
  ms: number;
  /** Pages per job per run. */
  pages: number;
}

/** Within the 60 s the `jobs` function may run (config.json), with room to save progress. */
export const DEFAULT_BUDGET: JobBudget = { ms: 40_000, pages: 50 };

/** A run that holds a job longer than this died: the next run may take it over. */
const LEASE_MS = 120_000;

interface JobStateDoc {
  _id: string;
  /** The job's next run may start from this instant (ms). */
  dueAt: number;
  /** Where an unfinished run stopped; null when the last run finished. */
  cursor: string | null;
  /** Held by a running run until this instant (ms); 0 when free. */
  leaseUntil: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastHandled: number;
  /** A daily job: the slot its unfinished cursor belongs to (ms). */
  slotAt?: number | null;
}

const DAY_MS = 86_400_000;

/** A daily job's slot on the Shanghai day of `now` (ms). */
function slotOn(day: string, schedule: DailySchedule): number {
  return atMinute(day, schedule.at);
}

/**
 * Where a run of a daily job stands: the slot it may work for now (today's, from `at` until
 * `until`, if not done yet), or null when it is not due.
 */
function dueSlot(schedule: DailySchedule, state: JobStateDoc | undefined, now: number): number | null {
  const today = dayOf(now);
  const slot = slotOn(today, schedule);
  const end = atMinute(today, schedule.until);
  if (now < slot || now >= end) return null;
  return (state?.dueAt ?? 0) <= slot ? slot : null;
}

class JobStates {
  constructor(private readonly db: Database) {}

  all(names: readonly string[]): Promise<JobStateDoc[]> {
    return this.db.find<JobStateDoc>(COLLECTIONS.jobState, { _id: this.db.op.in([...names]) }, { limit: names.length });
  }

  /** Takes the job for this run: false when another run holds it. */
  async lease(name: string, now: number): Promise<boolean> {
    const until = now + LEASE_MS;
    const taken = await this.db.updateWhere(COLLECTIONS.jobState, { _id: name, leaseUntil: this.db.op.lt(now) }, { leaseUntil: until });
    if (taken > 0) return true;
    try {
      const first: JobStateDoc = {
        _id: name,
        dueAt: 0,
        cursor: null,
        leaseUntil: until,
        lastStartedAt: null,
        lastFinishedAt: null,
        lastHandled: 0,
      };
      await this.db.add(COLLECTIONS.jobState, { ...first });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false; // the document exists and is held
      throw err;
    }
  }

  async save(name: string, patch: Partial<Omit<JobStateDoc, '_id'>>): Promise<void> {
    await this.db.update(COLLECTIONS.jobState, name, patch);
  }
}

/** Runs the jobs that are due, in order, each within the budget; answers what each did. */
export async function runDueJobs(
  jobs: readonly Job[],
  ctx: Omit<JobContext, 'slotAt'>,
  budget: JobBudget = DEFAULT_BUDGET,
): Promise<JobRun[]> {
  const states = new JobStates(ctx.services.db);
  const known = new Map((await states.all(jobs.map((j) => j.name))).map((s) => [s._id, s]));
  const stopAt = performance.now() + budget.ms;
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const state = known.get(job.name);
    let unfinished = typeof state?.cursor === 'string';
    let slotAt = ctx.now;
    if (job.daily) {
      const carried = unfinished && typeof state?.slotAt === 'number' ? state.slotAt : null;
      if (carried !== null && ctx.now >= atMinute(dayOf(carried), job.daily.until)) {
        // The slot ended before the job finished: the rest waits for the next day's slot.
        await states.save(job.name, { cursor: null, slotAt: null, dueAt: slotOn(addDays(dayOf(carried), 1), job.daily) });
        runs.push({ job: job.name, status: 'late', pages: 0, handled: 0 });
        continue;
      }
      const slot = carried ?? dueSlot(job.daily, state, ctx.now);
      if (slot === null) {
        runs.push({ job: job.name, status: 'notDue', pages: 0, handled: 0 });
        continue;
      }
      unfinished = carried !== null;
      slotAt = slot;
    } else if (state && !unfinished && job.everyMs > 0 && ctx.now < state.dueAt) {
      // (A job run on every trigger is always due, whatever a clock set back says.)
      runs.push({ job: job.name, status: 'notDue', pages: 0, handled: 0 });
      continue;
    }
    if (performance.now() >= stopAt || !(await states.lease(job.name, ctx.now))) {
      runs.push({ job: job.name, status: 'busy', pages: 0, handled: 0 });
      continue;
    }
    const run: JobRun = { job: job.name, status: 'partial', pages: 0, handled: 0 };
    let cursor = unfinished ? (state?.cursor ?? null) : null;
    const jobCtx: JobContext = { ...ctx, slotAt };
    try {
      await states.save(job.name, { lastStartedAt: toIso(ctx.now), ...(job.daily ? { slotAt } : {}) });
      do {
        const page = await job.page(jobCtx, cursor);
        cursor = page.cursor;
        run.pages++;
        run.handled += page.handled;
        // Progress is saved page by page: a run that dies redoes one page at most.
        if (cursor !== null) await states.save(job.name, { cursor });
      } while (cursor !== null && run.pages < budget.pages && performance.now() < stopAt);
      if (cursor === null) {
        run.status = 'done';
        await states.save(job.name, {
          cursor: null,
          // A daily job is next due at tomorrow's slot.
          dueAt: job.daily ? slotAt + DAY_MS : ctx.now + job.everyMs,
          lastFinishedAt: toIso(ctx.now),
          lastHandled: run.handled,
          leaseUntil: 0,
        });
      } else {
        await states.save(job.name, { cursor, leaseUntil: 0 });
      }
    } catch (err) {
      run.status = 'failed';
      console.error(`[jobs] ${job.name} failed; it continues from its last saved page next run`, err);
      await states.save(job.name, { leaseUntil: 0 }).catch(() => undefined);
    }
    runs.push(run);
  }
  return runs;
}
