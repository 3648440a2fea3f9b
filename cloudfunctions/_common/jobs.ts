import { performance } from 'node:perf_hooks';
import { toIso } from '@shared/time/shanghai';
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
 */
export interface JobContext {
  services: Services;
  /** The run's instant (ms, the cloud's clock). */
  now: number;
}

export interface JobPage {
  /** Where the next page starts; null when the job is done for now. */
  cursor: string | null;
  /** Items handled on this page (for the log). */
  handled: number;
}

export interface Job {
  /** Stable name: the `_id` of its `job_state` document. */
  name: string;
  /** Time from a finished run to the next (0: every trigger). */
  everyMs: number;
  /** One page of work from `cursor` (null: from the start). */
  page(ctx: JobContext, cursor: string | null): Promise<JobPage>;
}

export interface JobRun {
  job: string;
  /** `done`: finished; `partial`: stopped at the budget, continues next run; `notDue`; `busy`: another run holds it; `failed`. */
  status: 'done' | 'partial' | 'notDue' | 'busy' | 'failed';
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
export async function runDueJobs(jobs: readonly Job[], ctx: JobContext, budget: JobBudget = DEFAULT_BUDGET): Promise<JobRun[]> {
  const states = new JobStates(ctx.services.db);
  const known = new Map((await states.all(jobs.map((j) => j.name))).map((s) => [s._id, s]));
  const stopAt = performance.now() + budget.ms;
  const runs: JobRun[] = [];
  for (const job of jobs) {
    const state = known.get(job.name);
    const unfinished = typeof state?.cursor === 'string';
    // (A job run on every trigger is always due, whatever a clock set back says.)
    if (state && !unfinished && job.everyMs > 0 && ctx.now < state.dueAt) {
      runs.push({ job: job.name, status: 'notDue', pages: 0, handled: 0 });
      continue;
    }
    if (performance.now() >= stopAt || !(await states.lease(job.name, ctx.now))) {
      runs.push({ job: job.name, status: 'busy', pages: 0, handled: 0 });
      continue;
    }
    const run: JobRun = { job: job.name, status: 'partial', pages: 0, handled: 0 };
    let cursor = unfinished ? (state?.cursor ?? null) : null;
    try {
      await states.save(job.name, { lastStartedAt: toIso(ctx.now) });
      do {
        const page = await job.page(ctx, cursor);
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
          dueAt: ctx.now + job.everyMs,
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
