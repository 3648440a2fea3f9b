import fs from 'node:fs';
import path from 'node:path';
import { AdminApi } from './admin/dispatch';
import { Clock } from './clock';
import { ConsoleServer } from './console/server';
import { loadConsoleValidator, type ConsoleValidator } from './console/validator';
import { createDatabaseActions } from './db/actions';
import { Database } from './db/database';
import { IndexCatalog, type UncoveredQuery } from './db/indexes';
import { mergeFunctionEnv, parseFunctionEnv, readFunctionEnvFile, type FunctionEnv } from './functions/env';
import { InvocationRegistry, type Identity, type InvocationSummary } from './functions/invocations';
import { FunctionRunner, WX_CONTEXT_KEYS, type InvokeResult } from './functions/runner';
import { Gateway } from './gateway';
import { createHttpServer, listen } from './http/server';
import { HttpAccess } from './httpAccess';
import { createLogger } from './log';
import { createOpenApiActions } from './openapi/openapi';
import { OpenApiFaults, parseFaultSpec, type OpenApiFault, type OpenApiFaultSpec } from './openapi/faults';
import { Outbox, type OutboxMessage } from './openapi/subscribeMessage';
import { readSeedDir } from './seed';
import { Storage } from './storage/storage';
import { TriggerScheduler, type TriggerListing } from './triggers/scheduler';

/** A seed directory may hold the functions' demo environment variables under this name. */
export const SEED_FUNCTION_ENV_FILE = 'functions.env.json';

export interface LocalcloudOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Where data (database journal, storage files) lives. Required. */
  dataDir: string;
  /** Built functions: `<dir>/<name>/index.js` (+ optional config.json). */
  functionsDir?: string;
  /** A static site (the H5 build) served at `/` with SPA fallback. */
  staticDir?: string;
  /** Seed content: `<collection>.json` arrays of documents (see README). */
  seedDir?: string;
  /** Upsert the seed documents at start (keeps other data). */
  seed?: boolean;
  /** The console's index list (see README). Collections it names are created if missing. */
  indexesFile?: string;
  /** Fail queries no index covers instead of logging them. */
  strictIndexes?: boolean;
  /** The cloud environment id (TCB_ENV / SCF_NAMESPACE). Default "local-env". */
  envId?: string;
  /** WX_APPID of callers. Default "wx0000000000000000". */
  appId?: string;
  region?: string;
  /** Worker threads per function before calls queue. Default 4. */
  maxWorkersPerFunction?: number;
  /** Pages of the app, to check wxacode.getUnlimited's `page` (check_path) and subscribeMessage.send's `page`. Unchecked if absent. */
  appPages?: string[];
  /** fsync each journal batch before acknowledging (default true). */
  fsync?: boolean;
  /**
   * Checks documents edited in the console (`/console`): a validator, or the path of a module
   * exporting one (see README, "Console"). Without it the console validates nothing.
   */
  consoleValidator?: ConsoleValidator | string;
  quiet?: boolean;
  /**
   * Each function's own environment variables, `{"<function>": {"VAR": "value"}}`, read from
   * `functionEnvFile` (without one, when `seed` is on, from `<seedDir>/functions.env.json`, the
   * demo environment, if it exists), with `functionEnv`'s variables on top.
   */
  functionEnvFile?: string;
  functionEnv?: FunctionEnv;
  /** Run timer triggers when the clock passes their time (default true); firing by hand always works. */
  autoTriggers?: boolean;
}

export interface ResetOptions {
  seed?: boolean;
  keepFunctionInstances?: boolean;
}

export interface LocalcloudStats {
  invocations: InvocationSummary[];
  uncoveredQueries: UncoveredQuery[];
  openTransactions: number;
  collections: Record<string, number>;
}

