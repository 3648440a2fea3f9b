import type { z } from 'zod';
import { CONTENT_SCHEMAS, FIELD_DOCS, type ContentDocs } from './collections';
import { displayPath, docFor } from './fieldDoc';
import type { ContentCollection } from './ids';
import { issueMessage } from './messages';
import { problem, type ContentProblem } from './problems';
import { unknownKeys } from './unknownKeys';

export interface ParsedContent<T> {
  /** Documents that passed their schema, in input order, first of each `_id` only. */
  valid: T[];
  problems: ContentProblem[];
}

function docId(doc: unknown, index: number): string {
  if (typeof doc === 'object' && doc !== null && '_id' in doc) {
    const id = (doc as { _id: unknown })._id;
    if (typeof id === 'string' && id.length > 0) return id.length > 64 ? `${id.slice(0, 61)}…` : id;
  }
  return `#${index + 1}`;
}

/**
 * Checks every document of a collection against its schema. Broken documents are reported
 * (collection, `_id`, field, both languages) and skipped, so a function can always render a
 * page from the rest: an ops typo never fails a member's request. Later documents repeating an
 * `_id` are skipped too (the console prevents it, but imports and hand-made JSON do not).
 */
export function parseContent<C extends ContentCollection>(collection: C, docs: readonly unknown[]): ParsedContent<ContentDocs[C]> {
  const schema = CONTENT_SCHEMAS[collection];
  const fields = FIELD_DOCS[collection];
  const valid: ContentDocs[C][] = [];
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();

  docs.forEach((doc, index) => {
    const id = docId(doc, index);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      problems.push(problem(collection, id, '', { zh: '不是一个文档对象 {...}', en: 'is not a document object {...}' }));
      return;
    }
    for (const u of unknownKeys(schema as z.ZodTypeAny, doc)) {
      const field = displayPath([...u.path, u.key]);
      const hint = u.suggestion ? { zh: `，是否想写「${u.suggestion}」？`, en: `; did you mean "${u.suggestion}"?` } : { zh: '', en: '' };
      problems.push(
        problem(
          collection,
          id,
          field,
          { zh: `未知字段 ${field} 会被忽略${hint.zh}`, en: `Unknown field ${field} is ignored${hint.en}` },
          'warning',
        ),
      );
    }
    const result = schema.safeParse(doc);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = displayPath(issue.path);
        const message = issueMessage(issue, field, docFor(fields, issue.path));
        problems.push(problem(collection, id, field, message));
      }
      return;
    }
    const parsedId = String((result.data as { _id: string })._id);
    if (seen.has(parsedId)) {
      problems.push(
        problem(collection, parsedId, '_id', {
          zh: `_id「${parsedId}」重复，只使用第一份，本文档被忽略`,
          en: `duplicate _id "${parsedId}": only the first document is used, this one is skipped`,
        }),
      );
      return;
    }
    seen.add(parsedId);
    valid.push(result.data);
  });

  return { valid, problems };
}
