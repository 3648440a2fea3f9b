/**
 * The WeChat cloud console's database import/export format, and the form `content/demo/` keeps.
 *
 * Console (导入/导出, see https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/import.html):
 * JSON Lines — one document per line, UTF-8, no enclosing array; a date is
 * `{"$date": "2018-08-31T17:30:00.882Z"}`; a key may not start or end with `.`, contain `..`,
 * or repeat. Exports may also write a date as epoch milliseconds (`{"$date": 1535736600882}` or
 * `{"$date": {"$numberLong": "…"}}`) and big integers as `{"$numberLong": "…"}`.
 *
 * Content form (`content/demo/<collection>.json`): a pretty JSON array, dates as
 * `{"$date": "<ISO>"}` — which localcloud `--seed` reads as a database Date, like the console.
 * Both sides normalise a date to the same ISO text, so export → import gives back the file.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface FormatProblem {
  /** 1-based line (import) or document index (export). */
  at: number;
  id: string;
  message_zh: string;
  message_en: string;
}

export class ConsoleFormatError extends Error {
  constructor(readonly problems: FormatProblem[]) {
    super(problems.map((p) => `#${p.at} ${p.id}: ${p.message_en}`).join('\n'));
    this.name = 'ConsoleFormatError';
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Epoch ms of a `$date` payload in any form the console writes, or null. */
function dateMs(payload: JsonValue): number | null {
  if (typeof payload === 'string') {
    const ms = Date.parse(payload);
    // Only instants with an offset: a bare local time would be read in this machine's TZ.
    return /(Z|[+-]\d{2}:?\d{2})$/.test(payload) && Number.isFinite(ms) ? ms : null;
  }
  if (typeof payload === 'number') return Number.isFinite(payload) ? payload : null;
  if (isObject(payload) && typeof payload.$numberLong === 'string' && /^-?\d+$/.test(payload.$numberLong))
    return Number(payload.$numberLong);
  return null;
}

/** A console number wrapper (`$numberLong`, `$numberInt`, `$numberDouble`) as a plain number, or null. */
function wrappedNumber(value: JsonObject): number | null {
  const keys = Object.keys(value);
  if (keys.length !== 1 || !['$numberLong', '$numberInt', '$numberDouble'].includes(keys[0])) return null;
  const n = Number(value[keys[0]]);
  return typeof value[keys[0]] === 'string' && Number.isFinite(n) ? n : null;
}

/**
 * Rewrites every date to `{"$date": "<ISO UTC with ms>"}` and unwraps number wrappers; throws a
 * message (both languages) for a date it cannot read or a key the console refuses.
 */
function normalise(value: JsonValue, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => normalise(v, `${path}[${i}]`));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$date') {
    const ms = dateMs(value.$date);
    if (ms === null) throw new Error(`${path}：无法识别的日期 / unreadable date`);
    return { $date: new Date(ms).toISOString() };
  }
  if (keys.includes('$tcb_server_date')) {
    throw new Error(
      `${path}：服务器时间占位符只能用于本地种子数据，请改成具体时间 / a server-date placeholder only works in local seed data: write an instant`,
    );
  }
  const n = wrappedNumber(value);
  if (n !== null) return n;
  const out: JsonObject = {};
  for (const key of keys) {
    if (key.startsWith('.') || key.endsWith('.') || key.includes('..') || key === '') {
      throw new Error(
        `${path}.${key}：字段名不能为空、以「.」开头或结尾、或包含「..」/ a key may not be empty, start or end with ".", or contain ".."`,
      );
    }
    out[key] = normalise(value[key], path ? `${path}.${key}` : key);
  }
  return out;
}

function idOf(doc: JsonValue, fallback: string): string {
  return isObject(doc) && typeof doc._id === 'string' ? doc._id : fallback;
}

function splitMessage(message: string): { zh: string; en: string } {
  const [zh, en] = message.split(' / ');
  return { zh, en: en ?? zh };
}

function checked(docs: readonly JsonValue[], where: (i: number) => number): JsonObject[] {
  const problems: FormatProblem[] = [];
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  docs.forEach((doc, i) => {
    const id = idOf(doc, `#${i + 1}`);
    const fail = (zh: string, en: string) => problems.push({ at: where(i), id, message_zh: zh, message_en: en });
    if (!isObject(doc)) return fail('不是一个文档对象 {...}', 'is not a document object {...}');
    if (typeof doc._id !== 'string' || doc._id === '')
      return fail('缺少字符串 _id（内容文档需要固定的 _id）', 'missing a string _id (content documents need a fixed _id)');
    if (seen.has(doc._id)) return fail(`_id「${doc._id}」重复`, `duplicate _id "${doc._id}"`);
    seen.add(doc._id);
    try {
      out.push(normalise(doc, '') as JsonObject);
    } catch (e) {
      const m = splitMessage(e instanceof Error ? e.message : String(e));
      fail(m.zh, m.en);
    }
  });
  if (problems.length > 0) throw new ConsoleFormatError(problems);
  return out;
}

/** Content documents → the console's import file (JSON Lines, trailing newline). */
export function toConsoleLines(docs: readonly JsonValue[]): string {
  return checked(docs, (i) => i + 1)
    .map((d) => `${JSON.stringify(d)}\n`)
    .join('');
}

/** A console export (JSON Lines; a JSON array is accepted too) → content documents. */
export function fromConsoleLines(text: string): JsonObject[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    const parsed = JSON.parse(body) as JsonValue;
    if (!Array.isArray(parsed))
      throw new ConsoleFormatError([{ at: 1, id: '*', message_zh: '不是文档数组', message_en: 'not an array of documents' }]);
    return checked(parsed, (i) => i + 1);
  }
  const docs: JsonValue[] = [];
  const lineOf: number[] = [];
  const lines = body.split(/\r?\n/);
  const broken: FormatProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      docs.push(JSON.parse(line) as JsonValue);
      lineOf.push(i + 1);
    } catch {
      broken.push({ at: i + 1, id: '*', message_zh: `第 ${i + 1} 行不是合法的 JSON`, message_en: `line ${i + 1} is not valid JSON` });
    }
  });
  if (broken.length > 0) throw new ConsoleFormatError(broken);
  return checked(docs, (i) => lineOf[i]);
}

/** The content form of a collection: a pretty JSON array, as `content/demo/` keeps it. */
export function toContentFile(docs: readonly JsonObject[]): string {
  return `${JSON.stringify(docs, null, 2)}\n`;
}
