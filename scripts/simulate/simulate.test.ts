import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/content/settings';
import { buildFunctions } from '../build-functions';
import { parseSimulateArgs } from '../simulate';
import { percentile } from './gateway';
import { checkinChance, drawPersona, historyGrowth, type Persona } from './personas';
import { memberRng, mulberry32, type Rng } from './prng';
import { summaryRows, table } from './report';
import { runSimulation, simOpenid, type SimulationReport } from './run';

const ROOT = path.resolve(__dirname, '..', '..');

describe('seeded randomness', () => {
  it('repeats for a seed and differs between members', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
    expect(memberRng(42, 1).next()).not.toBe(memberRng(42, 2).next());
    const personas = (seed: number) => Array.from({ length: 50 }, (_, n) => drawPersona(memberRng(seed, n)).kind);
    expect(personas(7)).toEqual(personas(7));
    expect(personas(7)).not.toEqual(personas(8));
  });

  it('gives every member an OPENID of their own, shaped like a real one', () => {
    const ids = Array.from({ length: 5000 }, (_, n) => simOpenid(42, n));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0], ids[4999], simOpenid(2 ** 32 - 1, 2_000_000)]) expect(id).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });

  it('stays in range', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      expect(r.int(3, 5)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('personas', () => {
  const always: Rng = { next: () => 0, chance: () => true, int: (min) => min, pick: (items) => items[0] };

  it('earns past growth by the program reward rule (streak bonus on day 7)', () => {
    const p: Persona = { kind: 'daily', redeemer: false, lapseAfter: 5, settlesAs: 'casual', tenureDays: 7 };
    expect(historyGrowth(p, always, DEFAULT_SETTINGS)).toEqual({ growth: 7 * 10 + 20, points: 7 * 10 + 30, checkins: 7 });
    expect(historyGrowth({ ...p, tenureDays: 0 }, always, DEFAULT_SETTINGS).growth).toBe(0);
  });

  it('come on the days their kind comes', () => {
    const p = (kind: Persona['kind']): Persona => ({ kind, redeemer: false, lapseAfter: 5, settlesAs: 'casual', tenureDays: 0 });
    expect(checkinChance(p('weekend'), 0, 6)).toBeGreaterThan(checkinChance(p('weekend'), 0, 3));
    expect(checkinChance(p('lapsing'), 3, 3)).toBeGreaterThan(checkinChance(p('lapsing'), 9, 3));
    expect(checkinChance(p('invitee'), 2, 3)).toBe(0.65);
  });
});

describe('command line and output', () => {
  it('reads the options the issue names', () => {
    expect(parseSimulateArgs(['--members', '500', '--days', '30', '--seed', '42'])).toEqual({ members: 500, days: 30, seed: 42 });
    expect(parseSimulateArgs(['--members', '0'])).toMatch(/--members/);
    expect(parseSimulateArgs(['--start', 'tomorrow'])).toMatch(/YYYY-MM-DD/);
    expect(parseSimulateArgs(['--fast'])).toMatch(/unknown option/);
  });

  it('lines up Chinese and ASCII cells', () => {
    const lines = table([
      ['会员', '12'],
      ['calls', '3,456'],
    ]);
    const widths = lines.map((l) => [...l].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0));
    expect(new Set(widths).size).toBe(1);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('a small simulated run through the real functions', () => {
  let work: string;
  let report: SimulationReport;

  beforeAll(async () => {
    fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
    work = fs.mkdtempSync(path.join(ROOT, 'dist', '.test-simulate-'));
    const functionsDir = path.join(work, 'functions');
    await buildFunctions({ outDir: functionsDir, names: ['member', 'checkin', 'redeem', 'invite', 'ops'] });
    report = await runSimulation({ members: 20, days: 5, seed: 11, start: '2026-11-02', concurrency: 4, functionsDir });
  }, 180_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('drives members through the days', () => {
    expect(report.from).toBe('2026-11-02');
    expect(report.to).toBe('2026-11-06');
    expect(report.members.total).toBe(report.members.initial + report.members.organic + report.members.invited);
    expect(report.checkins).toBeGreaterThan(20);
    expect(report.members.withHistory).toBeGreaterThan(0);
    expect(report.callsPerSecond).toBeGreaterThan(0);
  });

  it('agrees with what ops.stats counts in the database', () => {
    const s = report.stats;
    expect(s.dau.reduce((sum, d) => sum + d.count, 0)).toBe(report.checkins);
    expect(s.redemptions.total).toBe(report.redemptions);
    expect(s.invites.binds).toBe(report.invites.binds);
    expect(s.invites.cards).toBe(report.invites.cards);
    // Everyone who checked in is active, and each gave a window-growth sample from their home page.
    expect(s.activeMembers).toBe(report.activeWindowGrowths.length);
    expect(s.coverage.map((c) => c.tier)).toEqual(['basic', 'advanced', 'core']);
  });

  it('meets no unexpected failure', () => {
    const unexpected = Object.keys(report.errors).filter(
      (code) => code === 'INTERNAL' || code === 'INVALID_INPUT' || code.startsWith('HTTP_') || code.startsWith('FUNCTIONS_'),
    );
    expect(unexpected).toEqual([]);
    expect(table(summaryRows(report)).join('\n')).toContain('覆盖率');
  });
});
