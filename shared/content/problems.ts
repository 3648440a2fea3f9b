import type { ContentCollection } from './ids';

/**
 * One thing wrong with ops content, located by collection, document `_id` and field, in both
 * languages. `error`: the document (or the program) is wrong and is skipped or falls back;
 * `warning`: it works but probably not as meant (a typo'd optional field, a sold-out pack…).
 */
export interface ContentProblem {
  collection: ContentCollection;
  /** The document's `_id`, or `#n` (1-based position) when it has none; `*` for the whole collection. */
  id: string;
  /** Dotted path such as `checkin.streakBonuses[0].days`; '' for the whole document. */
  field: string;
  message_zh: string;
  message_en: string;
  severity: 'error' | 'warning';
}

export function problem(
  collection: ContentCollection,
  id: string,
  field: string,
  message: { zh: string; en: string },
  severity: ContentProblem['severity'] = 'error',
): ContentProblem {
  return { collection, id, field, message_zh: message.zh, message_en: message.en, severity };
}

export function countBySeverity(problems: readonly ContentProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
