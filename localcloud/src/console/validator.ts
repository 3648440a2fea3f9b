import path from 'node:path';
import type { ConsoleProblem } from './protocol';

/**
 * The console's validation hook. localcloud knows nothing of the documents a project keeps; a
 * project may plug in a module (`--console-validator <module>` / `consoleValidator`) that checks
 * some collections the way its own code does. The console runs it on a view of the database —
 * as stored (to flag documents in the lists) and as it would be after a write (to report before
 * saving) — and compares the two, so a write is judged by what it breaks, wherever that is.
 */
export interface ConsoleValidatorContext {
  /** localcloud's clock (it may have been moved). */
  now: Date;
  /** The documents of a collection in this view: copies, in storage order. */
  documents(collection: string): Record<string, unknown>[];
}

export interface ConsoleValidator {
  /** The collections it checks; writes elsewhere are not validated. */
  collections: readonly string[];
  /** Every problem of the view, by collection, `_id` and field. */
  validate(context: ConsoleValidatorContext): ConsoleProblem[];
}

function isValidator(value: unknown): value is ConsoleValidator {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ConsoleValidator>;
  return Array.isArray(v.collections) && v.collections.every((c) => typeof c === 'string') && typeof v.validate === 'function';
}

/**
 * A validator object, or the path of a module exporting one as `consoleValidator` or `default`
 * (TypeScript works where localcloud runs under tsx or jest).
 */
export function loadConsoleValidator(spec: ConsoleValidator | string, cwd = process.cwd()): ConsoleValidator {
  if (typeof spec !== 'string') {
    if (!isValidator(spec)) throw new Error('consoleValidator must have collections: string[] and validate(context)');
    return spec;
  }
  const file = path.resolve(cwd, spec);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module named at run time
  const loaded = require(file) as { consoleValidator?: unknown; default?: unknown };
  const candidate = loaded.consoleValidator ?? loaded.default;
  if (!isValidator(candidate)) {
    throw new Error(`${spec} must export consoleValidator (or a default export) = { collections: string[], validate(context) }`);
  }
  return candidate;
}

export function countProblems(problems: readonly ConsoleProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

const problemKey = (p: ConsoleProblem) => `${p.collection}\u0000${p.id}\u0000${p.field}\u0000${p.message_en}`;

/**
 * What a write would leave: every problem of the written documents, plus problems elsewhere that
 * the stored state does not have (e.g. a pack now overlapping another one).
 */
export function writeReport(
  before: readonly ConsoleProblem[],
  after: readonly ConsoleProblem[],
  collection: string,
  writtenIds: ReadonlySet<string>,
): ConsoleProblem[] {
  const existing = new Set(before.map(problemKey));
  return after.filter((p) => (p.collection === collection && writtenIds.has(p.id)) || !existing.has(problemKey(p)));
}
