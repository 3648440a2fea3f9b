import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runValidate } from './validateReport';

const NOW = Date.parse('2026-11-23T04:00:00Z');

function run(...argv: string[]): { code: number; text: string } {
  const lines: string[] = [];
  const code = runValidate(argv, { out: (l) => lines.push(l), now: () => NOW });
  return { code, text: lines.join('\n') };
}

const here = (p: string) => join(__dirname, p);

describe('content:validate', () => {
  it('passes the demo program with no problem', () => {
    const { code, text } = run(here('demo'));
    expect(code).toBe(0);
    expect(text).toContain('0 个错误 error(s)，0 个警告 warning(s) → 通过 / PASSED');
    expect(text).toContain('■ 福利包 Benefit packs (benefit_packs.json) — 18/18');
  });

  it('does not warn about the holds the functions keep on a pack (a console export carries them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-holds-'));
    for (const f of readdirSync(here('demo'))) copyFileSync(here(`demo/${f}`), join(dir, f));
    const packs = JSON.parse(readFileSync(join(dir, 'benefit_packs.json'), 'utf8')) as Array<Record<string, unknown>>;
    packs[0].holds = { 'oMember_xxxxxxxxxxxxxxxxxxxxxxx_req-0001': { t: 'token0001', at: NOW, o: 'oMember' } };
    writeFileSync(join(dir, 'benefit_packs.json'), JSON.stringify(packs));
    const { code, text } = run(dir);
    expect(code).toBe(0);
    expect(text).toContain('0 个错误 error(s)，0 个警告 warning(s) → 通过 / PASSED');
  });

  it('reads a console export in JSON Lines', () => {
    const { code, text } = run(here('fixtures/console-export'));
    expect(code).toBe(0);
    expect(text).toContain('(tiers.jsonl)');
  });

  it('fails on errors and reports each by collection, _id and field in both languages', () => {
    const { code, text } = run(here('fixtures/broken'));
    expect(code).toBe(1);
    const block = (heading: string) => text.slice(text.indexOf(heading)).split('\n\n')[0];
    expect(block('■ 会员等级')).toMatch(/_id: core\n\s+✖ threshold\n\s+门槛必须高于「进阶层」的 1500.*\n\s+must be above advanced's 1500/);
    expect(block('■ 徽章')).toMatch(/_id: likes_100\n\s+✖ rule.metric\n.*实际是 "likes"\n.*got "likes"/);
    expect(block('■ 成长树节点')).toMatch(/_id: learning_2\n\s+✖ rule.gte\n\s+分支「学习」内同一指标 growth 的数值必须随 order 递增/);
    expect(block('■ 福利包')).toMatch(/_id: xmas\n\s+✖ minTier/);
    expect(block('■ 福利包')).toMatch(/_id: lunch\n\s+⚠ treshold\n[\s\S]*✖ stock\n\s+「剩余库存」stock 缺少必填字段/);
    expect(block('■ 全局设置')).toContain('缺少文件 settings.json');
    expect(block('■ 员工')).toContain('staff.json 不是合法的 JSON');
    expect(text).toContain('8 个错误 error(s)，1 个警告 warning(s) → 未通过 / FAILED');
  });

  it('prints machine-readable problems with --json', () => {
    const { code, text } = run(here('fixtures/broken'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(text) as { errors: number; problems: Array<{ collection: string; id: string; field: string }> };
    expect(report.errors).toBe(8);
    expect(report.problems).toContainEqual(expect.objectContaining({ collection: 'badges', id: 'likes_100', field: 'rule.metric' }));
  });

  it('checks tier coverage against a growth sample', () => {
    const dir = mkdtempSync(join(tmpdir(), 'growth-'));
    const sample = join(dir, 'growth.json');
    writeFileSync(sample, JSON.stringify([...Array(95).fill(0), ...Array(5).fill(5000)]));
    const { code, text } = run(here('demo'), '--growth-sample', sample);
    expect(code).toBe(0); // coverage is advice: warnings only
    expect(text).toContain('覆盖率 5%');
  });

  it('explains bad usage', () => {
    expect(run(here('nope')).code).toBe(2);
    expect(run('--bogus').code).toBe(2);
    expect(run('--now', 'tomorrow').code).toBe(2);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.text).toContain('用法 / Usage');
  });

  it('runs as a script with tsx and sets the exit code', () => {
    const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    expect(execFileSync(tsx, [here('validate.ts'), here('demo')], { encoding: 'utf8' })).toContain('通过 / PASSED');
    expect(() => execFileSync(tsx, [here('validate.ts'), here('fixtures/broken')], { stdio: 'pipe' })).toThrow(
      expect.objectContaining({ status: 1 }),
    );
  });
});
