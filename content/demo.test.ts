import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFunctionEnvFile } from '../localcloud/src/functions/env';
import { validateProgram, type Program } from '../shared/content';
import { pointsForDailyCheckins } from '../shared/domain/checkinReward';
import { campaignPhase } from '../shared/domain/campaigns';
import { nodeUnlockItems } from '../shared/domain/growthTree';
import { scheduleText, dateWindowText } from '../shared/domain/packSchedule';
import { challengePhase } from '../shared/domain/teamChallenge';

const load = (c: string): unknown[] => JSON.parse(readFileSync(join(__dirname, 'demo', `${c}.json`), 'utf8')) as unknown[];

const raw = {
  tiers: load('tiers'),
  badges: load('badges'),
  tree_nodes: load('tree_nodes'),
  benefit_packs: load('benefit_packs'),
  settings: load('settings'),
  staff: load('staff'),
  challenges: load('challenges'),
  campaigns: load('campaigns'),
  charity_projects: load('charity_projects'),
  events: load('events'),
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
    // The layers' own packs: always on the shelf, open to the whole layer (no campaign dates, no requirement).
    const inTier = (tier: string) =>
      p.benefit_packs.filter((x) => x.minTier === tier && x.scene === 'normal' && !x.requires && !x.startAt).map((x) => x.title);
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
    const rules = p.badges.flatMap((b) => (b.rule ? [`${b.rule.metric}:${b.rule.gte}`] : []));
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

  it('has a growth tree of 4 branches × 4 nodes, each branch on the metric that means it, every node unlocking something real', () => {
    const branches = new Map<string, Set<string>>();
    for (const n of p.tree_nodes) branches.set(n.branchName, (branches.get(n.branchName) ?? new Set()).add(n.rule.metric));
    expect([...branches].map(([name, metrics]) => [name, [...metrics]])).toEqual([
      ['坚持', ['checkinDays', 'streak']],
      // 学习: offline events attended and courses (the demo events hold the courses it asks for).
      ['学习', ['eventsAttended', 'coursesAttended']],
      // 社群: friends who became active members, and a team challenge completed together.
      ['社群', ['invitesActivated', 'teamChallenges']],
      ['公益', ['pointsDonated']],
    ]);
    expect(p.tree_nodes).toHaveLength(16);
    for (const n of p.tree_nodes) expect(nodeUnlockItems(n, p).length).toBeGreaterThan(0);
    // The nodes the plan names deliver: 导师计划 and 进阶课程 open packs that require them; 公益初心 the certificate.
    const unlocks = (id: string) =>
      nodeUnlockItems(
        p.tree_nodes.find((n) => n._id === id)!,
        p,
      ).map((i) => i.label);
    expect(unlocks('learning_3')).toEqual(['导师计划报名券']);
    expect(unlocks('learning_2')).toEqual(['进阶课程']);
    expect(unlocks('charity_1')).toEqual(['公益同行电子证书']);
    expect(p.tree_nodes.find((n) => n._id === 'community_3')).toMatchObject({ rule: { metric: 'teamChallenges', gte: 1 } });
    expect(p.benefit_packs.find((x) => x._id === 'learning_mentor_program')?.requires).toEqual({ nodeId: 'learning_3' });
  });

  it('can light every 学习 node with its own demo events: enough events and courses, and node texts that say what it takes', () => {
    const learning = p.tree_nodes.filter((n) => n.branch === 'learning');
    const need = (metric: string) => Math.max(0, ...learning.filter((n) => n.rule.metric === metric).map((n) => n.rule.gte));
    const active = p.events.filter((e) => e.active);
    expect(active.length).toBeGreaterThanOrEqual(need('eventsAttended'));
    expect(active.filter((e) => e.kind === 'course').length).toBeGreaterThanOrEqual(need('coursesAttended'));
    expect(need('coursesAttended')).toBeGreaterThan(0);
    // Each node's description names what lights it (活动 / 课程, and the number) — never growth.
    for (const n of learning) {
      expect(n.description).toContain(String(n.rule.gte));
      expect(n.description).toMatch(n.rule.metric === 'coursesAttended' ? /课程/ : /活动/);
      expect(n.description).not.toMatch(/成长值/);
    }
  });

  it('has one campaign per phase over the demo dates, each boosting check-ins, and charity projects open now', () => {
    const at = '2026-11-30T02:00:00Z';
    expect(p.campaigns.map((c) => [c.title, campaignPhase(c, at)])).toEqual([
      ['秋日打卡月', 'recap'],
      ['会员感恩季', 'live'],
      ['岁末答谢周', 'preheat'],
    ]);
    expect(p.charity_projects.map((c) => c.title)).toEqual(['山区儿童阅读角', '城市河道守护']);
  });

  it('sets a birthday gift, an invitee reward, entry rewards for the upper tiers and a birthday-month pack', () => {
    expect(p.settings.birthday).toEqual({ points: 88, growth: 20 });
    expect(p.settings.invite.inviteeReward).toEqual({ points: 30, growth: 10 });
    expect(p.tiers.map((t) => [t._id, t.entryReward])).toEqual([
      ['basic', null],
      ['advanced', { points: 100, packId: 'adv_priority_buy' }],
      ['core', { points: 300, packId: null }],
    ]);
    expect(p.benefit_packs.filter((x) => x.requires?.birthdayMonth).map((x) => x.title)).toEqual(['生日月礼遇']);
  });

  it('has team challenges: two running (check-ins, redemptions), one open for teams, with badges for team players', () => {
    const phases = p.challenges.map((c) => [c._id, c.goal.metric, challengePhase(c, '2026-11-30T04:00:00Z')]);
    expect(phases).toEqual([
      ['winter_checkin_team', 'checkins', 'running'],
      ['share_the_perks', 'redemptions', 'running'],
      ['new_year_full_house', 'checkinDays', 'open'],
    ]);
    expect(p.challenges.find((c) => c._id === 'new_year_full_house')?.reward.badgeId).toBe('team_full_house');
    expect(p.badges.filter((b) => b.rule?.metric === 'teamChallenges').map((b) => b.name)).toEqual(['同心协力']);
    // 全员到齐 is the challenge's own badge: no rule, so only completing 新春全员打卡挑战 lights it.
    expect(p.badges.find((b) => b._id === 'team_full_house')?.rule).toBeNull();
    // The reward comes from the members' own activity; nothing is promised for sharing.
    for (const c of p.challenges) expect(c.description).not.toMatch(/分享|转发|助力/);
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
