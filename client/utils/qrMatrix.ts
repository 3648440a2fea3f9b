import { create } from 'qrcode/lib/core/qrcode';

/** A QR symbol as rows of dark runs `[start, length]`, which is all a renderer needs. */
export interface QrRuns {
  size: number;
  rows: Array<Array<[number, number]>>;
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/;

/**
 * Encodes `text` (voucher codes are upper-case alphanumerics, the densest QR mode; anything
 * else is encoded as bytes) and returns the dark runs of each row.
 */
export function qrRuns(text: string): QrRuns {
  const segments = [{ data: text, mode: ALPHANUMERIC.test(text) ? ('alphanumeric' as const) : ('byte' as const) }];
  const { size, data } = create(segments, { errorCorrectionLevel: 'M' }).modules;
  const rows: QrRuns['rows'] = [];
  for (let r = 0; r < size; r++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    for (let c = 0; c <= size; c++) {
      const dark = c < size && data[r * size + c] === 1;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        runs.push([start, c - start]);
        start = -1;
      }
    }
    rows.push(runs);
  }
  return { size, rows };
}
