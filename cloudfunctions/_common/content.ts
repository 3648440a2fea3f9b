import { performance } from 'node:perf_hooks';
import { CONTENT_COLLECTIONS, type ContentCollection } from '@shared/content/ids';
import type { ContentProblem } from '@shared/content/problems';
import { validateProgram, type Program, type RawProgram } from '@shared/content/validateProgram';
import type { Database } from './db';

/**
 * Ops content (tiers, badges, tree nodes, packs, settings, staff), read once per function
 * instance and kept for `ttlMs` — measured on `performance.now()`, which a test clock does not
 * move. Each load goes through `validateProgram`: broken documents are skipped (and logged once,
 * by collection, `_id` and field), so an ops typo never fails a member's page.
 *
 * Pack stock lives in the `benefit_packs` documents but changes with every redemption: it is
 * never taken from this cache (`stock.ts` reads and takes it on the live document). The `holds`
 * the functions keep on a pack document (`shared/domain/stockHolds.ts`) are not ops content:
 * they are left out here, so they neither reach the program nor show up in the content report.
 */
export interface ContentOptions {
  ttlMs?: number;
  warn?: (message: string) => void;
}

const DEFAULT_TTL_MS = 30_000;

function withoutHolds(doc: { _id: string; holds?: unknown }): { _id: string } {
  const { holds: _holds, ...content } = doc;
  return content;
}
/** Content collections are small; more than this is an ops mistake, reported, never loaded whole. */
const MAX_DOCS = 1000;

export class ContentCache {
  private cached: { program: Program; at: number } | null = null;
  private loading: Promise<Program> | null = null;
  private readonly logged = new Set<string>();
  private readonly ttlMs: number;
  private readonly warn: (message: string) => void;

  constructor(
    private readonly db: Database,
    options: ContentOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /** The valid program, from cache when fresh. Concurrent callers share one load. */
  async program(): Promise<Program> {
    if (this.cached && performance.now() - this.cached.at < this.ttlMs) return this.cached.program;
    if (!this.loading) {
      this.loading = this.load().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** The raw documents, fresh from the database (what `ops.validate` checks), without the functions' own fields. */
  async raw(): Promise<RawProgram> {
    const entries = await Promise.all(
      CONTENT_COLLECTIONS.map(async (c): Promise<[ContentCollection, unknown[]]> => {
        const docs = await this.db.pages<{ _id: string }>(c, {}, MAX_DOCS);
        return [c, c === 'benefit_packs' ? docs.map(withoutHolds) : docs];
      }),
    );
    return Object.fromEntries(entries) as RawProgram;
  }

  private async load(): Promise<Program> {
    const report = validateProgram(await this.raw());
    this.report(report.problems);
    this.cached = { program: report.program, at: performance.now() };
    return report.program;
  }

  /** Logs each problem once per instance: collection, `_id`, field and what is wrong. */
  private report(problems: readonly ContentProblem[]): void {
    for (const p of problems) {
      const key = `${p.collection}|${p.id}|${p.field}|${p.message_en}`;
      if (this.logged.has(key)) continue;
      this.logged.add(key);
      const what = p.severity === 'error' ? 'skipped or defaulted' : 'warning';
      this.warn(`[content] ${what}: ${p.collection}/${p.id}${p.field ? ` field ${p.field}` : ''}: ${p.message_en}`);
    }
  }
}
