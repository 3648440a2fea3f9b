/**
 * Calls the functions the way the H5 build does: `POST <url>/functions/<name>` with the member
 * in `x-wx-openid`. Counts every call, its latency and the error codes that came back, and runs
 * at most `concurrency` calls at once (more in flight than function instances only queues).
 */
export interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

export interface GatewayStats {
  calls: number;
  /** `function.action` → count. */
  byAction: Record<string, number>;
  /** Error code → count (expected ones such as INSUFFICIENT_POINTS included). */
  errors: Record<string, number>;
  latenciesMs: number[];
}

export class Gateway {
  readonly stats: GatewayStats = { calls: 0, byAction: {}, errors: {}, latenciesMs: [] };
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly concurrency: number,
  ) {}

  private async slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  async call<T>(openid: string, name: string, action: string, input: Record<string, unknown> = {}): Promise<Envelope<T>> {
    await this.slot();
    const started = performance.now();
    try {
      const res = await fetch(`${this.url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ ...input, action }),
      });
      const body = (await res.json()) as Envelope<T>;
      this.record(`${name}.${action}`, performance.now() - started, body.ok ? null : (body.error?.code ?? `HTTP_${res.status}`));
      return body;
    } finally {
      this.release();
    }
  }

  private record(key: string, ms: number, errorCode: string | null): void {
    this.stats.calls++;
    this.stats.byAction[key] = (this.stats.byAction[key] ?? 0) + 1;
    this.stats.latenciesMs.push(ms);
    if (errorCode) this.stats.errors[errorCode] = (this.stats.errors[errorCode] ?? 0) + 1;
  }
}

/** The p-th percentile (0…100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
