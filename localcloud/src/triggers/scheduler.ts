import type { Clock } from '../clock';
import { CloudError, ErrorCodes } from '../errors';
import { FunctionConfigError } from '../functions/config';
import type { FunctionRunner, InvokeResult } from '../functions/runner';
import type { Logger } from '../log';

/**
 * Runs timer triggers (config.json `triggers`) when localcloud's clock passes their next time:
 * checked every second and right after the clock is moved. Ticks missed because the clock jumped
 * forward (or the machine slept) are coalesced into one run, whose event `Time` is the latest
 * missed tick; the next run is the first tick after the clock's new time. Moving the clock back
 * reschedules from the new time. A run is an ordinary invocation without member identity
 * (getWXContext() has no OPENID; SOURCE is `wx_trigger`), with the event CloudBase sends:
 *   { Type: 'Timer', TriggerName, Time: '2030-01-01T00:05:00Z', Message: '' }
 * Firing by hand (`fire`) works whether automatic firing is on or off.
 */

export interface TriggerInfo {
  function: string;
  name: string;
  type: 'timer';
  config: string;
  /** The next tick of its schedule (ISO; null past 2099). With automatic firing off it is not run. */
  next: string | null;
  lastRun: { time: string; requestId: string; status: string } | null;
}

export interface TriggerListing {
  auto: boolean;
  triggers: TriggerInfo[];
  /** Functions whose config.json CloudBase would refuse (their triggers do not run). */
  errors: Array<{ function: string; message: string }>;
}

interface State {
  /** Cron expression the state was computed for (a changed config starts over). */
  config: string;
  next: number | null;
  lastRun: TriggerInfo['lastRun'];
}

const TICK_MS = 1000;

export class TriggerScheduler {
  private readonly states = new Map<string, State>();
  private timer: NodeJS.Timeout | null = null;
  /** The clock reading the schedule was last evaluated at (to notice the clock moving back). */
  private evaluatedAt: number;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly auto: boolean,
  ) {
    this.evaluatedAt = clock.now();
  }

  start(): void {
    if (!this.auto || this.timer) return;
    this.evaluate();
    this.timer = setInterval(() => this.evaluate(), TICK_MS);
    this.timer.unref();
  }

  /** Waits for runs in flight (used when stopping). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running]);
  }

  /** Call after the clock moved: due triggers fire now instead of at the next tick. */
  clockMoved(): void {
    if (this.auto) this.evaluate();
  }

  private key(fn: string, name: string): string {
    return `${fn}/${name}`;
  }

  /** The functions' triggers as deployed now (a function with a bad config.json has none). */
  private current(): {
    triggers: Array<{
      fn: string;
      name: string;
      config: string;
      next: (t: number) => number | null;
      previous: (t: number) => number | null;
    }>;
    errors: TriggerListing['errors'];
  } {
    const triggers = [];
    const errors: TriggerListing['errors'] = [];
    for (const fn of this.runner.list()) {
      try {
        for (const t of this.runner.config(fn).triggers) {
          triggers.push({ fn, name: t.name, config: t.config, next: t.schedule.next, previous: t.schedule.previous });
        }
      } catch (err) {
        if (err instanceof FunctionConfigError) errors.push({ function: fn, message: err.message });
        else if (!(err instanceof CloudError)) throw err; // a function removed meanwhile
      }
    }
    return { triggers, errors };
  }

  private evaluate(): void {
    const now = this.clock.now();
    const movedBack = now < this.evaluatedAt;
    this.evaluatedAt = now;
    const { triggers } = this.current();
    const live = new Set<string>();
    for (const t of triggers) {
      const key = this.key(t.fn, t.name);
      live.add(key);
      let state = this.states.get(key);
      if (!state || state.config !== t.config || movedBack) {
        state = { config: t.config, next: t.next(now), lastRun: state?.lastRun ?? null };
        this.states.set(key, state);
        continue;
      }
      if (state.next === null || now < state.next) continue;
      // Due (perhaps many times over, after a jump): one run, for the latest tick passed.
      const time = t.previous(now) ?? state.next;
      state.next = t.next(now);
      this.launch(t.fn, t.name, time);
    }
    for (const key of [...this.states.keys()]) if (!live.has(key)) this.states.delete(key);
  }

  private launch(fn: string, name: string, time: number): void {
    const run = this.run(fn, name, time).then(
      ({ invocation, outcome }) => {
        if (outcome.kind !== 'ok') this.log.warn(`timer trigger ${fn}/${name} failed: ${invocation.error ?? outcome.kind}`);
      },
      (err: unknown) => this.log.warn(`timer trigger ${fn}/${name} could not run: ${err instanceof Error ? err.message : String(err)}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async run(fn: string, name: string, time: number): Promise<InvokeResult> {
    const event = { Type: 'Timer', TriggerName: name, Time: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
    const result = await this.runner.invoke(fn, event, { source: 'wx_trigger' }, { trigger: 'timer' });
    const state = this.states.get(this.key(fn, name));
    if (state) state.lastRun = { time: event.Time, requestId: result.invocation.requestId, status: result.invocation.status };
    return result;
  }

  /** Runs a trigger now, as its schedule would (POST /__localcloud/triggers/<fn>/<name>, lc.fireTrigger). */
  async fire(fn: string, name: string): Promise<InvokeResult> {
    if (!this.runner.exists(fn)) throw new CloudError(ErrorCodes.FUNCTION_NOT_FOUND, `no function named "${fn}"`);
    const trigger = this.runner.config(fn).triggers.find((t) => t.name === name);
    if (!trigger) throw new CloudError(TRIGGER_NOT_FOUND, `function ${fn} has no trigger named "${name}"`);
    if (!this.states.has(this.key(fn, name))) {
      this.states.set(this.key(fn, name), { config: trigger.config, next: trigger.schedule.next(this.clock.now()), lastRun: null });
    }
    return this.run(fn, name, Math.floor(this.clock.now() / 1000) * 1000);
  }

  list(): TriggerListing {
    const now = this.clock.now();
    const { triggers, errors } = this.current();
    return {
      auto: this.auto,
      errors,
      triggers: triggers.map((t) => {
        const state = this.states.get(this.key(t.fn, t.name));
        const next = this.auto && state && state.config === t.config ? state.next : t.next(now);
        return {
          function: t.fn,
          name: t.name,
          type: 'timer' as const,
          config: t.config,
          next: next === null ? null : new Date(next).toISOString(),
          lastRun: state?.lastRun ?? null,
        };
      }),
    };
  }
}

export const TRIGGER_NOT_FOUND = 'TRIGGER_NOT_FOUND';
