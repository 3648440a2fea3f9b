/**
 * The project's content checks, plugged into localcloud's console (`--console-validator
 * content/consoleValidator.ts`; `npm start` passes it): the console runs them on the database as
 * stored and as it would be after an edit, and shows the report by `_id` and field in Chinese and
 * English before saving. The same `validateProgram` as `npm run content:validate`, `ops.validate`
 * and each function's content load, so the console flags exactly what the functions would skip.
 */
import type { ConsoleValidator } from '../localcloud';
import { CONTENT_COLLECTIONS, validateProgram, type RawProgram } from '../shared/content';

export const consoleValidator: ConsoleValidator = {
  collections: CONTENT_COLLECTIONS,
  validate({ now, documents }) {
    const raw: RawProgram = {};
    for (const collection of CONTENT_COLLECTIONS) raw[collection] = documents(collection);
    return validateProgram(raw, { now: now.getTime() }).problems;
  },
};