export interface Localcloud {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  envId: string;
  appId: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Jump the clock to an instant (it keeps running from there); `null` follows real time again. */
  setClock(now: string | number | Date | null): void;
  now(): Date;
  /**
   * Empties data, storage, outbox, openapi faults and stats; `seed: true` then loads the seed
   * directory. Function instances are replaced (their module-level caches start over) unless
   * `keepFunctionInstances`.
   */
  reset(options?: ResetOptions): Promise<void>;
  outbox(): OutboxMessage[];
  /**
   * Makes openapi calls answer a WeChat error (like POST /__localcloud/openapi/faults): the API,
   * optionally the parameters a call must carry, the errcode, optionally how many calls.
   */
  addOpenApiFault(spec: OpenApiFaultSpec): OpenApiFault;
  /** The faults set, with how often each answered. */
  openApiFaults(): OpenApiFault[];
  clearOpenApiFaults(): void;
  stats(): LocalcloudStats;
  /** Runs a function's timer trigger now (like POST /__localcloud/triggers/<function>/<trigger>). */
  fireTrigger(functionName: string, triggerName: string): Promise<InvokeResult>;
  /** The functions' timer triggers with their next time (like GET /__localcloud/triggers). */
  triggers(): TriggerListing;
  /** Runs a function as a member without HTTP (same path as the gateway). */
  invoke(
    name: string,
    event: Record<string, unknown>,
    identity: { openid?: string; unionid?: string; appid?: string },
  ): Promise<InvokeResult>;
  /**
   * The environment variables that point an in-process wx-server-sdk at this localcloud the way a
   * function instance is set up (optionally with a caller identity).
   */
  sdkEnv(identity?: { openid?: string; unionid?: string; appid?: string }): Record<string, string>;
}

export async function startLocalcloud(options: LocalcloudOptions): Promise<Localcloud> {
  const dataDir = path.resolve(options.dataDir);
  const envId = options.envId ?? 'local-env';
  const appId = options.appId ?? 'wx0000000000000000';
  const region = options.region ?? 'ap-shanghai';
  const host = options.host ?? '127.0.0.1';
  const log = createLogger(options.quiet === true);
  const consoleValidator = options.consoleValidator ? loadConsoleValidator(options.consoleValidator) : null;
  fs.mkdirSync(dataDir, { recursive: true });

  const clock = new Clock();
  const seedDir = options.seedDir ? path.resolve(options.seedDir) : undefined;
  let baseUrl = '';
  const invocations = new InvocationRegistry();
  const functionsDir = options.functionsDir ? path.resolve(options.functionsDir) : undefined;
  const runner = new FunctionRunner({
    functionsDir,
    envId,
    region,
    adminUrl: () => `${baseUrl}/admin`,
    clock,
    invocations,
    log,
    maxWorkersPerFunction: options.maxWorkersPerFunction ?? 4,
    functionEnv: functionEnvOf(options, seedDir),
  });
  // Deploying a function whose config.json CloudBase would refuse fails; so does starting with one.
  runner.validateAll();
  const scheduler = new TriggerScheduler(runner, clock, log, options.autoTriggers !== false);
  const moveClock = (now: string | number | Date | null): void => {
    clock.set(now);
    scheduler.clockMoved();
  };

  const catalog = new IndexCatalog(options.indexesFile, options.strictIndexes === true, log.warn);
  catalog.load();
  if (options.strictIndexes && !catalog.loaded) {
    log.info(`strict indexes requested but ${options.indexesFile ?? 'no indexes file'} was not found: index checks are off`);
  }
  const database = new Database({
    dir: path.join(dataDir, 'db'),
    clock,
    catalog,
    envId,
    fsync: options.fsync,
    warn: log.warn,
  });
  await database.open();
  await database.ensureCollections(catalog.collections());

  const readSeed = () =>
    seedDir && fs.existsSync(seedDir) ? readSeedDir(seedDir, () => clock.now()) : new Map<string, Record<string, unknown>[]>();

  if (options.seed) {
    if (!seedDir || !fs.existsSync(seedDir)) log.info(`nothing to seed: ${seedDir ?? 'no seed directory given'}`);
    for (const [coll, docs] of readSeed()) await database.upsertDocuments(coll, docs);
  }

  const storage = new Storage(path.join(dataDir, 'storage'), envId, () => baseUrl);
  // What WeChat received outlives localcloud, as it would: kept under the data directory.
  const outbox = new Outbox({ file: path.join(dataDir, 'outbox.ndjson'), fsync: options.fsync, pages: options.appPages });
  const faults = new OpenApiFaults();
  const admin = new AdminApi(
    {
      ...createDatabaseActions(database, catalog, clock),
      ...storage.actions(),
      ...runner.actions(appId),
      ...createOpenApiActions(outbox, clock, { pages: options.appPages }, faults),
    },
    invocations,
  );
  const gateway = new Gateway(runner, appId);
  const httpAccess = new HttpAccess(runner, envId);

  const stats = (): LocalcloudStats => ({
    invocations: invocations.summaries(),
    uncoveredQueries: catalog.uncovered(),
    openTransactions: database.transactions.size,
    collections: Object.fromEntries([...database.collections].map(([name, docs]) => [name, docs.size])),
  });

  const reset = async ({ seed = false, keepFunctionInstances = false }: ResetOptions = {}): Promise<void> => {
    const seedData = seed ? readSeed() : new Map<string, Record<string, unknown>[]>();
    await database.reset((db) => {
      for (const name of catalog.collections()) db.loadDocuments(name, []);
      for (const [coll, docs] of seedData) db.loadDocuments(coll, docs);
    });
    storage.clear();
    outbox.clear();
    faults.clear();
    invocations.clear();
    catalog.resetReports();
    if (!keepFunctionInstances) runner.redeployAll();
  };

  const server = createHttpServer({
    admin,
    gateway,
    httpAccess,
    storage,
    staticDir: options.staticDir ? path.resolve(options.staticDir) : undefined,
    warn: log.warn,
    control: {
      setClock: moveClock,
      now: () => new Date(clock.now()),
      reset,
      outbox: () => outbox.list(),
      faults,
      stats,
      functions: () => runner.list(),
      triggers: () => scheduler.list(),
      fireTrigger: (fn, name) => scheduler.fire(fn, name),
    },
    console: new ConsoleServer({
      envId,
      database,
      catalog,
      clock,
      storage,
      outbox,
      invocations,
      functions: () => runner.list(),
      validator: consoleValidator,
    }),
  });

  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (err) {
    await runner.close();
    await database.close();
    throw err;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  baseUrl = `http://${shownHost}:${port}`;
  scheduler.start();

  // lc.invoke is a mini-program call without HTTP: the same identity and SOURCE as the gateway's.
  const identityOf = (who: { openid?: string; unionid?: string; appid?: string }): Identity => ({
    openid: who.openid,
    unionid: who.unionid,
    appid: who.appid ?? appId,
    source: 'wx_client',
  });

  let stopping: Promise<void> | null = null;
  return {
    url: baseUrl,
    port,
    envId,
    appId,
    dataDir,
    stop: () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        const runs = scheduler.stop();
        await runner.close();
        await runs;
        await database.close();
      })();
      return stopping;
    },
    setClock: moveClock,
    now: () => new Date(clock.now()),
    reset,
    outbox: () => outbox.list(),
    addOpenApiFault: (spec) => faults.add(parseFaultSpec(spec)),
    openApiFaults: () => faults.list(),
    clearOpenApiFaults: () => faults.clear(),
    stats,
    fireTrigger: (fn, name) => scheduler.fire(fn, name),
    triggers: () => scheduler.list(),
    invoke: (name, event, who) => runner.invoke(name, event, identityOf(who)),
    sdkEnv: (who = {}) => localcloudSdkEnv(baseUrl, { envId, region, appId: who.appid ?? appId, openid: who.openid, unionid: who.unionid }),
  };
}

