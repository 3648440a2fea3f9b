import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  COLLECTION_NAMES,
  CONTENT_COLLECTIONS,
  parseContent,
  validateProgram,
  type ContentCollection,
  type ContentProblem,
  type RawProgram,
} from '../shared/content';
import { REQUIRED_COLLECTIONS } from './schemas';

/**
 * `npm run content:validate [dir]` — checks a folder of content (`<collection>.json`, a JSON
 * array, or `<collection>.jsonl`, the cloud console's export: one document per line) and
 * prints a report by collection, `_id` and field in Chinese and English. Exit code 1 when
 * there is any error (warnings alone pass).
 */

export interface CliIo {
  out: (line: string) => void;
  /** The current instant, for "campaign already over" warnings. */
  now: () => number;
}

interface Loaded {
  raw: RawProgram;
  files: Partial<Record<ContentCollection, string>>;
  problems: ContentProblem[];
}

const fileProblem = (collection: ContentCollection, zh: string, en: string): ContentProblem => ({
  collection,
  id: '*',
  field: '',
  message_zh: zh,
  message_en: en,
  severity: 'error',
});

/** Reads one collection's documents; JSON Lines tolerate blank lines. */
function readCollection(dir: string, collection: ContentCollection): { docs: unknown[]; file: string } | { error: ContentProblem } | null {
  const json = join(dir, `${collection}.json`);
  const jsonl = join(dir, `${collection}.jsonl`);
  if (existsSync(json)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(json, 'utf8'));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        error: fileProblem(collection, `${collection}.json 不是合法的 JSON：${why}`, `${collection}.json is not valid JSON: ${why}`),
      };
    }
    if (!Array.isArray(parsed)) {
      return {
        error: fileProblem(
          collection,
          `${collection}.json 应为文档数组 [ {...}, {...} ]`,
          `${collection}.json must be an array of documents [ {...}, {...} ]`,
        ),
      };
    }
    return { docs: parsed, file: `${collection}.json` };
  }
  if (existsSync(jsonl)) {
    const docs: unknown[] = [];
    const lines = readFileSync(jsonl, 'utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      try {
        docs.push(JSON.parse(lines[i]));
      } catch {
        return {
          error: fileProblem(
            collection,
            `${collection}.jsonl 第 ${i + 1} 行不是合法的 JSON`,
            `${collection}.jsonl line ${i + 1} is not valid JSON`,
          ),
        };
      }
    }
    return { docs, file: `${collection}.jsonl` };
  }
  return null;
}

export function loadContentDir(dir: string): Loaded {
  const raw: RawProgram = {};
  const files: Loaded['files'] = {};
  const problems: ContentProblem[] = [];
  for (const c of CONTENT_COLLECTIONS) {
    const r = readCollection(dir, c);
    if (r === null) {
      if ((REQUIRED_COLLECTIONS as readonly string[]).includes(c)) {
        problems.push(fileProblem(c, `缺少文件 ${c}.json（或 ${c}.jsonl）`, `missing file ${c}.json (or ${c}.jsonl)`));
      }
      continue;
    }
    if ('error' in r) {
      problems.push(r.error);
      continue;
    }
    raw[c] = r.docs;
    files[c] = r.file;
  }
  return { raw, files, problems };
}

const MARK = { error: '✖', warning: '⚠' } as const;

/** The human report: one block per collection, problems grouped by document id. */
export function formatReport(dir: string, loaded: Loaded, problems: ContentProblem[]): string[] {
  const lines: string[] = [`内容校验 / Content validation: ${dir}`, ''];
  for (const c of CONTENT_COLLECTIONS) {
    const docs = loaded.raw[c];
    const mine = problems.filter((p) => p.collection === c);
    if (!docs && mine.length === 0) continue;
    const valid = docs ? parseContent(c, docs).valid.length : 0;
    const name = COLLECTION_NAMES[c];
    const file = loaded.files[c] ?? `${c}.json`;
    lines.push(`■ ${name.zh} ${name.en} (${file}) — ${valid}/${docs?.length ?? 0} 个文档有效 / valid documents`);
    if (mine.length === 0) lines.push('  ✔ 没有问题 / no problems');
    const ids = [...new Set(mine.map((p) => p.id))];
    for (const id of ids) {
      lines.push(`  _id: ${id}`);
      for (const p of mine.filter((x) => x.id === id)) {
        lines.push(`    ${MARK[p.severity]} ${p.field || '(文档 document)'}`);
        lines.push(`        ${p.message_zh}`);
        lines.push(`        ${p.message_en}`);
      }
    }
    lines.push('');
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const verdict = errors > 0 ? '未通过 / FAILED' : '通过 / PASSED';
  lines.push(`合计 / Total: ${errors} 个错误 error(s)，${warnings} 个警告 warning(s) → ${verdict}`);
  return lines;
}

const USAGE = [
  '用法 / Usage: tsx content/validate.ts [dir] [--json] [--now <ISO>] [--growth-sample <file.json>]',
  '  dir               内容目录，默认 content/demo / content folder, default content/demo',
  '  --json            以 JSON 输出问题列表 / print the problems as JSON',
  '  --now <ISO>       按该时间判断活动是否已结束 / judge "already over" at this instant',
  '  --growth-sample   活跃会员近 12 个月成长值数组，用于核对覆盖率 / active members’ window growth, to check coverage',
];

export function runValidate(argv: readonly string[], io: CliIo): number {
  let dir = 'content/demo';
  let json = false;
  let now: number = io.now();
  let sample: number[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      USAGE.forEach((l) => io.out(l));
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--now') {
      now = Date.parse(argv[++i] ?? '');
      if (!Number.isFinite(now)) {
        io.out('--now 需要带时区的 ISO 时间 / --now needs an ISO instant with offset');
        return 2;
      }
    } else if (a === '--growth-sample') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(argv[++i] ?? '', 'utf8'));
      } catch {
        parsed = null;
      }
      if (!Array.isArray(parsed) || !parsed.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        io.out('--growth-sample 文件应为数字数组 / --growth-sample must be a JSON array of numbers');
        return 2;
      }
      sample = parsed;
    } else if (a.startsWith('--')) {
      io.out(`未知参数 / unknown option: ${a}`);
      USAGE.forEach((l) => io.out(l));
      return 2;
    } else dir = a;
  }

  const abs = resolve(dir);
  if (!existsSync(abs)) {
    io.out(`目录不存在 / no such folder: ${dir}`);
    return 2;
  }
  const loaded = loadContentDir(abs);
  const report = validateProgram(loaded.raw, { now, activeWindowGrowths: sample });
  const problems = [...loaded.problems, ...report.problems];
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (json) io.out(JSON.stringify({ dir, errors, warnings: problems.length - errors, problems }, null, 2));
  else formatReport(dir, loaded, problems).forEach((l) => io.out(l));
  return errors > 0 ? 1 : 0;
}
