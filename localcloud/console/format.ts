/** How the console writes times, sizes and document summaries. Times are shown in Shanghai, the members' time. */
import type { JsonValue } from '../src/console/protocol';

const SHANGHAI = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const timeOnly = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone: SHANGHAI, weekday: 'short' });

/** `2026-11-23 10:00:05` in Shanghai. */
export function shanghaiDateTime(ms: number): string {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function shanghaiTime(ms: number): string {
  return timeOnly.format(new Date(ms));
}

export function shanghaiWeekday(ms: number): string {
  return weekday.format(new Date(ms));
}

/**
 * What the clock input accepts: `2026-11-23 10:00[:00]` read as Shanghai time, or an ISO instant
 * with its offset. → ISO instant, or null.
 */
export function parseClockInput(value: string): string | null {
  const text = value.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?$/.exec(text);
  const ms = local
    ? Date.parse(`${local[1]}T${local[2]}:${local[3] ?? '00'}+08:00`)
    : /(Z|[+-]\d{2}:?\d{2})$/.test(text)
      ? Date.parse(text)
      : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** `+3 天 2 小时` for a clock offset. */
export function offsetText(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  let rest = Math.abs(ms);
  const units: Array<[number, string]> = [
    [86_400_000, '天'],
    [3_600_000, '小时'],
    [60_000, '分'],
    [1000, '秒'],
  ];
  const parts: string[] = [];
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) parts.push(`${n} ${name}`);
    rest -= n * size;
  }
  return parts.length ? `${sign}${parts.join(' ')}` : '±0';
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function durationText(ms: number | null): string {
  if (ms === null) return '…';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** An `_id` as text: strings as they are, anything else as its JSON. */
export function idLabel(id: JsonValue): string {
  return typeof id === 'string' ? id : JSON.stringify(id);
}

function valueText(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') {
    if (typeof value.$date === 'string') return value.$date.replace('T', ' ').replace(/(\.000)?Z$/, 'Z');
    if (typeof value.$oid === 'string') return `ObjectId(${value.$oid})`;
    return '{…}';
  }
  if (typeof value !== 'string') return String(value);
  return value.length > 18 ? `${value.slice(0, 17)}…` : value;
}

/** A one-line preview of a document's first fields (after `_id`). */
export function documentSummary(doc: { [key: string]: JsonValue }, max = 4): Array<[string, string]> {
  return Object.entries(doc)
    .filter(([key]) => key !== '_id')
    .slice(0, max)
    .map(([key, value]) => [key, valueText(value)]);
}

/** Where a JSON.parse error points, as `第 3 行第 7 列`, or ''. */
export function jsonErrorPlace(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${column} 列 / line ${line}, column ${column}`;
}
