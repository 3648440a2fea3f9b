/**
 * Entry of `npm run content:validate [dir]` (`tsx content/validate.ts`). The logic is in
 * `validateReport.ts`, which the tests drive without a process.
 */
import { runValidate } from './validateReport';

process.exitCode = runValidate(process.argv.slice(2), { out: (line) => console.log(line), now: () => Date.now() });
