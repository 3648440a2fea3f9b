/**
 * A line chart as an SVG image (`data:image/svg+xml;base64,…`): WeChat's <image> and the
 * browser both draw it, with no chart library and no canvas context to manage. Only geometry is
 * in the SVG (ASCII, so a tiny base64 encoder does: the weapp JS engine has no `btoa`); labels
 * stay in Views, where Chinese text renders with the system font.
 */

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  /** One value per x; null = no figure (the line breaks there). */
  values: ReadonlyArray<number | null>;
}

export interface LineChartSize {
  /** The image's size in design px (750-wide screen): the SVG uses the same units so strokes keep their width. */
  width: number;
  height: number;
}

const PAD = { top: 12, bottom: 12, x: 10 };

/** The smallest 1 / 2 / 5 × 10ⁿ at or above `value` (axis maxima people read at a glance). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * exp >= value) return m * exp;
  return 10 * exp;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Coordinates of each value in the SVG's units; null stays null. */
export function plot(values: ReadonlyArray<number | null>, max: number, size: LineChartSize): Array<[number, number] | null> {
  const n = values.length;
  const innerW = size.width - 2 * PAD.x;
  const innerH = size.height - PAD.top - PAD.bottom;
  return values.map((v, i) => {
    if (v === null) return null;
    const x = n === 1 ? size.width / 2 : PAD.x + (i / (n - 1)) * innerW;
    const y = size.height - PAD.bottom - (Math.min(v, max) / max) * innerH;
    return [round(x), round(y)];
  });
}

/** Runs of consecutive points: a line is drawn through each run, a lone point as a dot. */
function runs(points: Array<[number, number] | null>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (const p of points) {
    if (p) current.push(p);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

export function lineChartSvg(series: readonly LineSeries[], max: number, size: LineChartSize, gridColor = '#ECE8E1'): string {
  const parts: string[] = [];
  for (let g = 0; g <= 4; g++) {
    const y = round(PAD.top + (g / 4) * (size.height - PAD.top - PAD.bottom));
    parts.push(
      `<line x1="0" y1="${y}" x2="${size.width}" y2="${y}" stroke="${gridColor}" stroke-width="1"${g < 4 ? ' stroke-dasharray="4 4"' : ''}/>`,
    );
  }
  for (const s of series) {
    const points = plot(s.values, max, size);
    const dots = points.length <= 31;
    for (const run of runs(points)) {
      if (run.length > 1) {
        parts.push(
          `<polyline fill="none" stroke="${s.color}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round" points="${run.map(([x, y]) => `${x},${y}`).join(' ')}"/>`,
        );
      }
      if (dots || run.length === 1) for (const [x, y] of run) parts.push(`<circle cx="${x}" cy="${y}" r="4" fill="${s.color}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">${parts.join('')}</svg>`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG above never holds anything else). */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i) & 0xff;
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < text.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < text.length ? B64[n & 63] : '=';
  }
  return out;
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}
