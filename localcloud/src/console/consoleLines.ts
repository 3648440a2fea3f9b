/**
 * The WeChat cloud console's database import/export format (数据库 → 集合 → 导入/导出, see
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/import.html):
 * JSON Lines — one document per line, UTF-8, no enclosing array; a date is
 * `{"$date": "2018-08-31T17:30:00.882Z"}`; a key may not start or end with `.`, contain `..`,
 * or repeat. Exports may also write a date as epoch milliseconds (`{"$date": 1535736600882}` or
 * `{"$date": {"$numberLong": "…"}}`) and big integers as `{"$numberLong": "…"}`.
 *
 * Every date is normalised to the same ISO text, so export → import gives back the same file.
 * Used by localcloud's console; a project may reuse it for its own import/export tools.
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

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
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
  if (isJsonObject(payload) && typeof payload.$numberLong === 'string' && /^-?\d+$/.test(payload.$numberLong))
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
 * message (`中文 / English`) for a date it cannot read or a key the console refuses.
 */
export function normaliseConsoleValue(value: JsonValue, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => normaliseConsoleValue(v, `${path}[${i}]`));
  if (!isJsonObject(value)) return value;
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
    out[key] = normaliseConsoleValue(value[key], path ? `${path}.${key}` : key);
  }
  return out;
}

function idOf(doc: JsonValue, fallback: string): string {
  return isJsonObject(doc) && typeof doc._id === 'string' ? doc._id : fallback;
}

function splitMessage(message: string): { zh: string; en: string } {
  const [zh, en] = message.split(' / ');
  return { zh, en: en ?? zh };
}

export interface CheckOptions {
  /** Every document must carry a string `_id` (content documents do); otherwise one is generated on insert. */
  requireId: boolean;
}

/**
 * Checks and normalises documents: each an object, `_id` (when present) a non-empty string and
 * not repeated, dates and keys as the console accepts them. Throws ConsoleFormatError listing
 * every problem by line (`where(i)`) and `_id`.
 */
export function checkConsoleDocuments(docs: readonly JsonValue[], where: (i: number) => number, options: CheckOptions): JsonObject[] {
  const problems: FormatProblem[] = [];
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  docs.forEach((doc, i) => {
    const id = idOf(doc, `#${i + 1}`);
    const fail = (zh: string, en: string) => problems.push({ at: where(i), id, message_zh: zh, message_en: en });
    if (!isJsonObject(doc)) return fail('不是一个文档对象 {...}', 'is not a document object {...}');
    if (doc._id === undefined && !options.requireId) {
      // The database generates the _id.
    } else if (typeof doc._id !== 'string' || doc._id === '') {
      return options.requireId
        ? fail('缺少字符串 _id（内容文档需要固定的 _id）', 'missing a string _id (content documents need a fixed _id)')
        : fail('_id 必须是非空字符串', '_id must be a non-empty string');
    } else if (seen.has(doc._id)) {
      return fail(`_id「${doc._id}」重复`, `duplicate _id "${doc._id}"`);
    } else {
      seen.add(doc._id);
    }
    try {
      out.push(normaliseConsoleValue(doc, '') as JsonObject);
    } catch (e) {
      const m = splitMessage(e instanceof Error ? e.message : String(e));
      fail(m.zh, m.en);
    }
  });
  if (problems.length > 0) throw new ConsoleFormatError(problems);
  return out;
}

/** Documents → the console's import file (JSON Lines, trailing newline). */
export function toConsoleLines(docs: readonly JsonValue[], options: CheckOptions): string {
  return checkConsoleDocuments(docs, (i) => i + 1, options)
    .map((d) => `${JSON.stringify(d)}\n`)
    .join('');
}

/** A console export (JSON Lines; a JSON array is accepted too) → checked, normalised documents. */
export function fromConsoleLines(text: string, options: CheckOptions): JsonObject[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(body) as JsonValue;
    } catch {
      throw new ConsoleFormatError([{ at: 1, id: '*', message_zh: '不是合法的 JSON 数组', message_en: 'not a valid JSON array' }]);
    }
    if (!Array.isArray(parsed))
      throw new ConsoleFormatError([{ at: 1, id: '*', message_zh: '不是文档数组', message_en: 'not an array of documents' }]);
    return checkConsoleDocuments(parsed, (i) => i + 1, options);
  }
  const docs: JsonValue[] = [];
  const lineOf: number[] = [];
  const broken: FormatProblem[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      docs.push(JSON.parse(line) as JsonValue);
      lineOf.push(i + 1);
    } catch {
      broken.push({ at: i + 1, id: '*', message_zh: `第 ${i + 1} 行不是合法的 JSON`, message_en: `line ${i + 1} is not valid JSON` });
    }
  });
  if (broken.length > 0) throw new ConsoleFormatError(broken);
  return checkConsoleDocuments(docs, (i) => lineOf[i], options);
}
