import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EJSON } from 'bson';
import { docToEJSON, stringifyEJSON } from './ejson';
import { reviveValue, isPlainObject, isDocId, type Doc, type DocId } from './values';

/**
 * Durable storage for the database: an append-only journal with group commit, plus snapshots.
 *
 * Files under `<dir>`:
 *   snapshot.ndjson      header line `{"localcloud":"snapshot","gen":G}`, one op per line, `{"end":true}`
 *   journal-<g>.log      one line per acknowledged write batch: `{"ops":[op, …]}`
 * An op is `{"c":coll,"create":1}`, `{"c":coll,"drop":1}`, `{"c":coll,"put":<doc>}` or
 * `{"c":coll,"del":<_id>}` (documents and ids in relaxed EJSON). `put` always carries the whole
 * document, so replay is order-based and idempotent.
 *
 * Loading replays the snapshot (generation G) and then every journal with generation ≥ G in order.
 * A torn last line (kill -9 during a write) has no trailing newline and is ignored. A compaction
 * switches appends to journal G+1 in the same tick as it captures the state, writes the snapshot to
 * a temporary file, fsyncs, renames it into place and only then deletes older journals, so a crash
 * at any point leaves a loadable set of files.
 */

export type JournalOp =
  | { kind: 'create'; coll: string }
  | { kind: 'drop'; coll: string }
  | { kind: 'put'; coll: string; doc: Doc }
  | { kind: 'del'; coll: string; id: DocId };

export interface JournalOptions {
  /** fsync (fdatasync) every batch before acknowledging it. Default true. */
  fsync?: boolean;
  /** Compact when the live journal grows past this many bytes. Default 64 MiB. */
  compactBytes?: number;
  warn?: (message: string) => void;
}

const write = promisify(fs.write);
const fdatasync = promisify(fs.fdatasync);
const close = promisify(fs.close);

const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL_RE = /^journal-(\d+)\.log$/;

function encodeOp(op: JournalOp): string {
  const c = JSON.stringify(op.coll);
  switch (op.kind) {
    case 'put':
      return `{"c":${c},"put":${docToEJSON(op.doc)}}`;
    case 'del':
      return `{"c":${c},"del":${stringifyEJSON(op.id)}}`;
    case 'create':
      return `{"c":${c},"create":1}`;
    case 'drop':
      return `{"c":${c},"drop":1}`;
  }
}

function decodeOp(raw: unknown): JournalOp | null {
  if (!isPlainObject(raw) || typeof raw.c !== 'string') return null;
  const coll = raw.c;
  if (raw.put !== undefined) {
    const doc = raw.put;
    if (!isPlainObject(doc) || !isDocId(doc._id)) return null;
    return { kind: 'put', coll, doc: doc as Doc };
  }
  if (raw.del !== undefined) return isDocId(raw.del) ? { kind: 'del', coll, id: raw.del } : null;
  if (raw.create !== undefined) return { kind: 'create', coll };
  if (raw.drop !== undefined) return { kind: 'drop', coll };
  return null;
}

