import type { ContentCollection } from './ids';
import { parseContent } from './parseContent';
import { badge, campaign, challenge, charityProject, event, pack, settings, staff, tier, treeNode, type Doc } from './__fixtures__/raw';

/** Applies a change to a fresh valid document (a `path` of `a.b.0.c`; undefined deletes). */
function broken(doc: Doc, path: string, value: unknown): Doc {
  const keys = path.split('.');
  let target = doc as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return doc;
}

const VALID: Record<ContentCollection, () => Doc> = {
  tiers: () => tier('advanced', 300),
  badges: () => badge('streak_7'),
  tree_nodes: () => treeNode('l1'),
  benefit_packs: () =>
    pack('lunch', {
      scene: 'lunch',
      startAt: '2026-11-01',
      endAt: '2026-12-31',
      schedule: { weekdays: [1, 2, 3, 4, 5], hours: [{ from: '11:30', to: '13:30' }] },
    }),
  settings,
  staff,
  challenges: () => challenge('winter'),
  campaigns: () => campaign('thanks'),
  charity_projects: () => charityProject('reading'),
  events: () => event('salon_1'),
};

describe('every valid fixture passes', () => {
  it.each(Object.keys(VALID) as ContentCollection[])('%s', (c) => {
    const r = parseContent(c, [VALID[c]()]);
    expect(r.problems).toEqual([]);
    expect(r.valid).toHaveLength(1);
  });

  it('a team challenge on purchases (recorded since the brand’s systems report orders)', () => {
    const r = parseContent('challenges', [challenge('shoppers', { goal: { metric: 'purchases', target: 6 } })]);
    expect(r.problems).toEqual([]);
  });
});

