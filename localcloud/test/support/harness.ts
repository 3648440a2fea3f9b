import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as WxServerSdk from 'wx-server-sdk';
import { startLocalcloud, type Localcloud, type LocalcloudOptions } from '../../index';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const FIXTURE_FUNCTIONS = path.join(FIXTURES, 'functions');

export function tempDir(prefix = 'localcloud-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A realistic openid: "o" + 27 URL-safe characters. */
export function openid(n: number | string): string {
  return `o${String(n).padStart(6, '0')}Member_abcdefghijklmnopq`.slice(0, 28);
}

export interface TestCloud {
  lc: Localcloud;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestCloud(options: Partial<LocalcloudOptions> = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? tempDir();
  const lc = await startLocalcloud({ functionsDir: FIXTURE_FUNCTIONS, quiet: true, ...options, dataDir });
  return {
    lc,
    dataDir,
    close: async () => {
      await lc.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts localcloud expecting it to refuse (its error is returned); its data directory is removed. */
export async function startRefused(options: Partial<LocalcloudOptions>): Promise<Error> {
  const dataDir = tempDir();
  try {
    const lc = await startLocalcloud({ functionsDir: FIXTURE_FUNCTIONS, quiet: true, ...options, dataDir });
    await lc.stop();
  } catch (err) {
    return err as Error;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  throw new Error('expected localcloud to refuse to start');
}

/* ---- the real wx-server-sdk, in this process -------------------------------------------------- */

export type Sdk = typeof WxServerSdk;
export type Db = ReturnType<Sdk['database']>;

/** The SDK's typings return `Promise<T> | void | string` for its callback-compatible API. */
export function run<T>(value: Promise<T> | void | string): Promise<T> {
  if (value === undefined || typeof value === 'string' || typeof value.then !== 'function') {
    throw new Error('expected the SDK call to return a promise');
  }
  return value;
}

/** Error shape wx-server-sdk rejects with. */
export interface SdkError {
  errCode: number;
  errMsg: string;
  code?: string;
  message: string;
}

/**
 * Points this process at `lc` the way a function instance is set up and loads wx-server-sdk.
 * The SDK reads process.env on every call.
 */
export function useSdk(lc: Localcloud, identity: { openid?: string } = {}): { cloud: Sdk; db: Db; restore(): void } {
  const saved = { ...process.env };
  Object.assign(process.env, lc.sdkEnv(identity), { SILENCE: 'true' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Sdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return {
    cloud,
    db: cloud.database(),
    restore: () => {
      process.env = saved;
    },
  };
}

export async function rejection(promise: Promise<unknown> | void | string): Promise<SdkError> {
  try {
    await run(promise);
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail');
}

/* ---- HTTP ------------------------------------------------------------------------------------- */

export interface GatewayAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function callGateway(
  lc: Localcloud,
  name: string,
  event: unknown,
  headers: Record<string, string> = {},
): Promise<GatewayAnswer> {
  const res = await fetch(`${lc.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof event === 'string' ? event : JSON.stringify(event),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

export async function callAs(lc: Localcloud, name: string, who: string, event: unknown = {}): Promise<GatewayAnswer> {
  return callGateway(lc, name, event, { 'x-wx-openid': who });
}

export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
