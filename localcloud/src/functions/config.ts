import fs from 'node:fs';
import path from 'node:path';
import { parseCron, type CronSchedule } from '../triggers/cron';

/**
 * A function's `config.json`, as CloudBase reads it when the function is deployed:
 *   { "timeout": 20, "triggers": [{ "name": "sweep", "type": "timer", "config": "0 *\/5 * * * * *" }] }
 * `timeout` is in seconds (default 3, at most 60). CloudBase accepts at most one trigger per
 * function, of type "timer", named like `^[A-Za-z][A-Za-z0-9_-]{0,59}$`; a config breaking these
 * rules fails deployment, so localcloud refuses it with an error naming the function.
 */

export const DEFAULT_TIMEOUT_S = 3;
export const MAX_TIMEOUT_S = 60;
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export interface TimerTrigger {
  name: string;
  /** The 7-field cron expression as written. */
  config: string;
  schedule: CronSchedule;
}

export interface FunctionConfig {
  timeoutMs: number;
  /** At most one (CloudBase's rule). */
  triggers: TimerTrigger[];
}

export class FunctionConfigError extends Error {
  constructor(
    readonly functionName: string,
    message: string,
  ) {
    super(`function ${functionName}: ${message} (CloudBase would refuse to deploy it)`);
    this.name = 'FunctionConfigError';
  }
}

function parseTriggers(name: string, raw: unknown): TimerTrigger[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new FunctionConfigError(name, 'config.json "triggers" must be an array');
  if (raw.length > 1) {
    throw new FunctionConfigError(name, `config.json has ${raw.length} triggers; CloudBase allows one trigger per function`);
  }
  return raw.map((entry: unknown) => {
    const t = (entry ?? {}) as { name?: unknown; type?: unknown; config?: unknown };
    if (typeof t.name !== 'string' || !TRIGGER_NAME.test(t.name)) {
      throw new FunctionConfigError(name, 'a trigger "name" must start with a letter and use at most 60 of A–Z a–z 0–9 _ -');
    }
    if (t.type !== 'timer') throw new FunctionConfigError(name, `trigger ${t.name}: "type" must be "timer" (the only type CloudBase has)`);
    if (typeof t.config !== 'string') throw new FunctionConfigError(name, `trigger ${t.name}: "config" must be a cron expression`);
    let schedule: CronSchedule;
    try {
      schedule = parseCron(t.config);
    } catch (err) {
      throw new FunctionConfigError(name, `trigger ${t.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { name: t.name, config: t.config, schedule };
  });
}

/** Reads `<dir>/config.json` (absent: the defaults). Throws FunctionConfigError for a bad one. */
export function readFunctionConfig(name: string, dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json');
  if (!fs.existsSync(file)) return { timeoutMs: DEFAULT_TIMEOUT_S * 1000, triggers: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new FunctionConfigError(name, `config.json is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new FunctionConfigError(name, 'config.json must be an object');
  const config = raw as { timeout?: unknown; triggers?: unknown };
  const seconds = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_S;
  return { timeoutMs: Math.min(seconds, MAX_TIMEOUT_S) * 1000, triggers: parseTriggers(name, config.triggers) };
}
