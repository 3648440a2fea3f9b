import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_COLLECTIONS } from '../shared/content';
import { ConsoleFormatError, fromConsoleLines, toConsoleLines } from './consoleFormat';
import { exportContent, parseExportArgs } from './export';
import { importContent, parseImportArgs } from './import';

const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(__dirname, 'demo');

let tmp: string;
let lines: string[];
const out = (line: string) => lines.push(line);

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'content-io-'));
  lines = [];
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(file, 'utf8');

describe('content:export → content:import round trip', () => {
  it('gives back the demo files byte for byte', () => {
    const exported = path.join(tmp, 'export');
    const back = path.join(tmp, 'back');
    const result = exportContent({ from: DEMO, out: exported, includeStaff: true, force: false }, out);
    expect(result.code).toBe(0);
    expect(result.files.map((f) => f.collection).sort()).toEqual([...CONTENT_COLLECTIONS].sort());

    expect(importContent({ files: result.files.map((f) => f.file), out: back, collection: null }, out)).toBe(0);
    for (const c of CONTENT_COLLECTIONS) expect(read(path.join(back, `${c}.json`))).toBe(read(path.join(DEMO, `${c}.json`)));
  });

  it('writes JSON Lines: one whole document per line, no array', () => {
    exportContent({ from: DEMO, out: tmp, includeStaff: false, force: false }, out);
    const text = read(path.join(tmp, 'benefit_packs.json'));
    expect(text.startsWith('[')).toBe(false);
    expect(text.endsWith('\n')).toBe(true);
    const docs = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { _id: string });
    const demo = JSON.parse(read(path.join(DEMO, 'benefit_packs.json'))) as unknown[];
    expect(docs).toEqual(demo);
  });

  it('leaves staff out unless asked (demo identities are not production staff)', () => {
    const r = exportContent({ from: DEMO, out: tmp, includeStaff: false, force: false }, out);
    expect(r.files.map((f) => f.collection)).not.toContain('staff');
    expect(fs.existsSync(path.join(tmp, 'staff.json'))).toBe(false);
    expect(lines.join('\n')).toContain('staff 未导出');
  });

  it('refuses to export a program with errors unless --force', () => {
    const broken = path.join(__dirname, 'fixtures', 'broken');
    const target = path.join(tmp, 'x');
    expect(exportContent({ from: broken, out: target, includeStaff: false, force: false }, out).code).toBe(1);
    expect(fs.existsSync(target)).toBe(false);
    expect(lines[0]).toMatch(/content:validate/);
    expect(exportContent({ from: broken, out: target, includeStaff: false, force: true }, out).code).toBe(0);
  });

  it('reads the console export fixtures (.jsonl) into the demo documents', () => {
    const fixtures = path.join(__dirname, 'fixtures', 'console-export');
    const files = fs.readdirSync(fixtures).map((f) => path.join(fixtures, f));
    expect(importContent({ files, out: tmp, collection: null }, out)).toBe(0);
    for (const f of fs.readdirSync(fixtures)) {
      const c = f.replace('.jsonl', '');
      expect(read(path.join(tmp, `${c}.json`))).toBe(read(path.join(DEMO, `${c}.json`)));
    }
  });
});

