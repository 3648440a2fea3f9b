import path from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Deadline } from './deadline';

/** How one invocation ended. */
export type Outcome =
  | { kind: 'ok'; json: string }
  | { kind: 'error'; error: { name: string; message: string; stack: string } }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'crash'; message: string }
  /** The event could not be handed to the instance (not structured-cloneable): the caller's fault. */
  | { kind: 'invalid'; message: string };

export interface Job {
  event: Record<string, unknown>;
  context: Record<string, unknown>;
  /** Per-invocation variables (WX_OPENID, WX_API_TOKEN, …), set before and removed after the call. */
  env: Record<string, string>;
  /** The time limit; started when the instance begins the call. */
  deadline: Deadline;
  /** Nested calls may exceed the pool size so that a function calling itself cannot deadlock. */
  nested: boolean;
  /** Receives the console output the function writes during this invocation. */
  onOutput?: (text: string) => void;
  /** Called when an instance begins the call (after any queueing and instance start). */
  onStart?: () => void;
}

export interface PoolOptions {
  functionName: string;
  functionDir: string;
  /** process.env of each worker (a copy per worker; never SHARE_ENV). */
  env: () => Record<string, string>;
  clockBuffer: SharedArrayBuffer;
  maxWorkers: number;
  /** Upper bound including nested calls. */
  hardMaxWorkers: number;
  /** Receives the function's console output, line by line. */
  output: (line: string) => void;
  /** Idle workers beyond the first are stopped after this long. */
  idleMs: number;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'output'; id: number; text: string }
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: { name: string; message: string; stack: string } };

interface Pending {
  job: Job;
  resolve: (outcome: Outcome) => void;
}

const BOOTSTRAP = path.join(__dirname, 'worker.cjs');

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function pipeLines(stream: Readable, output: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let index: number;
    while ((index = buffered.indexOf('\n')) !== -1) {
      output(buffered.slice(0, index));
      buffered = buffered.slice(index + 1);
    }
  });
  stream.on('end', () => {
    if (buffered) output(buffered);
  });
}

/** One worker thread = one function instance, running one invocation at a time. */
class Instance {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  current: (Pending & { id: number }) | null = null;
  idleTimer: NodeJS.Timeout | null = null;
  retiring = false;
  private nextId = 1;

  constructor(
    options: PoolOptions,
    private readonly onResult: (instance: Instance, outcome: Outcome) => void,
    private readonly onGone: (instance: Instance, reason: string) => void,
  ) {
    this.worker = new Worker(BOOTSTRAP, {
      env: options.env(),
      workerData: { functionDir: options.functionDir, functionName: options.functionName, clockBuffer: options.clockBuffer },
      stdout: true,
      stderr: true,
    });
    pipeLines(this.worker.stdout, options.output);
    pipeLines(this.worker.stderr, options.output);
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (msg: WorkerMessage): void => {
        if (msg.type === 'ready') {
          this.worker.off('message', onMessage);
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`function instance exited during start (code ${code})`)));
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'output' && this.current?.id === msg.id) this.current.job.onOutput?.(msg.text);
      if (msg.type !== 'result' || !this.current || msg.id !== this.current.id) return;
      this.onResult(this, msg.ok ? { kind: 'ok', json: msg.json } : { kind: 'error', error: msg.error });
    });
    this.worker.on('error', (err) => this.onGone(this, `function instance crashed: ${err.message}`));
    this.worker.on('exit', (code) => this.onGone(this, `function instance exited (code ${code})`));
  }

  start(pending: Pending, onTimeout: () => void): void {
    const id = this.nextId++;
    this.current = { ...pending, id };
    this.ready.then(
      () => {
        if (this.current?.id !== id) return;
        const { job } = pending;
        try {
          this.worker.postMessage({ type: 'invoke', id, event: job.event, context: job.context, env: job.env });
        } catch (err) {
          // Structured clone refused the event; the instance itself is fine.
          this.onResult(this, { kind: 'invalid', message: `the event cannot be passed to the function: ${errorText(err)}` });
          return;
        }
        job.onStart?.();
        job.deadline.start(onTimeout);
      },
      (err: unknown) => {
        if (this.current?.id === id) this.onGone(this, errorText(err));
      },
    );
  }

  finish(): Pending | null {
    const current = this.current;
    current?.job.deadline.stop();
    this.current = null;
    return current;
  }
}