function parseLine(line: string): unknown {
  return reviveValue(EJSON.parse(line, { relaxed: true }), Date.now);
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** One journal file being appended to, with its own group-commit queue. */
class Segment {
  bytes = 0;
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    readonly gen: number,
    private readonly fd: number,
    private readonly fsync: boolean,
  ) {}

  append(line: string): Promise<void> {
    this.bytes += line.length;
    return new Promise<void>((resolve, reject) => {
      this.pending.push(line);
      this.waiters.push({ resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // Everything queued while one batch is written and synced goes out together in the next.
    while (this.pending.length > 0) {
      const text = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const buffer = Buffer.from(text, 'utf8');
        let offset = 0;
        while (offset < buffer.length) {
          const { bytesWritten } = await write(this.fd, buffer, offset, buffer.length - offset);
          offset += bytesWritten;
        }
        if (this.fsync) await fdatasync(this.fd);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing;
    await close(this.fd);
  }
}

export class Journal {
  private segment: Segment | null = null;
  private gen = 0;
  private compacting: Promise<void> | null = null;
  private readonly fsync: boolean;
  private readonly compactBytes: number;
  private readonly warn: (message: string) => void;

  /**
   * @param dir directory holding the journal files
   * @param snapshotOps yields the current state as ops (collections, then documents)
   */
  constructor(
    private readonly dir: string,
    private readonly snapshotOps: () => Iterable<JournalOp>,
    options: JournalOptions = {},
  ) {
    this.fsync = options.fsync ?? true;
    this.compactBytes = options.compactBytes ?? 64 * 1024 * 1024;
    this.warn = options.warn ?? (() => undefined);
  }

  /** Replays the stored state into `apply`, then compacts it into a fresh generation. */
  async open(apply: (op: JournalOp) => void): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    let gen = 0;
    const snapshotPath = path.join(this.dir, SNAPSHOT);
    if (fs.existsSync(snapshotPath)) gen = this.replaySnapshot(snapshotPath, apply);
    const journals = fs
      .readdirSync(this.dir)
      .map((name) => ({ name, match: JOURNAL_RE.exec(name) }))
      .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
      .map((f) => ({ name: f.name, gen: Number(f.match[1]) }))
      .sort((a, b) => a.gen - b.gen);
    let maxGen = gen;
    for (const journal of journals) {
      if (journal.gen < gen) continue;
      this.replayJournal(path.join(this.dir, journal.name), apply);
      maxGen = Math.max(maxGen, journal.gen);
    }
    this.gen = maxGen;
    await this.compact();
  }

  /** Appends one atomic batch; resolves once it is on disk. */
  append(ops: JournalOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    const segment = this.segment;
    if (!segment) return Promise.reject(new Error('journal is not open'));
    const done = segment.append(`{"ops":[${ops.map(encodeOp).join(',')}]}\n`);
    if (segment.bytes > this.compactBytes && !this.compacting) {
      this.compact().catch((err: unknown) => this.warn(`journal compaction failed: ${String(err)}`));
    }
    return done;
  }

  /**
   * Captures the current state as a new snapshot generation. Appends made after this call go to
   * the new generation's journal; resolves when the snapshot is durable and old files are gone.
   */
  compact(): Promise<void> {
    if (this.compacting) {
      // Wait for the running compaction, then capture again so the caller's state is included.
      return this.compacting.then(() => this.compact());
    }
    const run = this.runCompaction().finally(() => {
      this.compacting = null;
    });
    this.compacting = run;
    return run;
  }

  private async runCompaction(): Promise<void> {
    const gen = this.gen + 1;
    // Capture state and switch segments in one synchronous step.
    const lines: string[] = [`{"localcloud":"snapshot","gen":${gen}}\n`];
    for (const op of this.snapshotOps()) lines.push(`${encodeOp(op)}\n`);
    lines.push('{"end":true}\n');
    const old = this.segment;
    const fd = fs.openSync(path.join(this.dir, `journal-${gen}.log`), 'a');
    this.segment = new Segment(gen, fd, this.fsync);
    this.gen = gen;

    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    await fs.promises.writeFile(tmp, lines.join(''));
    if (this.fsync) await fsyncPath(tmp);
    await fs.promises.rename(tmp, path.join(this.dir, SNAPSHOT));
    if (this.fsync) await fsyncPath(this.dir);
    if (old) await old.close();
    for (const name of fs.readdirSync(this.dir)) {
      const match = JOURNAL_RE.exec(name);
      if (match && Number(match[1]) < gen) await fs.promises.rm(path.join(this.dir, name), { force: true });
    }
  }

  async close(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
    const segment = this.segment;
    this.segment = null;
    if (segment) await segment.close();
  }

  private replaySnapshot(file: string, apply: (op: JournalOp) => void): number {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '') as { gen?: unknown };
    if (typeof header.gen !== 'number') throw new Error(`${file}: not a localcloud snapshot`);
    let ended = false;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      const raw = parseLine(line);
      if (isPlainObject(raw) && raw.end === true) {
        ended = true;
        break;
      }
      const op = decodeOp(raw);
      if (!op) throw new Error(`${file}:${i + 1}: unreadable snapshot line`);
      apply(op);
    }
    if (!ended) throw new Error(`${file}: snapshot is incomplete`);
    return header.gen;
  }

  private replayJournal(file: string, apply: (op: JournalOp) => void): void {
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const torn = lines.pop();
    if (torn) this.warn(`${path.basename(file)}: ignoring a torn last line (${torn.length} bytes, never acknowledged)`);
    lines.forEach((line, index) => {
      if (!line) return;
      let raw: unknown;
      try {
        raw = parseLine(line);
      } catch {
        this.warn(`${path.basename(file)}:${index + 1}: skipping an unreadable line`);
        return;
      }
      const ops = isPlainObject(raw) && Array.isArray(raw.ops) ? raw.ops : [];
      const decoded = ops.map(decodeOp);
      if (decoded.some((op) => op === null)) {
        this.warn(`${path.basename(file)}:${index + 1}: skipping a malformed batch`);
        return;
      }
      for (const op of decoded) if (op) apply(op);
    });
  }
}

async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.promises.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