describe('console format', () => {
  it('writes dates as {"$date": ISO} and reads every form the console uses back to the same text', () => {
    const doc = { _id: 'holiday', startAt: { $date: '2026-12-25T00:00:00+08:00' }, endAt: null };
    const text = toConsoleLines([doc]);
    expect(text).toBe('{"_id":"holiday","startAt":{"$date":"2026-12-24T16:00:00.000Z"},"endAt":null}\n');
    const iso = { $date: '2026-12-24T16:00:00.000Z' };
    expect(fromConsoleLines(text)).toEqual([{ _id: 'holiday', startAt: iso, endAt: null }]);
    const ms = Date.parse('2026-12-24T16:00:00.000Z');
    const variants = [
      `{"_id":"a","at":{"$date":${ms}}}`,
      `{"_id":"b","at":{"$date":{"$numberLong":"${ms}"}}}`,
      `{"_id":"c","at":{"$date":"2026-12-24T16:00:00Z"}, "n": {"$numberLong": "5"}, "list": [{"$numberInt": "3"}]}`,
    ].join('\r\n');
    expect(fromConsoleLines(`\uFEFF${variants}\r\n\r\n`)).toEqual([
      { _id: 'a', at: iso },
      { _id: 'b', at: iso },
      { _id: 'c', at: iso, n: 5, list: [3] },
    ]);
  });

  it('accepts a JSON array too (someone saved the content form)', () => {
    expect(fromConsoleLines('[{"_id":"a"},{"_id":"b"}]')).toEqual([{ _id: 'a' }, { _id: 'b' }]);
  });

  function problemsOf(fn: () => unknown) {
    try {
      fn();
    } catch (e) {
      if (e instanceof ConsoleFormatError) return e.problems;
      throw e;
    }
    throw new Error('expected a ConsoleFormatError');
  }

  it('reports what the console would refuse, by line and _id', () => {
    expect(problemsOf(() => fromConsoleLines('{"_id":"a"}\n{"_id": "b",\n'))).toEqual([
      { at: 2, id: '*', message_zh: '第 2 行不是合法的 JSON', message_en: 'line 2 is not valid JSON' },
    ]);
    const p = problemsOf(() =>
      fromConsoleLines('{"_id":"a"}\n\n{"_id":"a"}\n{"title":"x"}\n{"_id":"k","a..b":1}\n{"_id":"d","at":{"$date":"2026-12-25 10:00"}}'),
    );
    expect(p.map((x) => [x.at, x.id])).toEqual([
      [3, 'a'],
      [4, '#3'],
      [5, 'k'],
      [6, 'd'],
    ]);
    expect(p[0].message_en).toBe('duplicate _id "a"');
    expect(p[2].message_zh).toContain('..');
    expect(p[3].message_en).toContain('unreadable date');
  });

  it('refuses to export a local server-date placeholder', () => {
    const p = problemsOf(() => toConsoleLines([{ _id: 'x', at: { $tcb_server_date: { offset: 0 } } }]));
    expect(p[0].message_en).toContain('server-date placeholder');
  });
});

describe('command lines', () => {
  it('parses export options with defaults under the repo', () => {
    expect(parseExportArgs([], ROOT)).toEqual({ from: DEMO, out: path.join(ROOT, 'dist', 'content'), includeStaff: false, force: false });
    expect(parseExportArgs(['--bogus'], ROOT)).toMatch(/unknown option/);
  });

  it('needs a file to import, and a collection when the name does not say it', () => {
    expect(parseImportArgs([], ROOT)).toMatch(/name a file/);
    expect(parseImportArgs(['a.json', '--collection', 'nope'], ROOT)).toMatch(/must be one of/);
    const file = path.join(tmp, 'database_export-x1y2.json');
    fs.writeFileSync(file, '{"_id":"basic","name":"基础层","threshold":0,"benefits":[],"color":"#8A9BA8"}\n');
    expect(importContent({ files: [file], out: tmp, collection: null }, out)).toBe(2);
    expect(lines.at(-1)).toContain('--collection');
    lines = [];
    expect(importContent({ files: [file], out: tmp, collection: 'tiers' }, out)).toBe(0);
    expect(JSON.parse(read(path.join(tmp, 'tiers.json')))).toHaveLength(1);
    expect(lines.some((l) => l.includes('1/1'))).toBe(true);
  });

  it('prints schema problems of what it imported', () => {
    const file = path.join(tmp, 'tiers.jsonl');
    fs.writeFileSync(file, '{"_id":"basic","name":"基础层","threshold":"0","benefits":[],"color":"#8A9BA8"}\n');
    expect(importContent({ files: [file], out: path.join(tmp, 'o'), collection: null }, out)).toBe(0);
    expect(lines.some((l) => l.includes('✖ basic threshold'))).toBe(true);
  });

  it('drops the holds the functions keep on a pack: a content file never carries live reservations', () => {
    const file = path.join(tmp, 'benefit_packs.jsonl');
    const [pack] = JSON.parse(read(path.join(DEMO, 'benefit_packs.json'))) as Array<Record<string, unknown>>;
    const holds = { 'oMember_xxxxxxxxxxxxxxxxxxxxxxx_req-0001': { t: 'token0001', at: 1_900_000_000_000, o: 'oMember' } };
    fs.writeFileSync(file, `${JSON.stringify({ ...pack, holds })}\n`);
    expect(importContent({ files: [file], out: path.join(tmp, 'o'), collection: null }, out)).toBe(0);
    const [written] = JSON.parse(read(path.join(tmp, 'o', 'benefit_packs.json'))) as Array<Record<string, unknown>>;
    expect(written).toEqual(pack);
    expect(lines.some((l) => l.includes('dropped system-maintained fields'))).toBe(true);
  });
});
