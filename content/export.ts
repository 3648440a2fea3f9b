/**
 * `npm run content:export [-- --from content/demo] [--out dist/content] [--include-staff] [--force]`
 *
 * Writes each content collection of a folder (`<collection>.json` arrays, as `content/demo/`)
 * to `<out>/<collection>.json` in the cloud console's import format: JSON Lines, dates as
 * `{"$date": "<ISO>"}` (see consoleFormat.ts). Ops then import each file into the collection of
 * the same name (数据库 → 集合 → 导入, conflict mode Upsert). The content is validated first: a
 * program with errors is not exported unless `--force`. `staff` is left out unless asked for —
 * the demo staff are local identities, never a production environment's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_COLLECTIONS, validateProgram, type ContentCollection, type RawProgram } from '../shared/content';
import { ConsoleFormatError, toConsoleLines, type JsonValue } from './consoleFormat';

export interface ExportOptions {
  from: string;
  out: string;
  includeStaff: boolean;
  force: boolean;
}

export interface ExportResult {
  code: number;
  files: Array<{ collection: ContentCollection; file: string; documents: number }>;
}

type Out = (line: string) => void;

/** `{"$date": …}` as a Date, so the schemas (which accept the console's Date type) can check the documents. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length === 1 && '$date' in record) {
    const d = new Date(record.$date as string | number);
    return Number.isFinite(d.getTime()) ? d : record;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
}

function readArray(file: string): JsonValue[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonValue;
  if (!Array.isArray(parsed)) throw new Error(`${file} 应为文档数组 / must be an array of documents`);
  return parsed;
}

export function exportContent(options: ExportOptions, out: Out): ExportResult {
  const collections = CONTENT_COLLECTIONS.filter((c) => options.includeStaff || c !== 'staff');
  const docs = new Map<ContentCollection, JsonValue[]>();
  for (const c of collections) {
    const file = path.join(options.from, `${c}.json`);
    if (fs.existsSync(file)) docs.set(c, readArray(file));
  }
  if (docs.size === 0) {
    out(`${options.from} 中没有内容文件 / no content files in ${options.from}`);
    return { code: 2, files: [] };
  }

  const raw: RawProgram = Object.fromEntries([...docs].map(([c, list]) => [c, list.map(revive)]));
  const report = validateProgram(raw);
  if (report.errors > 0) {
    out(
      `内容有 ${report.errors} 个错误，请先运行 npm run content:validate 修正 / ${report.errors} error(s): run npm run content:validate first`,
    );
    if (!options.force) return { code: 1, files: [] };
    out('--force：仍然导出 / exporting anyway');
  }

  const files: ExportResult['files'] = [];
  fs.mkdirSync(options.out, { recursive: true });
  for (const [collection, list] of docs) {
    let lines: string;
    try {
      lines = toConsoleLines(list);
    } catch (e) {
      if (!(e instanceof ConsoleFormatError)) throw e;
      for (const p of e.problems) out(`✖ ${collection} ${p.id}: ${p.message_zh} / ${p.message_en}`);
      return { code: 1, files };
    }
    const file = path.join(options.out, `${collection}.json`);
    fs.writeFileSync(file, lines);
    files.push({ collection, file, documents: list.length });
    out(`✔ ${collection.padEnd(14)} ${String(list.length).padStart(3)} 个文档 documents → ${file}`);
  }
  if (!options.includeStaff) out('（staff 未导出：正式环境请登记员工本人的 OPENID / staff not exported: enrol real staff OPENIDs）');
  out(
    '在云开发控制台 → 数据库 → 选择同名集合 → 导入，冲突处理选 Upsert / Console → Database → same-named collection → Import, mode Upsert',
  );
  return { code: 0, files };
}

const USAGE = 'Usage: tsx content/export.ts [--from content/demo] [--out dist/content] [--include-staff] [--force]';

export function parseExportArgs(argv: readonly string[], root: string): ExportOptions | string {
  const options: ExportOptions = {
    from: path.join(root, 'content', 'demo'),
    out: path.join(root, 'dist', 'content'),
    includeStaff: false,
    force: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from' || a === '--out') {
      const v = argv[++i];
      if (!v) return `${a} 需要一个目录 / needs a folder\n${USAGE}`;
      options[a === '--from' ? 'from' : 'out'] = path.resolve(v);
    } else if (a === '--include-staff') options.includeStaff = true;
    else if (a === '--force') options.force = true;
    else return `未知参数 / unknown option: ${a}\n${USAGE}`;
  }
  return options;
}

if (require.main === module) {
  const options = parseExportArgs(process.argv.slice(2), path.resolve(__dirname, '..'));
  if (typeof options === 'string') {
    console.error(options);
    process.exitCode = 2;
  } else {
    process.exitCode = exportContent(options, (line) => console.log(line)).code;
  }
}
