import type { Clock } from '../clock';
import type { Database, SortSpec } from '../db/database';
import type { IndexCatalog } from '../db/indexes';
import { cloneValue, generateId, idKey, isDocId, type Doc, type DocId, type IdKey } from '../db/values';
import { HttpError } from '../http/respond';
import { ConsoleFormatError, fromConsoleLines, normaliseConsoleValue, type JsonValue as LineValue } from './consoleLines';
import type {
  CollectionSummary,
  ConsoleProblem,
  DocumentsAnswer,
  ImportAnswer,
  ProblemCount,
  ValidationAnswer,
  WriteAnswer,
} from './protocol';
import { countProblems, writeReport, type ConsoleValidator, type ConsoleValidatorContext } from './validator';
import { idText, parseWireObject, toWire } from './wire';

/**
 * The database side of the console: browse, validate, insert, replace, delete, import and export.
 * Reads and writes go through the same `Database` as the admin API (journal, unique indexes,
 * open transactions' snapshots), so an edit here is exactly an edit in the cloud console.
 * Console queries are not index-checked: the cloud console scans too, and they would fill the
 * report of uncovered queries with shapes the product never runs.
 */

export const MAX_PAGE = 200;

/** A write refused because the validator found errors and the user did not insist. */
export class ValidationRefused extends HttpError {
  constructor(readonly problems: ConsoleProblem[]) {
    const { errors } = countProblems(problems);
    super(
      422,
      'VALIDATION_FAILED',
      `校验发现 ${errors} 个错误，确认后仍可保存 / the validator found ${errors} error(s); insist to save anyway`,
    );
  }
}

/** An import file the console format refuses, line by line. */
export class ImportRefused extends HttpError {
  constructor(readonly lines: ConsoleFormatError['problems']) {
    super(400, 'INVALID_IMPORT_FILE', `导入文件有 ${lines.length} 处问题 / the import file has ${lines.length} problem(s)`);
  }
}

interface Change {
  collection: string;
  put: Doc[];
  remove: DocId[];
}

export interface ListQuery {
  filter: string;
  sort: string;
  skip: number;
  limit: number;
}

const FILTER = { zh: '查询条件', en: 'filter' };
const SORT = { zh: '排序', en: 'sort' };
const DOCUMENT = { zh: '文档', en: 'document' };

export class ConsoleDocuments {
  constructor(
    private readonly database: Database,
    private readonly catalog: IndexCatalog,
    private readonly clock: Clock,
    private readonly validator: ConsoleValidator | null,
  ) {}

  private readonly now = () => this.clock.now();

  private validates(collection: string): boolean {
    return this.validator !== null && this.validator.collections.includes(collection);
  }

  private requireCollection(name: string): Map<IdKey, Doc> {
    const docs = this.database.collections.get(name);
    if (!docs) throw new HttpError(404, 'COLLECTION_NOT_FOUND', `集合 ${name} 不存在 / no collection named ${name}`);
    return docs;
  }

  /** The database as the validator sees it: stored, or as it would be after `change`. */
  private view(change?: Change): ConsoleValidatorContext {
    return {
      now: new Date(this.clock.now()),
      documents: (name) => {
        const stored = [...(this.database.collections.get(name)?.values() ?? [])];
        if (!change || change.collection !== name) return stored.map(cloneValue);
        const put = new Map(change.put.map((d) => [idKey(d._id), d]));
        const removed = new Set(change.remove.map(idKey));
        const out: Doc[] = [];
        for (const doc of stored) {
          const key = idKey(doc._id);
          if (removed.has(key)) continue;
          out.push(put.get(key) ?? doc);
          put.delete(key);
        }
        return [...out, ...put.values()].map(cloneValue);
      },
    };
  }

