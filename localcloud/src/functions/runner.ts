import fs from 'node:fs';
import path from 'node:path';
import type { ActionTable } from '../admin/types';
import type { Clock } from '../clock';
import { CloudError, ErrorCodes } from '../errors';
import { MAX_REQUEST_DEPTH, parseJsonText, valueDepthExceeds } from '../http/json';
import type { Logger } from '../log';
import { FunctionConfigError, readFunctionConfig, type FunctionConfig } from './config';
import { Deadline } from './deadline';
import type { FunctionEnv } from './env';
import type { Identity, Invocation, InvocationRegistry, InvocationTrigger } from './invocations';
import { FunctionPool, type Outcome } from './pool';

/**
 * Runs the functions of a functions directory (`<name>/index.js`, CommonJS, `exports.main`;
 * optional `<name>/config.json`, see config.ts) the way a cloud function instance runs them: in
 * worker threads whose environment is a real instance's, plus the function's own variables.
 */

const NAME = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * @cloudbase/node-sdk reads WX_API_TOKEN only through the keys listed here (getCloudbaseContext),
 * so a real instance lists it too; getWXContext() hides it (its API_TOKEN blacklist).
 */
export const WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN';

export interface RunnerOptions {
  functionsDir: string | undefined;
  envId: string;
  region: string;
  /** The admin API URL the SDK inside the functions should call. */
  adminUrl: () => string;
  clock: Clock;
  invocations: InvocationRegistry;
  log: Logger;
  maxWorkersPerFunction: number;
  /** Each function's own environment variables (its instances only). */
  functionEnv: FunctionEnv;
}

export interface InvokeOptions {
  /** The calling invocation, for nested cloud.callFunction. */
  parent?: Invocation;
  /** What started it (default `call`). Only member calls get `event.userInfo`. */
  trigger?: InvocationTrigger;
}

export interface InvokeResult {
  invocation: Invocation;
  outcome: Outcome;
}

interface Deployed {
  pool: FunctionPool;
  mtimeMs: number;
}

/** The cloud's wording for failures, used by the gateway and by nested calls. */
export function describeFailure(name: string, outcome: Exclude<Outcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'timeout':
      return `Invoking task timed out after ${outcome.timeoutMs / 1000} seconds`;
    case 'error':
      return `${outcome.error.name}: ${outcome.error.message}`;
    case 'crash':
      return `function ${name} crashed: ${outcome.message}`;
    case 'invalid':
      return outcome.message;
  }
}

export class FunctionRunner {
  private readonly deployed = new Map<string, Deployed>();
  private readonly retired = new Set<FunctionPool>();

  constructor(private readonly options: RunnerOptions) {}

  private dirOf(name: string): string | null {
    if (!this.options.functionsDir || !NAME.test(name)) return null;
    const dir = path.resolve(this.options.functionsDir, name);
    return fs.existsSync(path.join(dir, 'index.js')) ? dir : null;
  }

  exists(name: string): boolean {
    return this.dirOf(name) !== null;
  }

  list(): string[] {
    const root = this.options.functionsDir;
    if (!root || !fs.existsSync(root)) return [];
    return fs
      .readdirSync(root)
      .filter((name) => NAME.test(name) && fs.existsSync(path.join(root, name, 'index.js')))
      .sort();
  }

  private readonly configs = new Map<string, { mtimeMs: number; config: FunctionConfig | FunctionConfigError }>();

  /** The function's config.json as deployed (re-read when the file changes). Throws a FunctionConfigError. */
  config(name: string): FunctionConfig {
    const dir = this.dirOf(name);
    if (!dir) throw new CloudError(ErrorCodes.FUNCTION_NOT_FOUND, `function "${name}" does not exist`);
    const mtimeMs = fs.statSync(path.join(dir, 'config.json'), { throwIfNoEntry: false })?.mtimeMs ?? -1;
    let cached = this.configs.get(name);
    if (!cached || cached.mtimeMs !== mtimeMs) {
      let config: FunctionConfig | FunctionConfigError;
      try {
        config = readFunctionConfig(name, dir);
      } catch (err) {
        if (!(err instanceof FunctionConfigError)) throw err;
        config = err;
        this.options.log.warn(err.message);
      }
      cached = { mtimeMs, config };
      this.configs.set(name, cached);
    }
    if (cached.config instanceof FunctionConfigError) throw cached.config;
    return cached.config;
  }

