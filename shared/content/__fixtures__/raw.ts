import type { RawProgram } from '../validateProgram';

/**
 * A small valid program as ops would type it (raw JSON-like documents). Each call returns fresh
 * copies, so a test can break one field without affecting the others.
 */
export type Doc = Record<string, unknown>;

export const tier = (id: string, threshold: number): Doc => ({
  _id: id,
  name: { basic: '基础层', advanced: '进阶层', core: '核心层' }[id] ?? id,
  threshold,
  benefits: ['权益一', '权益二'],
  color: '#C8A063',
});

export const badge = (id: string, metric = 'streak', gte = 7): Doc => ({
  _id: id,
  name: '七日坚持',
  description: '连续签到 7 天',
  icon: '🔥',
  rarity: 'rare',
  rule: { metric, gte },
  order: 1,
  active: true,
});

export const treeNode = (id: string, branch = 'learning', gte = 100, order = 1, metric = 'growth'): Doc => ({
  _id: id,
  branch,
  branchName: branch === 'learning' ? '学习' : '社群',
  rule: { metric, gte },
  unlocks: { points: 10 },
  title: '新手课堂',
  description: '迈出成长的第一步',
  order,
});

export const campaign = (id: string, extra: Doc = {}): Doc => ({
  _id: id,
  title: '会员感恩季',
  description: '活动期间签到积分翻倍',
  preheatAt: '2026-11-16',
  startAt: '2026-11-23',
  endAt: '2026-12-20',
  recapUntil: '2027-01-10',
  boosts: { checkin: { pointsMultiplier: 2, growthMultiplier: 1.5 } },
  packIds: ['health'],
  ...extra,
});

export const charityProject = (id: string, extra: Doc = {}): Doc => ({
  _id: id,
  title: '山区儿童阅读角',
  story: '每 100 积分，品牌捐赠 10 元用于购买图书。',
  goalPoints: 50000,
  startAt: '2026-11-01',
  endAt: null,
  ...extra,
});

export const pack = (id: string, extra: Doc = {}): Doc => ({
  _id: id,
  title: '健康福利包',
  description: '健康食谱卡 + 保温杯',
  minTier: 'basic',
  cost: 80,
  stock: 100,
  perMemberLimit: 1,
  limitPeriod: 'month',
  startAt: null,
  endAt: null,
  scene: 'normal',
  voucherDays: 14,
  active: true,
  ...extra,
});

export const settings = (): Doc => ({
  _id: 'main',
  checkin: {
    points: 10,
    growth: 10,
    streakBonuses: [
      { days: 7, points: 30, growth: 20, repeat: true },
      { days: 30, points: 100, growth: 80, repeat: true },
    ],
  },
  invite: {
    rewardPoints: 50,
    rewardGrowth: 30,
    activation: { checkinDays: 3, withinDays: 7, orFirstRedemption: true },
    inviterDailyRewardCap: 5,
  },
  tier: { windowMonths: 12, downgradeWarningDays: 30, coverageTargets: { basic: 90, advanced: 40, core: 10 } },
  purchase: { pointsPerYuan: 1, growthPerYuan: 0.5, rounding: 'floor', holdDays: 7 },
  points: { expiry: { months: 12 } },
  event: { graceMinutes: 30 },
});

export const staff = (): Doc => ({ _id: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', roles: ['verifier'], storeId: 'sh-01', active: true });

export const challenge = (id: string, extra: Doc = {}): Doc => ({
  _id: id,
  title: '冬日组队签到挑战',
  description: '3–5 人组队，开赛后队员签到累计 40 次即完成',
  joinFrom: '2026-12-01',
  startAt: '2026-12-07',
  endAt: '2026-12-20',
  teamSize: { min: 3, max: 5 },
  goal: { metric: 'checkins', target: 40 },
  reward: { points: 60, growth: 40, badgeId: 'streak_7' },
  ...extra,
});

export const event = (id: string, extra: Doc = {}): Doc => ({
  _id: id,
  title: '周末读书会',
  place: '静安店二楼',
  startAt: '2026-12-05T14:00',
  endAt: '2026-12-05T16:00',
  points: 50,
  growth: 30,
  active: true,
  ...extra,
});

export interface RawFixture extends RawProgram {
  tiers: Doc[];
  badges: Doc[];
  tree_nodes: Doc[];
  benefit_packs: Doc[];
  settings: Doc[];
  staff: Doc[];
  challenges: Doc[];
  campaigns: Doc[];
  charity_projects: Doc[];
  events: Doc[];
}

export function validProgram(): RawFixture {
  return {
    tiers: [tier('basic', 0), tier('advanced', 300), tier('core', 1500)],
    badges: [badge('streak_7'), badge('first_checkin', 'checkinDays', 1)],
    tree_nodes: [treeNode('l1', 'learning', 20, 1), treeNode('l2', 'learning', 200, 2), treeNode('c1', 'community', 50, 10)],
    benefit_packs: [
      pack('health'),
      pack('lunch', {
        scene: 'lunch',
        limitPeriod: 'day',
        schedule: { weekdays: [1, 2, 3, 4, 5], hours: [{ from: '11:30', to: '13:30' }] },
      }),
      pack('xmas', { scene: 'holiday', startAt: '2026-12-25', endAt: '2027-01-03', limitPeriod: 'campaign' }),
    ],
    settings: [settings()],
    staff: [staff()],
    challenges: [challenge('winter')],
    campaigns: [campaign('thanks')],
    charity_projects: [charityProject('reading')],
    events: [event('salon_1')],
  };
}
