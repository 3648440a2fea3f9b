/**
 * What the console's HTTP API (`/console/api/*`) answers: shared by the server
 * (`localcloud/src/console/`) and the page (`localcloud/console/`). Types only.
 *
 * Documents travel as relaxed Extended JSON (`{"$date": "<ISO>"}` for dates, `{"$oid": …}` for
 * ObjectIds), the way the SDK and the cloud console write them; an `_id` travels the same way.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One thing a console validator found, by collection, document `_id` and field, in both languages. */
export interface ConsoleProblem {
  collection: string;
  /** The document's `_id` as text; `#n` or `*` when no single document is concerned. */
  id: string;
  /** Dotted path such as `schedule.days[0]`; '' for the whole document. */
  field: string;
  severity: 'error' | 'warning';
  message_zh: string;
  message_en: string;
}

export interface ProblemCount {
  errors: number;
  warnings: number;
}

export interface CollectionSummary {
  name: string;
  count: number;
  /** Indexes besides `_id`. */
  indexes: number;
  /** Whether the console validator checks this collection. */
  validated: boolean;
  /** Documents (by `_id`) with at least one error, for validated collections. */
  invalid: number;
}

export interface OverviewAnswer {
  envId: string;
  now: string;
  clockOffsetMs: number;
  strictIndexes: boolean;
  collections: CollectionSummary[];
  functions: string[];
  /** Whether a validator is plugged in (`--console-validator`). */
  validator: boolean;
}

export interface DocumentRow {
  id: JsonValue;
  doc: { [key: string]: JsonValue };
  /** Validator findings for this document; null when the collection is not validated. */
  problems: ProblemCount | null;
}

export interface DocumentsAnswer {
  collection: string;
  /** Documents matching the filter. */
  total: number;
  skip: number;
  limit: number;
  rows: DocumentRow[];
  validated: boolean;
  /** Findings of this collection that concern no stored document (e.g. a missing required one). */
  collectionProblems: ConsoleProblem[];
}

export interface ValidationAnswer {
  /** Problems of the written documents, plus the ones the write would cause elsewhere. */
  problems: ConsoleProblem[];
  errors: number;
  warnings: number;
}

export interface WriteAnswer extends ValidationAnswer {
  id: JsonValue;
}

export interface ImportAnswer extends ValidationAnswer {
  inserted: number;
  replaced: number;
}

export interface IndexRow {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 | '2dsphere' }>;
  unique: boolean;
}

export interface UncoveredRow {
  collection: string;
  operation: string;
  fields: string[];
  count: number;
}

export interface IndexesAnswer {
  strict: boolean;
  /** Whether an index file was found (without one, nothing is checked). */
  loaded: boolean;
  collections: Array<{ name: string; indexes: IndexRow[] }>;
  /** Query shapes no index covered since start (refused when strict, logged otherwise). */
  uncovered: UncoveredRow[];
}

export interface InvocationRow {
  requestId: string;
  function: string;
  action: string | null;
  openid: string | null;
  parentRequestId: string | null;
  status: 'running' | 'ok' | 'error' | 'timeout';
  startedAt: string;
  durationMs: number | null;
  dbRoundTrips: number;
  /** `OK`, the answer's own code (`errCode`, `error.code` or `code`), or the cloud's failure code. */
  code: string | null;
  error: string | null;
  stack: string | null;
  /** Console output during the call (bounded); '' when none or no longer kept. */
  output: string;
  /** The answer's JSON when small and recent. */
  result: string | null;
}

export interface InvocationsAnswer {
  invocations: InvocationRow[];
}

export interface StorageFile {
  cloudPath: string;
  fileId: string;
  size: number;
  modifiedAt: string;
  contentType: string;
  /** Download path on this localcloud (`/__storage/…`). */
  url: string;
}

export interface StorageAnswer {
  files: StorageFile[];
  truncated: boolean;
}

export interface OutboxMessageRow {
  msgid: number;
  touser: string;
  template_id: string;
  page: string | null;
  data: { [key: string]: JsonValue };
  miniprogram_state: string;
  lang: string;
  sentAt: string;
  from: { function: string; requestId: string; openid: string | null } | null;
}

export interface OutboxAnswer {
  messages: OutboxMessageRow[];
}

export interface ClockAnswer {
  now: string;
  /** 0 when the clock follows real time. */
  offsetMs: number;
}

/** Every failure: a stable code, a message for the developer, and a validation report when that was the reason. */
export interface ApiErrorBody {
  ok: false;
  error: { code: string; message: string };
  problems?: ConsoleProblem[];
  /** Line-level problems of an import file. */
  lines?: Array<{ at: number; id: string; message_zh: string; message_en: string }>;
}
