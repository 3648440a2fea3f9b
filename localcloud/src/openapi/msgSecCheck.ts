import { randomBytes } from 'node:crypto';
import { wxError, wxOk, type OpenApiResult } from './result';

/**
 * security.msgSecCheck. Version 2 (`version: 2`, needs `openid` and `scene` 1–4) answers
 * `{result: {suggest, label}, detail: [...], trace_id}` with suggest pass | risky; version 1 answers
 * errcode 87014 for risky content. A small built-in word list stands in for WeChat's models; a test
 * can always trigger a hit with the marker word "localcloud-risky".
 */

/** Label codes from WeChat's docs: 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar. */
const WORDS: Array<[word: string, label: number]> = [
  ['localcloud-risky', 20001],
  ['加微信', 10001],
  ['代开发票', 10001],
  ['刷单', 20008],
  ['赌博', 20006],
  ['博彩', 20006],
  ['毒品', 20006],
  ['枪支', 20006],
  ['色情', 20002],
  ['约炮', 20002],
  ['傻逼', 20003],
  ['操你', 20003],
  ['fuck', 20003],
  ['诈骗', 20008],
];

function findRisk(text: string): { word: string; label: number } | null {
  const lower = text.toLowerCase();
  for (const [word, label] of WORDS) if (lower.includes(word.toLowerCase())) return { word, label };
  return null;
}

export function msgSecCheck(params: Record<string, unknown>): OpenApiResult {
  const content = params.content;
  if (typeof content !== 'string' || content.length === 0) return wxError(47001, 'data format error: content is required');
  if (content.length > 2500) return wxError(47001, 'data format error: content is longer than 2500 characters');
  const texts = [content, params.title, params.nickname, params.signature].filter((t): t is string => typeof t === 'string');
  const risk = texts.map(findRisk).find((r) => r !== null) ?? null;

  if (params.version !== 2) {
    return risk ? wxError(87014, 'risky content') : wxOk();
  }
  if (typeof params.openid !== 'string' || params.openid.length === 0) return wxError(40003, 'invalid openid');
  if (typeof params.scene !== 'number' || ![1, 2, 3, 4].includes(params.scene)) {
    return wxError(40097, 'invalid args: scene must be 1, 2, 3 or 4');
  }
  const suggest = risk ? 'risky' : 'pass';
  const label = risk ? risk.label : 100;
  return wxOk({
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risk ? 90 : 0, ...(risk ? { keyword: risk.word } : {}) }],
    trace_id: randomBytes(12).toString('hex'),
  });
}
