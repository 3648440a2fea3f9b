import fs from 'node:fs';

/**
 * Per-function environment variables, as set in the CloudBase console (函数配置 → 环境变量): each
 * function's instances get its own variables and no other function's. They come from a JSON file
 *   { "<function>": { "VAR": "value" } }
 * and/or `<function>.<VAR>=<value>` assignments (the CLI's --function-env-var), the latter winning.
 */

export type FunctionEnv = Record<string, Record<string, string>>;

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/;
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Names the runtime sets itself; a console variable cannot replace them. */
const RESERVED = /^(WX_|TCB_|SCF_|TENCENTCLOUD_|_SCF_)|^(PATH|HOME|LANG|TZ|TMPDIR|NODE_ENV|NODE_OPTIONS|USER_CODE_ROOT)$/;

export class FunctionEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionEnvError';
  }
}

function checkVariable(fn: string, name: string, value: unknown, source: string): string {
  if (!VAR_NAME.test(name))
    throw new FunctionEnvError(`${source}: "${fn}.${name}" is not a valid variable name (A–Z a–z 0–9 _, not starting with a digit)`);
  if (RESERVED.test(name)) throw new FunctionEnvError(`${source}: ${fn}.${name} is reserved by the runtime and cannot be set`);
  if (typeof value !== 'string') throw new FunctionEnvError(`${source}: ${fn}.${name} must be a string`);
  return value;
}

function checkFunction(fn: string, source: string): void {
  if (!FUNCTION_NAME.test(fn)) throw new FunctionEnvError(`${source}: "${fn}" is not a function name`);
}

/** Validates a `{function: {VAR: value}}` object (a file's content or an option). */
export function parseFunctionEnv(raw: unknown, source: string): FunctionEnv {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FunctionEnvError(`${source}: expected an object {"<function>": {"VAR": "value"}}`);
  }
  const out: FunctionEnv = {};
  for (const [fn, vars] of Object.entries(raw as Record<string, unknown>)) {
    if (fn.startsWith('$')) continue; // "$comment" and the like
    checkFunction(fn, source);
    if (vars === null || typeof vars !== 'object' || Array.isArray(vars))
      throw new FunctionEnvError(`${source}: "${fn}" must map variable names to strings`);
    out[fn] = {};
    for (const [name, value] of Object.entries(vars as Record<string, unknown>)) out[fn][name] = checkVariable(fn, name, value, source);
  }
  return out;
}

export function readFunctionEnvFile(file: string): FunctionEnv {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new FunctionEnvError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseFunctionEnv(raw, file);
}

/** `partner.PARTNER_SECRET=value` → ["partner", "PARTNER_SECRET", "value"]. */
export function parseFunctionEnvAssignment(text: string): [fn: string, name: string, value: string] {
  const match = /^([^.=]+)\.([^=]+)=(.*)$/s.exec(text);
  if (!match) throw new FunctionEnvError(`--function-env-var "${text}": expected <function>.<VAR>=<value>`);
  const [, fn, name, value] = match;
  checkFunction(fn, '--function-env-var');
  return [fn, name, checkVariable(fn, name, value, '--function-env-var')];
}

/** `base` with `overrides` applied variable by variable. */
export function mergeFunctionEnv(base: FunctionEnv, overrides: FunctionEnv): FunctionEnv {
  const out: FunctionEnv = {};
  for (const [fn, vars] of Object.entries(base)) out[fn] = { ...vars };
  for (const [fn, vars] of Object.entries(overrides)) out[fn] = { ...(out[fn] ?? {}), ...vars };
  return out;
}
