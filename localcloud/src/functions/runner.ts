import fs from 'node:fs';
import path from 'node:path';
import type { ActionTable } from '../admin/types';
import type { Clock } from '../clock';
import { CloudError, ErrorCodes } from '../errors';
import type { Logger } from '../log';
import type { Identity, Invocation, InvocationRegistry } from './invocations';
import { FunctionPool, type Outcome } from './pool';

/**
 * Runs the functions of a functions directory (`<name>/index.js`, CommonJS, `exports.main`;
 * optional `<name>/config.json` with `timeout` in seconds, default 3, max 60) the way a cloud
 * function instance runs them: in worker threads whose environment is a real instance's.
 */

const NAME = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * @cloudbase/node-sdk reads WX_API_TOKEN only through the keys listed here (getCloudbaseContext),
 * so a real instance lists it too; getWXContext() hides it (its API_TOKEN blacklist).
 */
export const WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN';
const DEFAULT_TIMEOUT_S = 3;
const MAX_TIMEOUT_S = 60;

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
}

export interface InvokeResult {
  invocation: Invocation;
  outcome: Outcome;
}

interface Deployed {
  pool: FunctionPool;
  mtimeMs: number;
  timeoutMs: number;
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

  private timeoutOf(dir: string): number {
    const file = path.join(dir, 'config.json');
    if (!fs.existsSync(file)) return DEFAULT_TIMEOUT_S * 1000;
    try {
      const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { timeout?: unknown };
      const seconds = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S;
      return Math.min(seconds, MAX_TIMEOUT_S) * 1000;
    } catch {
      this.options.log.warn(`${file} is not valid JSON; using the default timeout`);
      return DEFAULT_TIMEOUT_S * 1000;
    }
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
      env: () => this.baseEnv(name),
      clockBuffer: this.options.clock.buffer,
      maxWorkers: this.options.maxWorkersPerFunction,
      hardMaxWorkers: Math.max(16, this.options.maxWorkersPerFunction * 4),
      output: (line) => log.write(`[fn ${name}] ${line}\n`),
      idleMs: 60_000,
    });
    const deployed = { pool, mtimeMs, timeoutMs: this.timeoutOf(dir) };
    this.deployed.set(name, deployed);
    return deployed;
  }

  /** Runs `name` as `identity`. Throws FUNCTION_NOT_FOUND for unknown functions. */
  async invoke(name: string, event: Record<string, unknown>, identity: Identity, parent?: Invocation): Promise<InvokeResult> {
    const dir = this.dirOf(name);
    if (!dir) {
      throw new CloudError(ErrorCodes.FUNCTION_NOT_FOUND, `FunctionName parameter could not be found: function "${name}" does not exist`);
    }
    const { pool, timeoutMs } = this.deployment(name, dir);
    const invocation = this.options.invocations.begin(name, identity, parent);
    if (typeof event.action === 'string') invocation.action = event.action;
    const env: Record<string, string> = { WX_APPID: identity.appid, WX_API_TOKEN: invocation.token };
    if (identity.openid) env.WX_OPENID = identity.openid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
    if (identity.clientIp) env.WX_CLIENTIP = identity.clientIp;
    const userInfo = identity.openid ? { appId: identity.appid, openId: identity.openid } : { appId: identity.appid };
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      request_id: invocation.requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envId,
      tencentcloud_region: this.options.region,
      environment: JSON.stringify(env),
    };
    const outcome = await pool.run({
      event: { ...event, userInfo },
      context,
      env,
      timeoutMs,
      nested: parent !== undefined,
      onOutput: (text) => this.options.invocations.recordOutput(invocation, text),
    });
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
            event = JSON.parse(raw);
          } catch {
            throw new CloudError(ErrorCodes.INVALID_PARAM, 'request_data is not JSON');
          }
        }
        if (event === null || typeof event !== 'object' || Array.isArray(event)) {
          throw new CloudError(ErrorCodes.INVALID_PARAM, 'data must be an object');
        }
        const identity: Identity = invocation ? { ...invocation.identity } : { appid: defaultAppId };
        const { outcome } = await this.invoke(name, event as Record<string, unknown>, identity, invocation);
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
