/**
 * The WeChat cloud console's database import/export format, and the form `content/demo/` keeps.
 *
 * Console (导入/导出): JSON Lines — one document per line, `{"$date": "<ISO>"}` dates. The codec
 * is localcloud's (`localcloud/src/console/consoleLines.ts`), shared with its local console so
 * both read and write exactly what the cloud console does; content documents add one rule: each
 * needs a fixed string `_id`.
 *
 * Content form (`content/demo/<collection>.json`): a pretty JSON array, dates as
 * `{"$date": "<ISO>"}` — which localcloud `--seed` reads as a database Date, like the console.
 * Both sides normalise a date to the same ISO text, so export → import gives back the file.
 */
import {
  fromConsoleLines as readLines,
  toConsoleLines as writeLines,
  type JsonObject,
  type JsonValue,
} from '../localcloud/src/console/consoleLines';

export { ConsoleFormatError, type FormatProblem, type JsonObject, type JsonValue } from '../localcloud/src/console/consoleLines';

const CONTENT = { requireId: true };

/** Content documents → the console's import file (JSON Lines, trailing newline). */
export function toConsoleLines(docs: readonly JsonValue[]): string {
  return writeLines(docs, CONTENT);
}

/** A console export (JSON Lines; a JSON array is accepted too) → content documents. */
export function fromConsoleLines(text: string): JsonObject[] {
  return readLines(text, CONTENT);
}

/** The content form of a collection: a pretty JSON array, as `content/demo/` keeps it. */
export function toContentFile(docs: readonly JsonObject[]): string {
  return `${JSON.stringify(docs, null, 2)}\n`;
}
