/**
 * The slice of wx-server-sdk the functions use, typed structurally. The SDK's own typings
 * answer `Promise<T> | void | string` for its callback-compatible API and `any` for documents;
 * this port pins down what we rely on, so the rest of the code is typed end to end and tests can
 * read exactly which SDK calls exist. `fromSdk` is the one place the real module is cast to it.
 */
import type * as WxServerSdk from 'wx-server-sdk';

/** A query/update operator built by `db.command` (opaque: only the SDK serialises it). */
export interface DbOperator {
  /** Both conditions on the same field (`_.gte(a).and(_.lt(b))`). */
  and(other: DbOperator): DbOperator;
}

export interface DbCommand {
  eq(value: unknown): DbOperator;
  neq(value: unknown): DbOperator;
  gt(value: unknown): DbOperator;
  gte(value: unknown): DbOperator;
  lt(value: unknown): DbOperator;
  lte(value: unknown): DbOperator;
  in(values: unknown[]): DbOperator;
  exists(present: boolean): DbOperator;
  inc(value: number): DbOperator;
  remove(): DbOperator;
  /** A whole condition (usable as `where`): any branch matches / every part matches. */
  or(...conditions: Array<Record<string, unknown>>): Record<string, unknown>;
  and(...conditions: Array<Record<string, unknown>>): Record<string, unknown>;
  aggregate: {
    sum(value: unknown): DbOperator;
  };
}

export interface SdkDocumentRef {
  get(): Promise<{ data: unknown }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface SdkQuery {
  where(condition: Record<string, unknown>): SdkQuery;
  orderBy(field: string, order: 'asc' | 'desc'): SdkQuery;
  limit(n: number): SdkQuery;
  skip(n: number): SdkQuery;
  field(projection: Record<string, boolean>): SdkQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

/** The aggregation stages the functions use (each one SDK builder call). */
export type StageName = 'match' | 'project' | 'group' | 'addFields' | 'unwind' | 'lookup' | 'bucket' | 'sort' | 'limit' | 'count';

export type SdkAggregate = { [K in StageName]: (spec: unknown) => SdkAggregate } & {
  end(): Promise<{ list: unknown[] }>;
};

export interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocumentRef;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  aggregate(): SdkAggregate;
}

export interface SdkTransaction {
  collection(name: string): { doc(id: string): SdkDocumentRef };
}

export interface SdkDatabase {
  command: DbCommand;
  collection(name: string): SdkCollection;
  runTransaction<R>(body: (tx: SdkTransaction) => Promise<R>, retries?: number): Promise<R>;
}

export interface WxContext {
  OPENID?: string | number;
  APPID?: string | number;
  UNIONID?: string | number;
}

export interface SdkOpenApi {
  wxacode: {
    getUnlimited(params: { scene: string; page: string; checkPath: boolean; envVersion: string; width?: number }): Promise<{
      contentType: string;
      buffer: Buffer;
    }>;
  };
  subscribeMessage: {
    /** Rejects with `errCode` (43101: the member refused or used up the template's consent). */
    send(params: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'developer' | 'trial' | 'formal';
      lang: 'zh_CN';
    }): Promise<{ msgid?: number | string }>;
  };
  security: {
    msgSecCheck(params: { content: string; version: 2; scene: 1 | 2 | 3 | 4; openid: string }): Promise<{
      result?: { suggest?: string; label?: number };
    }>;
  };
}

export interface WxCloud {
  database(config?: { throwOnNotFound?: boolean }): SdkDatabase;
  getWXContext(): WxContext;
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(params: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status?: number }> }>;
  deleteFile(params: { fileList: string[] }): Promise<unknown>;
  openapi: SdkOpenApi;
}

/** The real SDK seen through the port (its typings are wider than its behaviour). */
export function fromSdk(cloud: typeof WxServerSdk): WxCloud {
  return cloud as unknown as WxCloud;
}
