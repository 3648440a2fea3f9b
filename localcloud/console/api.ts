/**
 * The console page's one way to the server: typed calls to `/console/api/*`. A failure becomes an
 * ApiError carrying the server's code and message (and a validation report when that was why).
 */
import type {
  ApiErrorBody,
  ClockAnswer,
  ConsoleProblem,
  DocumentsAnswer,
  ImportAnswer,
  IndexesAnswer,
  InvocationsAnswer,
  JsonValue,
  OutboxAnswer,
  OverviewAnswer,
  StorageAnswer,
  ValidationAnswer,
  WriteAnswer,
} from '../src/console/protocol';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ConsoleProblem[] = [],
    readonly lines: NonNullable<ApiErrorBody['lines']> = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/console/api';

async function request<T>(method: string, path: string, body?: unknown, rawBody?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${BASE}/${path}`, {
      method,
      headers: body !== undefined ? { 'content-type': 'application/json' } : rawBody !== undefined ? { 'content-type': 'text/plain' } : {},
      body: body !== undefined ? JSON.stringify(body) : rawBody,
    });
  } catch {
    throw new ApiError(0, 'OFFLINE', '连不上 localcloud：它是否已停止？/ cannot reach localcloud: is it still running?');
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'BAD_ANSWER', `localcloud 的回答不是 JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const error = parsed as Partial<ApiErrorBody> | null;
    throw new ApiError(
      res.status,
      error?.error?.code ?? `HTTP_${res.status}`,
      error?.error?.message ?? `HTTP ${res.status}`,
      error?.problems ?? [],
      error?.lines ?? [],
    );
  }
  return parsed as T;
}

const collectionPath = (name: string, what: string) => `collections/${encodeURIComponent(name)}/${what}`;

export interface DocumentQuery {
  filter: string;
  sort: string;
  skip: number;
  limit: number;
}

function queryString(params: Record<string, string | number>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '') search.set(key, String(value));
  return search.toString();
}

export const api = {
  overview: () => request<OverviewAnswer>('GET', 'overview'),
  createCollection: (name: string) => request<{ ok: true; name: string }>('POST', 'collections', { name }),
  documents: (collection: string, q: DocumentQuery) =>
    request<DocumentsAnswer>('GET', `${collectionPath(collection, 'documents')}?${queryString({ ...q })}`),
  validate: (collection: string, doc: string, id: JsonValue | null) =>
    request<ValidationAnswer>('POST', collectionPath(collection, 'validate'), { doc, id }),
  insert: (collection: string, doc: string, force: boolean) =>
    request<WriteAnswer>('POST', collectionPath(collection, 'documents'), { doc, force }),
  replace: (collection: string, id: JsonValue, doc: string, force: boolean) =>
    request<WriteAnswer>('PUT', collectionPath(collection, 'documents'), { id, doc, force }),
  remove: (collection: string, id: JsonValue, force: boolean) =>
    request<WriteAnswer>('DELETE', collectionPath(collection, 'documents'), { id, force }),
  importLines: (collection: string, text: string, mode: 'upsert' | 'insert', force: boolean) =>
    request<ImportAnswer>(
      'POST',
      `${collectionPath(collection, 'import')}?${queryString({ mode, force: force ? 1 : '' })}`,
      undefined,
      text,
    ),
  exportUrl: (collection: string, filter: string) => `${BASE}/${collectionPath(collection, 'export')}?${queryString({ filter })}`,
  clock: () => request<ClockAnswer>('GET', 'clock'),
  setClock: (now: string | null) => request<ClockAnswer>('POST', 'clock', { now }),
  indexes: () => request<IndexesAnswer>('GET', 'indexes'),
  invocations: (limit = 200) => request<InvocationsAnswer>('GET', `invocations?limit=${limit}`),
  storage: () => request<StorageAnswer>('GET', 'storage'),
  outbox: () => request<OutboxAnswer>('GET', 'outbox'),
};

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