  /** Reads every function's config.json, throwing the first one CloudBase would refuse. */
  validateAll(): void {
    for (const name of this.list()) this.config(name);
  }

  private baseEnv(name: string): Record<string, string> {
    const { envId, region } = this.options;
    const inherited: Record<string, string> = {};
    for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'NODE_ENV']) {
      const value = process.env[key];
      if (value !== undefined) inherited[key] = value;
    }
    return {
      ...inherited,
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: envId,
      TCB_ENV: envId,
      TENCENTCLOUD_REGION: region,
      SCF_FUNCTIONNAME: name,
      SCF_FUNCTIONVERSION: '$LATEST',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl() }),
      TENCENTCLOUD_SECRETID: 'localcloud-secret-id',
      TENCENTCLOUD_SECRETKEY: 'localcloud-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'localcloud-session-token',
      WX_CONTEXT_KEYS,
    };
  }

  /** A worker's process.env: the host basics, the function's own variables, the runtime's. */
  private instanceEnv(name: string): Record<string, string> {
    return { ...(this.options.functionEnv[name] ?? {}), ...this.baseEnv(name) };
  }

  /** The deployed instance pool of a function; replaced when its index.js changes. */
  private deployment(name: string, dir: string, fresh = false): Deployed {
    const mtimeMs = fs.statSync(path.join(dir, 'index.js')).mtimeMs;
    const current = this.deployed.get(name);
    if (current && current.mtimeMs === mtimeMs && !fresh) return current;
    if (current) {
      current.pool.retire();
      this.retired.add(current.pool);
    }
    for (const old of this.retired) if (old.size === 0) this.retired.delete(old);
    const { log } = this.options;
    const pool = new FunctionPool({
      functionName: name,
      functionDir: dir,
      env: () => this.instanceEnv(name),
      clockBuffer: this.options.clock.buffer,
      maxWorkers: this.options.maxWorkersPerFunction,
      hardMaxWorkers: Math.max(16, this.options.maxWorkersPerFunction * 4),
      output: (line) => log.write(`[fn ${name}] ${line}\n`),
      idleMs: 60_000,
    });
    const deployed = { pool, mtimeMs };
    this.deployed.set(name, deployed);
    return deployed;
  }

  /** Runs `name` as `identity`. Throws FUNCTION_NOT_FOUND for unknown functions. */
  async invoke(name: string, event: Record<string, unknown>, identity: Identity, options: InvokeOptions = {}): Promise<InvokeResult> {
    const { parent, trigger = 'call' } = options;
    const dir = this.dirOf(name);
    if (!dir) {
      throw new CloudError(ErrorCodes.FUNCTION_NOT_FOUND, `FunctionName parameter could not be found: function "${name}" does not exist`);
    }
    const invocation = this.options.invocations.begin(name, identity, trigger, parent);
    if (typeof event.action === 'string') invocation.action = event.action;
    let config: FunctionConfig;
    try {
      config = this.config(name);
    } catch (err) {
      if (!(err instanceof FunctionConfigError)) throw err;
      return this.finish(invocation, name, { kind: 'error', error: { name: err.name, message: err.message, stack: '' } });
    }
    if (valueDepthExceeds(event, MAX_REQUEST_DEPTH)) {
      return this.finish(invocation, name, { kind: 'invalid', message: `the event is nested more than ${MAX_REQUEST_DEPTH} levels deep` });
    }
    const { pool } = this.deployment(name, dir);
    const env: Record<string, string> = { WX_API_TOKEN: invocation.token };
    if (identity.appid) env.WX_APPID = identity.appid;
    if (identity.openid) env.WX_OPENID = identity.openid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
    if (identity.clientIp) env.WX_CLIENTIP = identity.clientIp;
    if (identity.source) env.TCB_SOURCE = identity.source;
    const deadline = new Deadline(config.timeoutMs);
    invocation.deadline = deadline;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: config.timeoutMs,
      request_id: invocation.requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      tencentcloud_region: this.options.region,
      environment: JSON.stringify(env),
    };
    const userInfo: Record<string, string> = {};
    if (identity.appid) userInfo.appId = identity.appid;
    if (identity.openid) userInfo.openId = identity.openid;
    // A caller waiting for its nested call's instance is not charged for that wait (see Deadline).
    const callerDeadline = parent?.deadline;
    callerDeadline?.hold();
    let held = callerDeadline !== undefined;
    const releaseCaller = (): void => {
      if (held) callerDeadline?.release();
      held = false;
    };
    let outcome: Outcome;
    try {
      outcome = await pool.run({
        event: trigger === 'call' ? { ...event, userInfo } : event,
        context,
        env,
        deadline,
        nested: parent !== undefined,
        onStart: releaseCaller,
        onOutput: (text) => this.options.invocations.recordOutput(invocation, text),
      });
    } finally {
      releaseCaller();
    }
    return this.finish(invocation, name, outcome);
  }

  private finish(invocation: Invocation, name: string, outcome: Outcome): InvokeResult {
    this.options.invocations.end(
      invocation,
      outcome.kind === 'ok' ? 'ok' : outcome.kind === 'timeout' ? 'timeout' : 'error',
      outcome.kind === 'ok' ? undefined : describeFailure(name, outcome),
      { result: outcome.kind === 'ok' ? outcome.json : undefined, stack: outcome.kind === 'error' ? outcome.error.stack : undefined },
    );
    return { invocation, outcome };
  }

  /** `functions.invokeFunction`: cloud.callFunction, also from inside a function (caller's identity). */
  actions(defaultAppId: string): ActionTable {
    return {
      'functions.invokeFunction': async ({ params, invocation }) => {
        const name = typeof params.function_name === 'string' ? params.function_name : '';
        const raw = params.request_data;
        let event: unknown = {};
        if (typeof raw === 'string' && raw !== '') {
          try {
            event = parseJsonText(raw);
          } catch (err) {
            throw new CloudError(ErrorCodes.INVALID_PARAM, `request_data: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        if (event === null || typeof event !== 'object' || Array.isArray(event)) {
          throw new CloudError(ErrorCodes.INVALID_PARAM, 'data must be an object');
        }
        // A nested call runs as its caller (a member, or nobody for timer and HTTP runs).
        const identity: Identity = invocation ? { ...invocation.identity } : { appid: defaultAppId };
        const { outcome } = await this.invoke(name, event as Record<string, unknown>, identity, { parent: invocation });
        if (outcome.kind === 'invalid') throw new CloudError(ErrorCodes.INVALID_PARAM, outcome.message);
        if (outcome.kind !== 'ok') throw new CloudError(ErrorCodes.FUNCTIONS_EXECUTE_FAIL, describeFailure(name, outcome));
        return { json: { data: { response_data: outcome.json } } };
      },
    };
  }

  /**
   * Replaces every function's instances (module-level state such as content caches starts over),
   * starting one new instance per function right away so the next call is warm.
   */
  redeployAll(): void {
    for (const name of [...this.deployed.keys()]) {
      const dir = this.dirOf(name);
      if (!dir) {
        this.deployed.get(name)?.pool.retire();
        this.deployed.delete(name);
        continue;
      }
      this.deployment(name, dir, true).pool.prewarm();
    }
  }

  async close(): Promise<void> {
    const pools = [...[...this.deployed.values()].map((d) => d.pool), ...this.retired];
    this.deployed.clear();
    this.retired.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }
}
