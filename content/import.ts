/**
 * `npm run content:import -- <file> [<file> …] [--out content/demo] [--collection <name>]`
 *
 * Reads a collection exported from the cloud console (数据库 → 集合 → 导出, JSON format: JSON
 * Lines with `{"$date": …}` dates) back into content form: `<out>/<collection>.json`, a pretty
 * JSON array, replacing that file — the export is the whole collection. The collection is the
 * file's name (`benefit_packs.json`, `tiers.jsonl`) unless `--collection` names it (the console
 * names its downloads after the export job). Each imported collection is then checked against its
 * schema and its problems printed, so ops see at once what the console let through.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_COLLECTIONS, parseContent, type ContentCollection } from '../shared/content';
import { PACK_SYSTEM_FIELDS } from '../shared/content/benefitPacks';
import { ConsoleFormatError, fromConsoleLines, toContentFile, type JsonObject, type JsonValue } from './consoleFormat';

export interface ImportOptions {
  files: string[];
  out: string;
  collection: ContentCollection | null;
}

type Out = (line: string) => void;

function isCollection(name: string): name is ContentCollection {
  return (CONTENT_COLLECTIONS as readonly string[]).includes(name);
}

function collectionOf(file: string, named: ContentCollection | null): ContentCollection | null {
  if (named) return named;
  const base = path.basename(file).replace(/\.(jsonl|json|ndjson)$/i, '');
  return isCollection(base) ? base : null;
}

/** Dates back to Date values for the schema check (the content file keeps `{"$date": …}`). */
function revive(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  if (Object.keys(value).length === 1 && typeof value.$date === 'string') return new Date(value.$date);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
}

/** The functions' own fields (a pack's live `holds`) never go into a content file. */
function withoutSystemFields(collection: ContentCollection, docs: JsonObject[]): { docs: JsonObject[]; dropped: number } {
  if (collection !== 'benefit_packs') return { docs, dropped: 0 };
  let dropped = 0;
  const kept = docs.map((doc) => {
    const copy: JsonObject = { ...doc };
    for (const field of PACK_SYSTEM_FIELDS) {
      if (field in copy) {
        delete copy[field];
        dropped++;
      }
    }
    return copy;
  });
  return { docs: kept, dropped };
}

function report(collection: ContentCollection, docs: readonly JsonObject[], out: Out): void {
  const { valid, problems } = parseContent(collection, docs.map(revive));
  out(`  ${valid.length}/${docs.length} 个文档通过校验 / documents valid`);
  for (const p of problems)
    out(`  ${p.severity === 'error' ? '✖' : '⚠'} ${p.id} ${p.field || '(文档 document)'}: ${p.message_zh} / ${p.message_en}`);
}

export function importContent(options: ImportOptions, out: Out): number {
  let code = 0;
  for (const file of options.files) {
    const collection = collectionOf(file, options.collection);
    if (!collection) {
      out(
        `✖ ${file}: 无法从文件名判断集合，请加 --collection <集合名> / cannot tell the collection from the name: add --collection <name>`,
      );
      code = 2;
      continue;
    }
    let docs: JsonObject[];
    try {
      docs = fromConsoleLines(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      if (!(e instanceof ConsoleFormatError)) throw e;
      for (const p of e.problems) out(`✖ ${file} 第 ${p.at} 行 line ${p.at} ${p.id}: ${p.message_zh} / ${p.message_en}`);
      code = 1;
      continue;
    }
    const cleaned = withoutSystemFields(collection, docs);
    docs = cleaned.docs;
    if (cleaned.dropped > 0) {
      out(`  已去掉 ${cleaned.dropped} 处系统维护的字段（${PACK_SYSTEM_FIELDS.join('、')}）/ dropped system-maintained fields`);
    }
    fs.mkdirSync(options.out, { recursive: true });
    const target = path.join(options.out, `${collection}.json`);
    fs.writeFileSync(target, toContentFile(docs));
    out(`✔ ${file} → ${target}（${docs.length} 个文档 documents）`);
    report(collection, docs, out);
  }
  return code;
}

const USAGE = 'Usage: tsx content/import.ts <file> [<file> …] [--out content/demo] [--collection <name>]';

export function parseImportArgs(argv: readonly string[], root: string): ImportOptions | string {
  const options: ImportOptions = { files: [], out: path.join(root, 'content', 'demo'), collection: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') {
      const v = argv[++i];
      if (!v) return `--out 需要一个目录 / needs a folder\n${USAGE}`;
      options.out = path.resolve(v);
    } else if (a === '--collection') {
      const v = argv[++i] ?? '';
      if (!isCollection(v)) return `--collection 应为 ${CONTENT_COLLECTIONS.join(' / ')} 之一 / must be one of them\n${USAGE}`;
      options.collection = v;
    } else if (a.startsWith('--')) return `未知参数 / unknown option: ${a}\n${USAGE}`;
    else options.files.push(path.resolve(a));
  }
  if (options.files.length === 0) return `请给出要导入的文件 / name a file to import\n${USAGE}`;
  if (options.collection && options.files.length > 1) return `--collection 只能配合一个文件 / --collection takes one file\n${USAGE}`;
  return options;
}

if (require.main === module) {
  const options = parseImportArgs(process.argv.slice(2), path.resolve(__dirname, '..'));
  if (typeof options === 'string') {
    console.error(options);
    process.exitCode = 2;
  } else {
    process.exitCode = importContent(options, (line) => console.log(line));
  }
}
