import { CONTENT_COLLECTIONS, type ContentCollection } from '@shared/content/ids';
import { parseContent } from '@shared/content/parseContent';
import { validateProgram } from '@shared/content/validateProgram';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/**
 * `ops.validate` — the content report on the live database (the same checks as `npm run
 * content:validate`): every problem by collection, `_id` and field in Chinese and English, and
 * how many documents of each collection are in use or skipped.
 *
 * Round trips: the staff record, the caller's member (2) · each content collection, fresh (6).
 */
export const validate = contractAction('ops', 'validate', async (_input, ctx: RequestContext) => {
  const raw = await ctx.services.content.raw();
  const report = validateProgram(raw, { now: ctx.now });
  const counts = Object.fromEntries(
    CONTENT_COLLECTIONS.map((c) => {
      const docs = raw[c] ?? [];
      const valid = parseContent(c, docs).valid.length;
      return [c, { valid, skipped: docs.length - valid }];
    }),
  ) as Record<ContentCollection, { valid: number; skipped: number }>;
  return { ok: report.errors === 0, errors: report.errors, warnings: report.warnings, problems: report.problems, counts };
});
