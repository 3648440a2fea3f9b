import { wallClock, type DayString, type Instant } from '../time/shanghai';

/**
 * The keywords of a WeChat subscription template and how our values fill them. A template's
 * keywords are named by type and number (`thing1`, `time2`, `character_string3` — chosen when ops
 * pick the template in the WeChat console), and each type takes a value within WeChat's limits
 * (订阅消息参数值内容限制说明): `thing` ≤ 20 characters, `number` digits only (≤ 32), `phrase` ≤ 5
 * Chinese characters, `character_string` ≤ 32 digits/letters/symbols, `time` a 24-hour time with an
 * optional date, `date` a date with an optional time; no control characters anywhere. A value over
 * its limit is refused by WeChat (47003) and the member gets nothing — so every value is fitted here.
 */
export const KEYWORD_TYPES = ['thing', 'number', 'character_string', 'time', 'date', 'phrase'] as const;
export type KeywordType = (typeof KEYWORD_TYPES)[number];

/** `thing1` … `phrase99`: one of the types we fill and its number. */
export const KEYWORD_RE = /^(thing|number|character_string|time|date|phrase)([1-9]\d?)$/;

/** The kinds of value a reminder supplies. */
export type ValueKind = 'text' | 'number' | 'time' | 'date' | 'phrase' | 'code';

export type TemplateValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; n: number }
  /** An instant, shown as Shanghai time. */
  | { kind: 'time'; at: Instant }
  | { kind: 'date'; day: DayString }
  /** A fixed status of at most 5 Chinese characters (即将到期). */
  | { kind: 'phrase'; text: string }
  /** A code of digits, letters and symbols (a voucher code). */
  | { kind: 'code'; text: string };

/** Which keyword types a kind of value can fill (anything can be said in a `thing`). */
export const KIND_FITS: Record<ValueKind, readonly KeywordType[]> = {
  text: ['thing'],
  number: ['number', 'thing', 'character_string'],
  time: ['time', 'date', 'thing'],
  date: ['date', 'thing'],
  phrase: ['phrase', 'thing'],
  code: ['character_string', 'thing'],
};

export const KIND_NAMES: Record<ValueKind, { zh: string; en: string }> = {
  text: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  time: { zh: '时间', en: 'a time' },
  date: { zh: '日期', en: 'a date' },
  phrase: { zh: '状态短语', en: 'a status phrase' },
  code: { zh: '编码', en: 'a code' },
};

export function keywordType(key: string): KeywordType | null {
  const m = KEYWORD_RE.exec(key);
  return m ? (m[1] as KeywordType) : null;
}

export function fitsKind(kind: ValueKind, type: KeywordType): boolean {
  return KIND_FITS[kind].includes(type);
}

export const THING_MAX = 20;
const CODE_MAX = 32;
const PHRASE_MAX = 5;

/** Control and line-breaking characters go, runs of white space become one space. */
function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * At most `max` characters (code points: an emoji is not cut in half), ending in "…" when cut —
 * the ellipsis counts within `max`.
 */
export function clip(text: string, max: number): string {
  const cps = [...oneLine(text)];
  if (cps.length <= max) return cps.join('');
  return `${cps
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

function timeText(at: Instant, withYear: boolean): string {
  const c = wallClock(at);
  const hm = `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
  return withYear ? `${c.year}年${c.month}月${c.day}日 ${hm}` : `${c.month}月${c.day}日 ${hm}`;
}

function dayText(day: DayString, withYear: boolean): string {
  const [y, m, d] = day.split('-').map(Number);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}

/** What stands in a keyword that would otherwise be empty (WeChat refuses an empty value). */
const EMPTY = '—';

/**
 * The value of a keyword of `type`, within its limit. Kinds a type cannot take (see `KIND_FITS`)
 * are refused by content validation before anything is sent; here they fall back to text.
 */
export function keywordValue(type: KeywordType, value: TemplateValue): string {
  switch (value.kind) {
    case 'number': {
      const digits = String(Math.max(0, Math.round(value.n)));
      return type === 'thing' ? clip(digits, THING_MAX) : digits.slice(0, CODE_MAX);
    }
    case 'time':
      return type === 'thing' ? timeText(value.at, false) : timeText(value.at, true);
    case 'date':
      return type === 'thing' ? dayText(value.day, false) : dayText(value.day, true);
    case 'phrase': {
      if (type !== 'phrase') return clip(value.text, THING_MAX) || EMPTY;
      return [...value.text.replace(/[^\p{Script=Han}]/gu, '')].slice(0, PHRASE_MAX).join('') || '提醒';
    }
    case 'code': {
      if (type !== 'character_string') return clip(value.text, THING_MAX) || EMPTY;
      return value.text.replace(/[^\x21-\x7e]/g, '').slice(0, CODE_MAX) || '0';
    }
    case 'text':
      return clip(value.text, THING_MAX) || EMPTY;
  }
}

/** WeChat's `data`: each keyword of the template's mapping filled with the value it names. */
export function templateData(
  fields: Readonly<Record<string, string>>,
  values: Readonly<Record<string, TemplateValue>>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, name] of Object.entries(fields)) {
    const type = keywordType(key);
    const value = values[name];
    if (!type || !value) continue;
    data[key] = { value: keywordValue(type, value) };
  }
  return data;
}
