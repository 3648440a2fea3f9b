/** Numbers as ops read them on the dashboard. */

/** A share 0…1 as `42.5%` (one decimal, trailing .0 dropped); `—` when there is no figure yet. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const v = Math.round(share * 1000) / 10;
  return `${v}%`;
}

/** `12,345`. */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fen as yuan: `¥1,234.50` (`¥1,234` for whole yuan). */
export function yuan(fen: number): string {
  const whole = Math.floor(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  return `${fen < 0 ? '-' : ''}¥${count(whole)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** The mean of the figures that exist (null = the day is not over yet), or null. */
export function meanOf(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}

/** A lift (during ÷ before − 1) as `+50%` / `-12.5%`; `—` when there was nothing before. */
export function liftText(lift: number | null): string {
  if (lift === null || !Number.isFinite(lift)) return '—';
  return `${lift > 0 ? '+' : ''}${percent(lift)}`;
}
