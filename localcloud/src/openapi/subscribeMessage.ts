import fs from 'node:fs';
import path from 'node:path';
import { isPlainObject } from '../db/values';
import { wxError, wxOk, type OpenApiResult } from './result';

/** A subscribe message that a function sent, as WeChat received it (snake_case fields). */
export interface OutboxMessage {
  msgid: number;
  api: 'subscribeMessage.send';
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, unknown>;
  miniprogram_state: string;
  lang: string;
  sentAt: string;
  /** The sending invocation (function name, request id, caller openid), when known. */
  from: { function: string; requestId: string; openid: string | null } | null;
}

const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

// ---- template values (WeChat's "订阅消息参数值内容限制说明") ----------------------------------

const HAN = /\p{Script=Han}/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const DATE_PART = String.raw`(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2})`;
const TIME_PART = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const TIME_POINT = String.raw`(?:${DATE_PART}\s*)?${TIME_PART}`;
const DATE_POINT = String.raw`${DATE_PART}(?:\s*${TIME_PART})?`;
const TIME_VALUE = new RegExp(String.raw`^${TIME_POINT}(?:\s*~\s*${TIME_POINT})?$`);
const DATE_VALUE = new RegExp(String.raw`^${DATE_POINT}(?:\s*~\s*${DATE_POINT})?$`);

const chars = (value: string) => [...value].length;

/**
 * What each keyword type accepts. A template's keywords are named by type and number (`thing1`,
 * `character_string2`, `phone_number3`); a value outside its type's rule is refused with 47003, as
 * WeChat refuses it. Keywords of other types (enum, …) are not checked.
 */
const VALUE_RULES: Record<string, { rule: string; ok: (v: string) => boolean }> = {
  thing: { rule: '20个以内字符 / at most 20 characters', ok: (v) => chars(v) <= 20 },
  number: { rule: '32位以内数字，可带小数 / up to 32 digits, decimals allowed', ok: (v) => v.length <= 32 && /^\d+(?:\.\d+)?$/.test(v) },
  letter: { rule: '32位以内字母 / up to 32 letters', ok: (v) => /^[A-Za-z]{1,32}$/.test(v) },
  symbol: { rule: '5位以内符号 / up to 5 symbols', ok: (v) => chars(v) <= 5 && !/[\p{L}\p{N}]/u.test(v) },
  character_string: {
    rule: '32位以内数字、字母或符号 / up to 32 digits, letters or symbols',
    ok: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  },
  time: { rule: '24小时制时间，可带年月日 / a 24-hour time, optionally with a date', ok: (v) => TIME_VALUE.test(v) },
  date: { rule: '年月日格式，可带时间 / a date, optionally with a time', ok: (v) => DATE_VALUE.test(v) },
  amount: {
    rule: '1个币种符号+10位以内纯数字，可带小数，结尾可带“元” / a currency sign and up to 10 digits',
    ok: (v) => /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v),
  },
  phone_number: { rule: '17位以内数字、符号 / up to 17 digits and symbols', ok: (v) => /^[\d+\-() ]{1,17}$/.test(v) },
  car_number: {
    rule: '8位以内，首尾可为汉字，其余为字母或数字 / up to 8: letters and digits, Chinese first and last',
    ok: (v) => chars(v) <= 8 && /^\p{Script=Han}?[A-Za-z0-9]+\p{Script=Han}?$/u.test(v),
  },
  name: {
    rule: '10个以内汉字或20个以内字母 / up to 10 Chinese characters or 20 letters',
    ok: (v) => (HAN.test(v) ? chars(v) <= 10 : chars(v) <= 20),
  },
  phrase: { rule: '5个以内纯汉字 / up to 5 Chinese characters', ok: (v) => /^\p{Script=Han}{1,5}$/u.test(v) },
};

const KEYWORD = /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)\d+$/;

