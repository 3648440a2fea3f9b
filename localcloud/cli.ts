/**
 * localcloud CLI:
 *   tsx localcloud/cli.ts [--port 7300] [--data ./.localcloud] [--seed] [--seed-dir content/demo]
 *     [--functions dist/cloudfunctions] [--static <dir>] [--strict-indexes]
 *     [--indexes content/indexes.json] [--host 127.0.0.1] [--tz UTC] [--quiet]
 *     [--console-validator <module>]
 *     [--function-env <file>] [--function-env-var <function>.<VAR>=<value> …] [--manual-triggers]
 * Prints exactly one line on stdout when ready: `localcloud ready http://127.0.0.1:<port>`.
 * Everything else goes to stderr.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalcloud } from './index';
import { FunctionEnvError, parseFunctionEnvAssignment, type FunctionEnv } from './src/functions/env';
import { FunctionConfigError } from './src/functions/config';

const USAGE = `usage: localcloud [--port <n>] [--data <dir>] [--seed] [--seed-dir <dir>] [--functions <dir>]
                  [--static <dir>] [--strict-indexes] [--indexes <file>] [--host <addr>] [--tz <zone>] [--quiet]
                  [--console-validator <module>]
                  [--function-env <file>] [--function-env-var <function>.<VAR>=<value> …] [--manual-triggers]`;

function fail(message: string): never {
  process.stderr.write(`localcloud: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '7300' },
        data: { type: 'string', default: './.localcloud' },
        seed: { type: 'boolean', default: false },
        'seed-dir': { type: 'string', default: 'content/demo' },
        functions: { type: 'string', default: 'dist/cloudfunctions' },
        static: { type: 'string' },
        'strict-indexes': { type: 'boolean', default: false },
        indexes: { type: 'string', default: 'content/indexes.json' },
        host: { type: 'string', default: '127.0.0.1' },
        tz: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'console-validator': { type: 'string' },
        'function-env': { type: 'string' },
        'function-env-var': { type: 'string', multiple: true },
        'manual-triggers': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Cloud function instances run in UTC; so do localcloud's, unless told otherwise.
  process.env.TZ = values.tz ?? process.env.TZ ?? 'UTC';

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port}`);
  const note = (message: string) => process.stderr.write(`[localcloud] ${message}\n`);
  const functionsDir = fs.existsSync(values.functions) ? values.functions : undefined;
  if (!functionsDir) note(`no functions directory at ${values.functions}: only the database, storage and openapi are served`);
  if (values.static && !fs.existsSync(values.static)) fail(`--static ${values.static} does not exist`);

  let functionEnv: FunctionEnv | undefined;
  try {
    for (const assignment of values['function-env-var'] ?? []) {
      const [fn, name, value] = parseFunctionEnvAssignment(assignment);
      functionEnv ??= {};
      functionEnv[fn] = { ...(functionEnv[fn] ?? {}), [name]: value };
    }
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }

  let localcloud;
  try {
    localcloud = await startLocalcloud({
      port,
      host: values.host,
      dataDir: values.data,
      functionsDir,
      staticDir: values.static,
      seedDir: values['seed-dir'],
      seed: values.seed,
      indexesFile: values.indexes,
      strictIndexes: values['strict-indexes'],
      quiet: values.quiet,
      consoleValidator: values['console-validator'],
      functionEnvFile: values['function-env'],
      functionEnv,
      autoTriggers: !values['manual-triggers'],
    });
  } catch (err) {
    if (err instanceof FunctionConfigError || err instanceof FunctionEnvError) fail(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use; stop the other process or pass --port <n>`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port}`);
    fail(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    note(`${signal}: stopping`);
    localcloud.stop().then(
      () => process.exit(0),
      (err: unknown) => fail(`error while stopping: ${String(err)}`),
    );
  };
  // Every request path answers its own errors; anything escaping is a localcloud bug, and one bug
  // must not take every in-flight call down with the process.
  process.on('unhandledRejection', (reason) => {
    note(
      `internal error (a localcloud bug, please report it): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.write(`localcloud ready ${localcloud.url}\n`);
}

void main();