/** The instances of one function: a few workers, the rest of the calls queued. */
export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private readonly idle: Instance[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  /** Superseded by a new deployment: finish what is queued, then keep no instances. */
  private retired = false;

  constructor(private readonly options: PoolOptions) {}

  run(job: Job): Promise<Outcome> {
    if (this.closed) return Promise.resolve({ kind: 'crash', message: 'localcloud is stopping' });
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let instance = this.idle.pop();
      let index = 0;
      if (!instance) {
        if (this.instances.size < this.options.maxWorkers) {
          instance = this.spawn();
        } else if (this.instances.size < this.options.hardMaxWorkers) {
          // Over the normal size only for nested calls: their callers hold instances while waiting.
          index = this.queue.findIndex((pending) => pending.job.nested);
          if (index === -1) return;
          instance = this.spawn();
        } else {
          return;
        }
      }
      if (instance.idleTimer) {
        clearTimeout(instance.idleTimer);
        instance.idleTimer = null;
      }
      const [pending] = this.queue.splice(index, 1);
      const chosen = instance;
      chosen.start(pending, () => this.timeout(chosen));
    }
  }

  private spawn(): Instance {
    const instance = new Instance(
      this.options,
      (inst, outcome) => this.completed(inst, outcome),
      (inst, reason) => this.gone(inst, reason),
    );
    this.instances.add(instance);
    return instance;
  }

  private completed(instance: Instance, outcome: Outcome): void {
    const pending = instance.finish();
    pending?.resolve(outcome);
    if (instance.retiring || this.closed || this.retired) {
      this.remove(instance);
    } else {
      this.idle.push(instance);
      if (this.instances.size > 1) {
        instance.idleTimer = setTimeout(() => {
          const index = this.idle.indexOf(instance);
          if (index !== -1 && this.instances.size > 1) {
            this.idle.splice(index, 1);
            this.remove(instance);
          }
        }, this.options.idleMs);
        instance.idleTimer.unref();
      }
    }
    this.pump();
  }

  private timeout(instance: Instance): void {
    const pending = instance.finish();
    pending?.resolve({ kind: 'timeout', timeoutMs: pending.job.deadline.limitMs });
    this.remove(instance);
    this.pump();
  }

  private gone(instance: Instance, reason: string): void {
    if (!this.instances.has(instance)) return;
    const pending = instance.finish();
    pending?.resolve({ kind: 'crash', message: reason });
    this.remove(instance);
    this.pump();
  }

  private remove(instance: Instance): void {
    if (instance.idleTimer) clearTimeout(instance.idleTimer);
    this.instances.delete(instance);
    const index = this.idle.indexOf(instance);
    if (index !== -1) this.idle.splice(index, 1);
    void instance.worker.terminate();
  }

  /** Starts one instance ahead of the first call (used after a redeploy). */
  prewarm(): void {
    if (this.closed || this.retired || this.instances.size > 0) return;
    const instance = this.spawn();
    this.idle.push(instance);
  }

  /** New code was deployed: idle instances stop now, busy ones after their current call. */
  retire(): void {
    this.retired = true;
    for (const instance of [...this.instances]) {
      if (instance.current) instance.retiring = true;
      else this.remove(instance);
    }
  }

  get size(): number {
    return this.instances.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'crash', message: 'localcloud is stopping' });
    const instances = [...this.instances];
    for (const instance of instances) {
      instance.finish()?.resolve({ kind: 'crash', message: 'localcloud is stopping' });
      if (instance.idleTimer) clearTimeout(instance.idleTimer);
    }
    this.instances.clear();
    this.idle.length = 0;
    await Promise.all(instances.map((instance) => instance.worker.terminate()));
  }
}