/** Why a keyword's value would be refused, or null. */
export function keywordProblem(key: string, value: string): string | null {
  if (value.length === 0) return `data.${key}.value is empty`;
  if (CONTROL.test(value)) return `data.${key}.value has a control character`;
  const type = KEYWORD.exec(key)?.[1];
  const rule = type ? VALUE_RULES[type] : undefined;
  if (rule && !rule.ok(value)) return `data.${key}.value does not fit ${type}: ${rule.rule}`;
  return null;
}

export interface OutboxOptions {
  /** Where sent messages are kept (JSON lines): they survive a restart and a kill -9, as what WeChat received does. */
  file?: string;
  /** fsync each message before answering (default true). */
  fsync?: boolean;
  /** The app's page paths: a `page` outside them is refused with 41030; unknown → not checked. */
  pages?: string[];
}

export class Outbox {
  private messages: OutboxMessage[] = [];
  private nextId = 1;

  constructor(private readonly options: OutboxOptions = {}) {
    if (options.file) this.load(options.file);
  }

  /** Messages sent before a restart; a line torn by a kill was never answered and is skipped. */
  private load(file: string): void {
    if (!fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const message = JSON.parse(line) as OutboxMessage;
        if (typeof message.msgid === 'number') this.messages.push(message);
      } catch {
        // a torn last line
      }
    }
    this.nextId = this.messages.reduce((max, m) => Math.max(max, m.msgid), 0) + 1;
  }

  private persist(message: OutboxMessage): void {
    const { file, fsync = true } = this.options;
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'a');
    try {
      fs.writeSync(fd, `${JSON.stringify(message)}\n`);
      if (fsync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  list(): OutboxMessage[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages = [];
    if (this.options.file && fs.existsSync(this.options.file)) fs.truncateSync(this.options.file, 0);
  }

  /**
   * subscribeMessage.send: validates like WeChat (40003 openid, 40037 template, 47003 data and
   * its keyword values, 41030 page) and records the message — kept before the answer, so a
   * message answered as sent is never lost by a crash.
   */
  send(params: Record<string, unknown>, sentAt: string, from: OutboxMessage['from']): OpenApiResult {
    const { touser, template_id: templateId, data } = params;
    if (typeof touser !== 'string' || !OPENID.test(touser)) return wxError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId.length === 0) return wxError(40037, 'invalid template_id');
    if (!isPlainObject(data) || Object.keys(data).length === 0) return wxError(47003, 'argument invalid! data is empty');
    for (const [key, item] of Object.entries(data)) {
      if (!isPlainObject(item) || typeof item.value !== 'string') return wxError(47003, `argument invalid! data.${key}.value is empty`);
      const problem = keywordProblem(key, item.value);
      if (problem) return wxError(47003, `argument invalid! ${problem}`);
    }
    const state = params.miniprogram_state === undefined ? 'formal' : params.miniprogram_state;
    if (typeof state !== 'string' || !STATES.has(state)) return wxError(47003, 'argument invalid! miniprogram_state');
    const lang = params.lang === undefined ? 'zh_CN' : params.lang;
    if (typeof lang !== 'string' || !LANGS.has(lang)) return wxError(47003, 'argument invalid! lang');
    const page = params.page;
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
      return wxError(47003, 'argument invalid! page must be a path without a leading "/"');
    }
    if (typeof page === 'string' && this.options.pages && !this.options.pages.includes(page.split('?')[0])) {
      return wxError(41030, `invalid page: ${page.split('?')[0]} is not a page of the app`);
    }
    const message: OutboxMessage = {
      msgid: this.nextId++,
      api: 'subscribeMessage.send',
      touser,
      template_id: templateId,
      page: typeof page === 'string' ? page : null,
      data,
      miniprogram_state: state,
      lang,
      sentAt,
      from,
    };
    this.persist(message);
    this.messages.push(message);
    return wxOk({ msgid: message.msgid });
  }
}