/** [collection, path to break, bad value, field reported, a word the Chinese message must contain] */
const RULES: Array<[ContentCollection, string, unknown, string, string]> = [
  ['tiers', '_id', 'vip', '_id', 'basic'],
  ['tiers', 'name', undefined, 'name', '缺少必填字段'],
  ['tiers', 'name', '一个非常非常长的等级名称', 'name', '不能超过 10 个字符'],
  ['tiers', 'threshold', -1, 'threshold', '不能小于 0'],
  ['tiers', 'threshold', 12.5, 'threshold', '整数'],
  ['tiers', 'threshold', '300', 'threshold', '应为数字'],
  ['tiers', 'benefits', '权益', 'benefits', '列表'],
  ['tiers', 'benefits.1', '   ', 'benefits[1]', '不能为空'],
  ['tiers', 'color', 'gold', 'color', '#RRGGBB'],
  ['badges', '_id', 'streak 7', '_id', '字母'],
  ['badges', 'rule.metric', 'likes', 'rule.metric', 'streak'],
  ['badges', 'rule.gte', 0, 'rule.gte', '不能小于 1'],
  ['badges', 'rule', 'streak', 'rule', '对象'],
  ['badges', 'rarity', 'mythic', 'rarity', 'legendary'],
  ['badges', 'icon', '一个超过十六个字符长度的图标名称啊啊', 'icon', '不能超过 16 个字符'],
  ['badges', 'active', 'yes', 'active', 'true/false'],
  ['tree_nodes', 'branch', 'Learning', 'branch', '小写'],
  ['tree_nodes', 'rule.gte', 0, 'rule.gte', '不能小于 1'],
  ['tree_nodes', 'rule.metric', 'treeNodes', 'rule.metric', 'growth'],
  ['tree_nodes', 'rule', undefined, 'rule', '缺少必填字段'],
  ['tree_nodes', 'unlocks', undefined, 'unlocks', '缺少必填字段'],
  ['tree_nodes', 'unlocks', {}, 'unlocks', '至少填写一项'],
  ['tree_nodes', 'unlocks.points', 0, 'unlocks.points', '不能小于 1'],
  ['tree_nodes', 'unlocks.feature', 'vip', 'unlocks.feature', 'cardFrame'],
  ['tree_nodes', 'title', '', 'title', '不能为空'],
  ['tree_nodes', 'order', 1.5, 'order', '整数'],
  ['benefit_packs', 'minTier', 'gold', 'minTier', 'core'],
  ['benefit_packs', 'cost', -1, 'cost', '不能小于 0'],
  ['benefit_packs', 'cost', 9.9, 'cost', '整数'],
  ['benefit_packs', 'stock', undefined, 'stock', '缺少必填字段'],
  ['benefit_packs', 'stock', '10', 'stock', '应为数字'],
  ['benefit_packs', 'perMemberLimit', 0, 'perMemberLimit', '不能小于 1'],
  ['benefit_packs', 'limitPeriod', 'year', 'limitPeriod', 'campaign'],
  ['benefit_packs', 'startAt', '2026/11/01', 'startAt', '2026-12-25'],
  ['benefit_packs', 'startAt', '2026-02-30', 'startAt', '2026-12-25'],
  ['benefit_packs', 'endAt', '2026-10-31', 'endAt', '晚于开始时间'],
  ['benefit_packs', 'schedule.weekdays', [1, 7], 'schedule.weekdays[1]', '不能大于 6'],
  ['benefit_packs', 'schedule.weekdays', [], 'schedule.weekdays', '至少填写一天'],
  ['benefit_packs', 'schedule.weekdays', [1, 1], 'schedule.weekdays', '重复'],
  ['benefit_packs', 'schedule.hours.0.from', '25:00', 'schedule.hours[0].from', 'HH:mm'],
  ['benefit_packs', 'schedule.hours.0.to', '11:00', 'schedule.hours[0].to', '晚于开始时间'],
  [
    'benefit_packs',
    'schedule.hours',
    [
      { from: '11:00', to: '13:00' },
      { from: '12:30', to: '14:00' },
    ],
    'schedule.hours',
    '重叠',
  ],
  ['benefit_packs', 'schedule.hours', [], 'schedule.hours', '至少填写一个时间段'],
  ['benefit_packs', 'scene', 'festival', 'scene', 'holiday'],
  ['benefit_packs', 'voucherDays', 0, 'voucherDays', '不能小于 1'],
  ['benefit_packs', 'active', undefined, 'active', '缺少必填字段'],
  ['benefit_packs', 'requires', {}, 'requires', '至少填写一项'],
  ['benefit_packs', 'requires', { nodeId: 'a b' }, 'requires.nodeId', '字母'],
  ['tiers', 'entryReward', { points: -1 }, 'entryReward.points', '不能小于 0'],
  ['settings', 'birthday', { points: 10 }, 'birthday.growth', '缺少必填字段'],
  ['settings', 'invite.inviteeReward', { points: -5, growth: 0 }, 'invite.inviteeReward.points', '不能小于 0'],
  ['campaigns', 'startAt', '2026-11-01', 'startAt', '不能早于预热开始'],
  ['campaigns', 'endAt', '2026-11-22', 'endAt', '晚于开始时间'],
  ['campaigns', 'recapUntil', '2026-12-19', 'recapUntil', '不能早于活动结束'],
  ['campaigns', 'recapUntil', null, 'recapUntil', '必须填写时间'],
  ['campaigns', 'boosts.checkin.pointsMultiplier', 6, 'boosts.checkin.pointsMultiplier', '不能大于 5'],
  ['campaigns', 'boosts.checkin.growthMultiplier', 1.25, 'boosts.checkin.growthMultiplier', '一位小数'],
  ['campaigns', 'packIds', ['a b'], 'packIds[0]', '字母'],
  ['charity_projects', 'goalPoints', 0, 'goalPoints', '不能小于 1'],
  ['charity_projects', 'story', '', 'story', '不能为空'],
  ['charity_projects', 'endAt', '2026-10-01', 'endAt', '晚于开始时间'],
  ['settings', '_id', 'other', '_id', 'main'],
  ['settings', 'checkin.points', undefined, 'checkin.points', '缺少必填字段'],
  ['settings', 'checkin.streakBonuses.1.days', 7, 'checkin.streakBonuses', '不能重复'],
  ['settings', 'checkin.streakBonuses.0.days', 1, 'checkin.streakBonuses[0].days', '不能小于 2'],
  ['settings', 'invite.activation.checkinDays', 8, 'invite.activation.checkinDays', '不能多于限定天数'],
  ['settings', 'invite.inviterDailyRewardCap', -1, 'invite.inviterDailyRewardCap', '不能小于 0'],
  ['settings', 'tier.coverageTargets.core', 120, 'tier.coverageTargets.core', '不能大于 100'],
  ['staff', '_id', 'admin', '_id', 'OPENID'],
  ['staff', 'roles', [], 'roles', '至少需要 1 项'],
  ['staff', 'roles', ['ops', 'ops'], 'roles', '重复'],
  ['staff', 'roles', ['boss'], 'roles[0]', 'verifier'],
  ['staff', 'active', undefined, 'active', '缺少必填字段'],
  ['challenges', 'joinFrom', '2026-12-08', 'joinFrom', '不能晚于开赛时间'],
  ['challenges', 'startAt', null, 'startAt', '必须填写日期'],
  ['challenges', 'endAt', '2026-12-06', 'endAt', '晚于开始时间'],
  ['challenges', 'teamSize.min', 1, 'teamSize.min', '不能小于 2'],
  ['challenges', 'teamSize.max', 11, 'teamSize.max', '不能大于 10'],
  ['challenges', 'teamSize.max', 2, 'teamSize.max', '不能小于最少人数'],
  ['challenges', 'goal.target', 0, 'goal.target', '不能小于 1'],
  ['challenges', 'goal.metric', 'likes', 'goal.metric', 'checkins'],
  ['challenges', 'reward.points', -5, 'reward.points', '不能小于 0'],
  ['challenges', 'joinGraceHours', 200, 'joinGraceHours', '不能大于 168'],
  ['staff', 'roles', ['host', 'host'], 'roles', '重复'],
  ['events', 'startAt', null, 'startAt', '必须填写'],
  ['events', 'endAt', '2026-12-05T13:00', 'endAt', '晚于开始时间'],
  ['events', 'endAt', 'tomorrow', 'endAt', '2026-12-25'],
  ['events', 'points', -1, 'points', '不能小于 0'],
  ['events', 'kind', 'party', 'kind', 'course'],
  ['events', 'title', '', 'title', '不能为空'],
  ['settings', 'purchase.pointsPerYuan', 1.234, 'purchase.pointsPerYuan', '两位小数'],
  ['settings', 'purchase.holdDays', 61, 'purchase.holdDays', '不能大于 60'],
  ['settings', 'purchase.rounding', 'up', 'purchase.rounding', 'floor'],
  ['settings', 'points.expiry.months', 0, 'points.expiry.months', '不能小于 1'],
  ['settings', 'event.graceMinutes', -5, 'event.graceMinutes', '不能小于 0'],
];

describe('each schema rule rejects its failing fixture, by id and field, in both languages', () => {
  it.each(RULES)('%s.%s = %j', (collection, path, value, field, zhWord) => {
    const doc = broken(VALID[collection](), path, value);
    const r = parseContent(collection, [doc]);
    expect(r.valid).toEqual([]);
    const p = r.problems.find((x) => x.severity === 'error' && x.field === field);
    expect(p).toBeDefined();
    expect(p?.collection).toBe(collection);
    expect(p?.id).toBe(typeof doc._id === 'string' ? doc._id : '#1');
    expect(p?.message_zh).toContain(zhWord);
    expect(p?.message_en).toMatch(/[a-z]/);
  });
});

describe('messages name the field the way ops know it', () => {
  it('prefixes the Chinese field name and the English one', () => {
    const r = parseContent('tiers', [{ ...tier('core', 1500), threshold: -1 }]);
    expect(r.problems[0]).toEqual({
      collection: 'tiers',
      id: 'core',
      field: 'threshold',
      message_zh: '「门槛成长值」threshold 不能小于 0',
      message_en: 'Growth threshold (threshold) must be at least 0',
      severity: 'error',
    });
  });
});
