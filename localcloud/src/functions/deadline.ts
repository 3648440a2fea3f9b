/**
 * An invocation's time limit (config.json `timeout`). It runs while the function runs and is held
 * while the function waits for localcloud itself to queue or start an instance for a nested call:
 * that wait depends on how busy the host machine is, not on the function, and on a loaded 2-core
 * machine starting a worker thread can take seconds a cloud instance would not.
 */
export class Deadline {
  private timer: NodeJS.Timeout | null = null;
  private remainingMs: number;
  private armedAt = 0;
  private holds = 0;
  private onExpire: (() => void) | null = null;
  private finished = false;

  constructor(readonly limitMs: number) {
    this.remainingMs = limitMs;
  }

  /** The function started running: the clock starts (unless something already holds it). */
  start(onExpire: () => void): void {
    if (this.finished) return;
    this.onExpire = onExpire;
    if (this.holds === 0) this.arm();
  }

  /** Stops the clock until the matching `release()`; holds nest. */
  hold(): void {
    if (this.finished) return;
    this.holds++;
    if (this.holds === 1 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.remainingMs -= Date.now() - this.armedAt;
    }
  }

  release(): void {
    if (this.finished || this.holds === 0) return;
    this.holds--;
    if (this.holds === 0 && this.onExpire) this.arm();
  }

  /** The invocation ended (answer, crash or timeout): nothing more fires. */
  stop(): void {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const onExpire = this.onExpire;
    if (!onExpire) return;
    this.armedAt = Date.now();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (!this.finished) onExpire();
      },
      Math.max(0, this.remainingMs),
    );
  }
}