  private runValidator(context: ConsoleValidatorContext): ConsoleProblem[] {
    if (!this.validator) return [];
    try {
      return this.validator.validate(context);
    } catch (err) {
      throw new HttpError(
        500,
        'VALIDATOR_FAILED',
        `校验模块出错 / the console validator threw: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** What `change` would leave (nothing when the collection is not validated). */
  private report(change: Change): ConsoleProblem[] {
    if (!this.validates(change.collection)) return [];
    const before = this.runValidator(this.view());
    const after = this.runValidator(this.view(change));
    const written = new Set([...change.put.map((d) => idText(d._id)), ...change.remove.map(idText)]);
    return writeReport(before, after, change.collection, written);
  }

  private guard(change: Change, force: boolean): ValidationAnswer {
    const problems = this.report(change);
    const counts = countProblems(problems);
    if (counts.errors > 0 && !force) throw new ValidationRefused(problems);
    return { problems, ...counts };
  }

  summaries(): CollectionSummary[] {
    const stored = this.validator ? this.runValidator(this.view()) : [];
    const invalid = new Map<string, Set<string>>();
    for (const p of stored) {
      if (p.severity !== 'error') continue;
      let ids = invalid.get(p.collection);
      if (!ids) invalid.set(p.collection, (ids = new Set()));
      ids.add(p.id);
    }
    return [...this.database.collections]
      .map(([name, docs]) => ({
        name,
        count: docs.size,
        indexes: this.catalog.indexesOf(name).length,
        validated: this.validates(name),
        invalid: invalid.get(name)?.size ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async createCollection(name: string): Promise<void> {
    if (this.database.hasCollection(name))
      throw new HttpError(409, 'COLLECTION_EXISTS', `集合 ${name} 已存在 / collection ${name} already exists`);
    await this.database.createCollection(name);
  }

  list(collection: string, query: ListQuery): DocumentsAnswer {
    this.requireCollection(collection);
    const filter = query.filter.trim() ? parseWireObject(query.filter, FILTER, this.now) : {};
    const sort = query.sort.trim() ? this.parseSort(query.sort) : undefined;
    const limit = Math.min(Math.max(1, query.limit), MAX_PAGE);
    const skip = Math.max(0, query.skip);
    const total = this.database.count(collection, filter);
    const docs = this.database.find(collection, filter, { sort, skip, limit });
    const validated = this.validates(collection);
    const byId = new Map<string, ProblemCount>();
    const collectionProblems: ConsoleProblem[] = [];
    if (validated) {
      const stored = this.database.collections.get(collection) ?? new Map<IdKey, Doc>();
      const storedIds = new Set([...stored.values()].map((d) => idText(d._id)));
      for (const p of this.runValidator(this.view())) {
        if (p.collection !== collection) continue;
        if (!storedIds.has(p.id)) {
          collectionProblems.push(p);
          continue;
        }
        const count = byId.get(p.id) ?? { errors: 0, warnings: 0 };
        if (p.severity === 'error') count.errors++;
        else count.warnings++;
        byId.set(p.id, count);
      }
    }
    return {
      collection,
      total,
      skip,
      limit,
      validated,
      collectionProblems,
      rows: docs.map((doc) => ({
        id: toWire(doc._id),
        doc: toWire(doc) as DocumentsAnswer['rows'][number]['doc'],
        problems: validated ? (byId.get(idText(doc._id)) ?? { errors: 0, warnings: 0 }) : null,
      })),
    };
  }

  private parseSort(text: string): SortSpec {
    const value = parseWireObject(text, SORT, this.now);
    for (const [field, direction] of Object.entries(value)) {
      if (direction !== 1 && direction !== -1) {
        throw new HttpError(400, 'INVALID_SORT', `排序字段 ${field} 只能是 1 或 -1 / sort direction of ${field} must be 1 or -1`);
      }
    }
    return value as SortSpec;
  }

  /** The document the page sent, with its `_id` settled: kept when editing, generated when new. */
  private candidate(text: string, editing: DocId | null): Doc {
    const doc = parseWireObject(text, DOCUMENT, this.now);
    if (editing !== null) {
      if (doc._id !== undefined && idText(doc._id) !== idText(editing)) {
        throw new HttpError(
          400,
          'ID_CHANGED',
          '_id 不能修改：请新增一个文档再删除旧的 / _id cannot change: insert a new document and delete the old one',
        );
      }
      return { ...doc, _id: editing };
    }
    // An empty `_id` in the editor means "generate one", as the database does for a missing one.
    if (doc._id === undefined || doc._id === '') return { ...doc, _id: generateId() };
    if (!isDocId(doc._id))
      throw new HttpError(400, 'INVALID_ID', '_id 必须是字符串、数字或 ObjectId / _id must be a string, a number or an ObjectId');
    return doc as Doc;
  }

  private existing(collection: string, id: DocId): Doc | undefined {
    return this.requireCollection(collection).get(idKey(id));
  }

  /** Live validation of the editor's text (nothing is written). */
  check(collection: string, text: string, editing: DocId | null): ValidationAnswer {
    this.requireCollection(collection);
    const doc = this.candidate(text, editing);
    const problems = this.report({ collection, put: [doc], remove: [] });
    return { problems, ...countProblems(problems) };
  }

  async insert(collection: string, text: string, force: boolean): Promise<WriteAnswer> {
    this.requireCollection(collection);
    const doc = this.candidate(text, null);
    const answer = this.guard({ collection, put: [doc], remove: [] }, force);
    const { result, durable } = this.database.insert(collection, [doc]);
    await durable;
    return { ...answer, id: toWire(result[0]) };
  }

  async replace(collection: string, id: DocId, text: string, force: boolean): Promise<WriteAnswer> {
    if (!this.existing(collection, id)) throw this.notFound(id);
    const doc = this.candidate(text, id);
    const answer = this.guard({ collection, put: [doc], remove: [] }, force);
    const { durable } = this.database.update(collection, { _id: id }, { kind: 'replace', doc }, { multi: false, upsert: false });
    await durable;
    return { ...answer, id: toWire(id) };
  }

  async remove(collection: string, id: DocId, force: boolean): Promise<WriteAnswer> {
    if (!this.existing(collection, id)) throw this.notFound(id);
    const answer = this.guard({ collection, put: [], remove: [id] }, force);
    const { durable } = this.database.remove(collection, { _id: id }, { multi: false });
    await durable;
    return { ...answer, id: toWire(id) };
  }

  private notFound(id: DocId): HttpError {
    return new HttpError(404, 'DOCUMENT_NOT_FOUND', `没有 _id 为 ${idText(id)} 的文档 / no document with _id ${idText(id)}`);
  }

  /**
   * A cloud console import file into a collection. `upsert` replaces documents with the same
   * `_id` (the console's Upsert mode); `insert` refuses the file if any `_id` exists. All or nothing.
   */
  async importLines(collection: string, text: string, mode: 'upsert' | 'insert', force: boolean): Promise<ImportAnswer> {
    const stored = this.requireCollection(collection);
    let lines;
    try {
      lines = fromConsoleLines(text, { requireId: false });
    } catch (err) {
      if (err instanceof ConsoleFormatError) throw new ImportRefused(err.problems);
      throw err;
    }
    if (lines.length === 0) throw new HttpError(400, 'EMPTY_IMPORT', '导入文件里没有文档 / the file has no documents');
    const docs = lines.map((line) => {
      const doc = parseWireObject(JSON.stringify(line), DOCUMENT, this.now);
      return (doc._id === undefined ? { ...doc, _id: generateId() } : doc) as Doc;
    });
    const replaced = docs.filter((d) => stored.has(idKey(d._id)));
    if (mode === 'insert' && replaced.length > 0) {
      const ids = replaced
        .slice(0, 5)
        .map((d) => idText(d._id))
        .join(', ');
      throw new HttpError(
        409,
        'DUPLICATE_ID',
        `这些 _id 已存在：${ids}（选择「覆盖」模式可更新它们）/ these _ids exist: ${ids} (use upsert to replace them)`,
      );
    }
    const answer = this.guard({ collection, put: docs, remove: [] }, force);
    if (mode === 'insert') {
      await this.database.insert(collection, docs).durable;
    } else {
      await this.database.upsertDocuments(collection, docs);
    }
    return { ...answer, inserted: docs.length - replaced.length, replaced: replaced.length };
  }

  /** The collection (or what `filter` matches) in the cloud console's export format. */
  exportLines(collection: string, filterText: string): string {
    this.requireCollection(collection);
    const filter = filterText.trim() ? parseWireObject(filterText, FILTER, this.now) : {};
    const docs = this.database.find(collection, filter, {});
    return docs
      .map((doc) => {
        try {
          return `${JSON.stringify(normaliseConsoleValue(toWire(doc) as LineValue, ''))}\n`;
        } catch (err) {
          throw new HttpError(400, 'EXPORT_FAILED', `${idText(doc._id)}: ${err instanceof Error ? err.message : String(err)}`);
        }
      })
      .join('');
  }
}
