import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFunctionEnvFile } from '../localcloud/src/functions/env';
import { validateProgram, type Program } from '../shared/content';
import { pointsForDailyCheckins } from '../shared/domain/checkinReward';
import { growthTree } from '../shared/domain/growthTree';
import { scheduleText, dateWindowText } from '../shared/domain/packSchedule';

const load = (c: string): unknown[] => JSON.parse(readFileSync(join(__dirname, 'demo', `${c}.json`), 'utf8')) as unknown[];

const raw = {
  tiers: load('tiers'),
  badges: load('badges'),
  tree_nodes: load('tree_nodes'),
  benefit_packs: load('benefit_packs'),
  settings: load('settings'),
  staff: load('staff'),
};

describe('demo program (issue 7)', () => {
  const report = validateProgram(raw, { now: '2026-11-23T04:00:00Z' });
  const p: Program = report.program;
  const titles = p.benefit_packs.map((x) => x.title);

  it('is valid: no errors, no warnings, nothing skipped', () => {
    expect(report.problems).toEqual([]);
    expect(p.benefit_packs).toHaveLength(raw.benefit_packs.length);
  });

  it('has the three layers with increasing thresholds', () => {
    expect(p.tiers.map((t) => [t._id, t.name])).toEqual([
      ['basic', '基础层'],
      ['advanced', '进阶层'],
      ['core', '核心层'],
    ]);
  });

  it('has the plan’s packs in each layer', () => {
    const inTier = (tier: string) => p.benefit_packs.filter((x) => x.minTier === tier && x.scene === 'normal').map((x) => x.title);
    expect(inTier('basic')).toEqual(['年度专属资料包', '健康福利包', '积分兑换优惠']);
    expect(inTier('advanced')).toEqual(['产品共创实验室名额', '线下沙龙席位', '会员优先购']);
    expect(inTier('core')).toEqual(['创始人直通车', '全球限量礼盒', '家族传承计划']);
  });

  it('has the scene packs: weekday lunch, weekend family, holidays with windows', () => {
    const byTitle = (t: string) => p.benefit_packs.find((x) => x.title === t);
    expect(titles).toEqual(expect.arrayContaining(['工作日午间福利包', '周末家庭福利']));
    expect(scheduleText(byTitle('工作日午间福利包')?.schedule ?? null)).toBe('工作日 11:30–13:30');
    expect(scheduleText(byTitle('周末家庭福利')?.schedule ?? null)).toBe('周六、周日');
    const holidays = p.benefit_packs.filter((x) => x.scene === 'holiday');
    expect(holidays.map((h) => dateWindowText(h))).toEqual(['2026年12月25日–2027年1月3日', '2月4日–2月20日']);
  });

  it('makes a basic pack reachable within a week of check-ins', () => {
    const cheapest = Math.min(...p.benefit_packs.filter((x) => x.minTier === 'basic').map((x) => x.cost));
    expect(cheapest).toBeLessThanOrEqual(pointsForDailyCheckins(p.settings, 7));
    const annual = p.benefit_packs.find((x) => x._id === 'basic_annual_kit');
    expect(annual?.cost).toBeLessThanOrEqual(pointsForDailyCheckins(p.settings, 7));
  });

  it('has 12+ badges over every rarity and the metrics named in the issue', () => {
    expect(p.badges.length).toBeGreaterThanOrEqual(12);
    expect(new Set(p.badges.map((b) => b.rarity))).toEqual(new Set(['common', 'rare', 'epic', 'legendary']));
    const rules = p.badges.map((b) => `${b.rule.metric}:${b.rule.gte}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'checkinDays:1',
        'streak:7',
        'streak:30',
        'streak:100',
        'redemptions:1',
        'invitesActivated:1',
        'invitesActivated:3',
        'invitesActivated:10',
        'treeNodes:1',
      ]),
    );
  });

  it('has a growth tree of 3 branches × 4 nodes that a year of check-ins mostly unlocks', () => {
    const tree = growthTree(p.tree_nodes, 0);
    expect(tree.branches.map((b) => [b.name, b.nodes.length])).toEqual([
      ['学习', 4],
      ['社群', 4],
      ['公益', 4],
    ]);
    expect(growthTree(p.tree_nodes, 10).stage).toBe('seed');
    expect(growthTree(p.tree_nodes, 20).stage).toBe('sprout'); // the first check-ins already show growth
    expect(growthTree(p.tree_nodes, 2000).stage).toBe('fruit');
  });

  it('seeds three demo staff with realistic openids: a verifier, ops and an event host', () => {
    expect(p.staff.map((s) => s.roles)).toEqual([['verifier'], ['ops'], ['host']]);
    for (const s of p.staff) expect(s._id).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });

  it('gives the partner function its demo secret (localcloud --seed loads demo/functions.env.json)', () => {
    expect(readFunctionEnvFile(join(__dirname, 'demo', 'functions.env.json'))).toEqual({
      partner: { PARTNER_SECRET: 'mc-demo-partner-secret' },
    });
  });
});
