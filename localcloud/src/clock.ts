/**
 * localcloud's clock: real time plus an offset. The offset lives in a SharedArrayBuffer so that
 * function workers, whose `Date` adds the same offset, follow jumps immediately. Jumping sets the
 * offset (the clock keeps running from the new instant); releasing resets it to zero.
 */
export class Clock {
  readonly buffer = new SharedArrayBuffer(8);
  private readonly offset = new BigInt64Array(this.buffer);

  now(): number {
    return Date.now() + Number(Atomics.load(this.offset, 0));
  }

  /** How far localcloud's clock is from real time (0 when it follows real time). */
  offsetMs(): number {
    return Number(Atomics.load(this.offset, 0));
  }

  /** Jump to an instant (ISO string, epoch ms or Date), or `null` to follow real time again. */
  set(instant: string | number | Date | null): void {
    if (instant === null) {
      Atomics.store(this.offset, 0, 0n);
      return;
    }
    const target = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
    if (!Number.isFinite(target)) throw new Error(`invalid clock instant: ${String(instant)}`);
    Atomics.store(this.offset, 0, BigInt(Math.round(target - Date.now())));
  }
}