/**
 * The functions' own environment: the given file (else, when seeding, the seed's demo file), with
 * the given object's variables on top.
 */
function functionEnvOf(options: LocalcloudOptions, seedDir: string | undefined): FunctionEnv {
  const demoFile = seedDir ? path.join(seedDir, SEED_FUNCTION_ENV_FILE) : undefined;
  let env: FunctionEnv = {};
  if (options.functionEnvFile !== undefined) env = readFunctionEnvFile(options.functionEnvFile);
  else if (options.seed && demoFile && fs.existsSync(demoFile)) env = readFunctionEnvFile(demoFile);
  return options.functionEnv ? mergeFunctionEnv(env, parseFunctionEnv(options.functionEnv, 'functionEnv')) : env;
}

/**
 * Environment variables that make wx-server-sdk (in any process) talk to the localcloud at `url`
 * the way a function instance does: the admin URL, dummy credentials, the SCF variables (without
 * them the SDK probes a metadata host on every call) and optionally a caller identity.
 */
export function localcloudSdkEnv(
  url: string,
  options: { envId?: string; region?: string; appId?: string; openid?: string; unionid?: string } = {},
): Record<string, string> {
  const envId = options.envId ?? 'local-env';
  const env: Record<string, string> = {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    TENCENTCLOUD_REGION: options.region ?? 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'localcloud-secret-id',
    TENCENTCLOUD_SECRETKEY: 'localcloud-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: 'localcloud-session-token',
    WX_CONTEXT_KEYS,
    WX_APPID: options.appId ?? 'wx0000000000000000',
  };
  if (options.openid) env.WX_OPENID = options.openid;
  if (options.unionid) env.WX_UNIONID = options.unionid;
  return env;
}
