import { readFileSync } from 'node:fs';
import path from 'node:path';
import { badgeSchema, type BadgeDoc } from '../../content/badges';
import { benefitPackSchema, type BenefitPackDoc } from '../../content/benefitPacks';
import { campaignSchema, type CampaignDoc } from '../../content/campaigns';
import { DEFAULT_SETTINGS, type SettingsDoc } from '../../content/settings';
import { tierSchema, type TierDoc } from '../../content/tiers';
import { treeNodeSchema, type TreeNodeDoc } from '../../content/treeNodes';
import { validateProgram, type Program } from '../../content/validateProgram';

/** Small, valid content for domain tests (parsed through the real schemas). */

export const TIERS: TierDoc[] = [
  { _id: 'basic', name: '基础层', threshold: 0, benefits: ['基础福利'], color: '#8A9BA8' },
  { _id: 'advanced', name: '进阶层', threshold: 300, benefits: ['进阶福利'], color: '#3A7BD5' },
  { _id: 'core', name: '核心层', threshold: 1500, benefits: ['核心福利'], color: '#C8A063' },
].map((t) => tierSchema.parse(t));

export const SETTINGS: SettingsDoc = DEFAULT_SETTINGS;

export function pack(overrides: Record<string, unknown> = {}): BenefitPackDoc {
  return benefitPackSchema.parse({
    _id: 'p1',
    title: '测试福利包',
    description: '测试',
    minTier: 'basic',
    cost: 60,
    stock: 10,
    perMemberLimit: 1,
    limitPeriod: 'month',
    startAt: null,
    endAt: null,
    scene: 'normal',
    voucherDays: 7,
    active: true,
    ...overrides,
  });
}

export const LUNCH = pack({
  _id: 'lunch',
  scene: 'lunch',
  limitPeriod: 'day',
  schedule: { weekdays: [1, 2, 3, 4, 5], hours: [{ from: '11:30', to: '13:30' }] },
});

export function badge(id: string, metric: string, gte: number, extra: Record<string, unknown> = {}): BadgeDoc {
  return badgeSchema.parse({
    _id: id,
    name: id,
    description: `${metric} ≥ ${gte}`,
    icon: '🏅',
    rarity: 'common',
    rule: { metric, gte },
    order: gte,
    active: true,
    ...extra,
  });
}

/** A node lit by `metric ≥ gte` (growth by default), unlocking 10 points unless `extra` says otherwise. */
export function node(id: string, branch: string, gte: number, order: number, extra: Record<string, unknown> = {}): TreeNodeDoc {
  return treeNodeSchema.parse({
    _id: id,
    branch,
    branchName: branch === 'learning' ? '学习' : branch === 'community' ? '社群' : '公益',
    rule: { metric: 'growth', gte },
    unlocks: { points: 10 },
    title: id,
    description: `${id} 节点`,
    order,
    ...extra,
  });
}

/** 3 branches × 4 nodes = 12 nodes. */
/** A campaign in May 2031: pre-heat from 05-01, live 05-10 10:00 … 05-20, recap until 05-31; no boosts unless given. */
export function campaign(id: string, extra: Record<string, unknown> = {}): CampaignDoc {
  return campaignSchema.parse({
    _id: id,
    title: id,
    preheatAt: '2031-05-01',
    startAt: '2031-05-10T10:00',
    endAt: '2031-05-20',
    recapUntil: '2031-05-31',
    ...extra,
  });
}

export const NODES: TreeNodeDoc[] = ['learning', 'community', 'charity'].flatMap((b, bi) =>
  [0, 1, 2, 3].map((i) => node(`${b}-${i + 1}`, b, 50 + i * 300 + bi * 100, bi * 10 + i)),
);

/** The demo program (`content/demo/`), validated: the content the functions' tests run against. */
export function demoProgram(): Program {
  const demo = (c: string) =>
    JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'content', 'demo', `${c}.json`), 'utf8')) as unknown[];
  return validateProgram({
    tiers: demo('tiers'),
    badges: demo('badges'),
    tree_nodes: demo('tree_nodes'),
    benefit_packs: demo('benefit_packs'),
    settings: demo('settings'),
    campaigns: demo('campaigns'),
    charity_projects: demo('charity_projects'),
  }).program;
}
