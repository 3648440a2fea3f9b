import { DEFAULT_SETTINGS } from './settings';
import { packsOverlap, validateProgram, type ValidateOptions } from './validateProgram';
import { benefitPackSchema } from './benefitPacks';
import { badge, campaign, pack, treeNode, tier, validProgram, type Doc, type RawFixture } from './__fixtures__/raw';

function check(change: (p: RawFixture) => void, options?: ValidateOptions) {
  const p = validProgram();
  change(p);
  return validateProgram(p, options);
}

function only(change: (p: RawFixture) => void, options?: ValidateOptions) {
  return check(change, options).problems;
}

describe('validateProgram', () => {
  it('passes the valid fixture with no problem at all', () => {
    const r = validateProgram(validProgram(), { now: '2026-11-23T04:00:00Z' });
    expect(r.problems).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.program.benefit_packs).toHaveLength(3);
  });

  it('skips broken documents but serves the rest', () => {
    const r = check((p) => p.benefit_packs.push({ ...pack('bad'), cost: -5 }));
    expect(r.errors).toBe(1);
    expect(r.program.benefit_packs.map((x) => x._id)).toEqual(['health', 'lunch', 'xmas']);
  });

  describe('tiers', () => {
    it('error: a tier document is missing', () => {
      expect(only((p) => p.tiers.splice(2, 1))).toEqual([
        expect.objectContaining({ collection: 'tiers', id: 'core', field: '', severity: 'error' }),
      ]);
    });

    it('error: basic threshold is not 0', () => {
      expect(only((p) => (p.tiers[0] = tier('basic', 10)))).toEqual([
        expect.objectContaining({ id: 'basic', field: 'threshold', severity: 'error' }),
      ]);
    });

    it('error: thresholds not increasing basic < advanced < core', () => {
      const problems = only((p) => (p.tiers[2] = tier('core', 300)));
      expect(problems).toEqual([
        expect.objectContaining({
          id: 'core',
          field: 'threshold',
          severity: 'error',
          message_zh: expect.stringContaining('基础层 < 进阶层 < 核心层'),
        }),
      ]);
    });

    it('error: duplicate ids', () => {
      expect(only((p) => p.tiers.push(tier('core', 2000)))).toEqual([
        expect.objectContaining({ id: 'core', field: '_id', severity: 'error' }),
      ]);
    });
  });

  describe('badges', () => {
    it('error: a rule naming an unknown metric', () => {
      expect(only((p) => p.badges.push(badge('likes', 'likes', 10)))).toEqual([
        expect.objectContaining({ collection: 'badges', id: 'likes', field: 'rule.metric', severity: 'error' }),
      ]);
    });

    it('warning: a tree-node badge needing more nodes than exist', () => {
      expect(only((p) => p.badges.push(badge('tree_all', 'treeNodes', 12)))).toEqual([
        expect.objectContaining({ id: 'tree_all', field: 'rule.gte', severity: 'warning' }),
      ]);
    });

    it('warning: two badges with the same rule', () => {
      expect(only((p) => p.badges.push(badge('streak_7_copy')))).toEqual([
        expect.objectContaining({ id: 'streak_7_copy', field: 'rule', severity: 'warning' }),
      ]);
    });
  });

  describe('tree_nodes', () => {
    it('error: targets of one metric not increasing within a branch', () => {
      expect(only((p) => p.tree_nodes.push(treeNode('l3', 'learning', 150, 3)))).toEqual([
        expect.objectContaining({ collection: 'tree_nodes', id: 'l3', field: 'rule.gte', severity: 'error' }),
      ]);
    });

    it('is fine with equal targets in different branches, or on another metric of the same branch', () => {
      expect(only((p) => p.tree_nodes.push(treeNode('c2', 'community', 200, 11)))).toEqual([]);
      expect(only((p) => p.tree_nodes.push(treeNode('l3', 'learning', 5, 3, 'checkinDays')))).toEqual([]);
    });

    it('error: a node without unlocks, or with empty unlocks — a node must give something', () => {
      expect(only((p) => delete p.tree_nodes[0].unlocks)).toEqual([
        expect.objectContaining({ id: 'l1', field: 'unlocks', severity: 'error', message_zh: '「点亮后解锁」unlocks 缺少必填字段' }),
      ]);
      expect(only((p) => (p.tree_nodes[0].unlocks = {}))).toEqual([
        expect.objectContaining({ id: 'l1', field: 'unlocks', severity: 'error', message_zh: expect.stringContaining('至少填写一项') }),
      ]);
    });

    it('error: a rule on a metric nothing records, or on treeNodes (a node cannot wait for nodes)', () => {
      // (Nothing records shares of articles: not a metric rules may name.)
      expect(only((p) => (p.tree_nodes[0].rule = { metric: 'articlesShared', gte: 1 }))).toEqual([
        expect.objectContaining({ id: 'l1', field: 'rule.metric', severity: 'error' }),
      ]);
      // Events attended are recorded (the `event` function): a node may count them.
      expect(only((p) => (p.tree_nodes[0].rule = { metric: 'eventsAttended', gte: 1 }))).toEqual([]);
      expect(only((p) => (p.tree_nodes[0].rule = { metric: 'treeNodes', gte: 1 }))).toEqual([
        expect.objectContaining({ id: 'l1', field: 'rule.metric', severity: 'error' }),
      ]);
    });

    it('error: an unlock that delivers nothing — a missing badge, a missing pack, a pack the node does not open', () => {
      expect(only((p) => (p.tree_nodes[0].unlocks = { badgeId: 'nope' }))).toEqual([
        expect.objectContaining({ id: 'l1', field: 'unlocks.badgeId', severity: 'error' }),
      ]);
      expect(only((p) => (p.tree_nodes[0].unlocks = { packId: 'nope' }))).toEqual([
        expect.objectContaining({ id: 'l1', field: 'unlocks.packId', severity: 'error' }),
      ]);
      const problems = only((p) => (p.tree_nodes[0].unlocks = { packId: 'health' }));
      expect(problems).toEqual([expect.objectContaining({ id: 'l1', field: 'unlocks.packId', severity: 'error' })]);
      expect(problems[0].message_zh).toContain('requires.nodeId');
    });

    it('accepts a node that opens a pack requiring it, and a badge only that node awards', () => {
      expect(
        only((p) => {
          p.tree_nodes[1].unlocks = { packId: 'mentor', badgeId: 'mentor_badge', feature: 'cardFrame' };
          p.benefit_packs.push(pack('mentor', { minTier: 'advanced', requires: { nodeId: 'l2' } }));
          p.badges.push({ ...badge('mentor_badge'), rule: null });
        }),
      ).toEqual([]);
    });

    it('warning: one branch with two names', () => {
      expect(only((p) => p.tree_nodes.push({ ...treeNode('l3', 'learning', 500, 3), branchName: '成长' }))).toEqual([
        expect.objectContaining({ id: 'l3', field: 'branchName', severity: 'warning' }),
      ]);
    });
  });

  describe('badges awarded by nodes, campaigns, team challenges and offline events', () => {
    it('error: a badge without a rule that nothing awards', () => {
      expect(only((p) => p.badges.push({ ...badge('orphan'), rule: null }))).toEqual([
        expect.objectContaining({ collection: 'badges', id: 'orphan', field: 'rule', severity: 'error' }),
      ]);
    });

    it('a campaign may award a badge without a rule', () => {
      expect(
        only((p) => {
          p.badges.push({ ...badge('thanks_badge'), rule: null });
          p.campaigns[0].badgeId = 'thanks_badge';
        }),
      ).toEqual([]);
    });

    it('a team challenge may award a badge without a rule (its reward badge)', () => {
      expect(
        only((p) => {
          p.badges.push({ ...badge('full_house'), rule: null });
          p.challenges[0] = { ...p.challenges[0], reward: { points: 60, growth: 40, badgeId: 'full_house' } };
        }),
      ).toEqual([]);
    });

    it('an active offline event may award a badge without a rule (given at the door); an inactive one may not', () => {
      const withSalonBadge = (active: boolean) =>
        only((p) => {
          p.badges.push({ ...badge('salon_badge'), rule: null });
          p.events[0] = { ...p.events[0], badgeId: 'salon_badge', active };
        });
      expect(withSalonBadge(true)).toEqual([]);
      expect(withSalonBadge(false)).toEqual([
        expect.objectContaining({ collection: 'badges', id: 'salon_badge', field: 'rule', severity: 'error' }),
      ]);
    });
  });

  describe('benefit_packs.requires', () => {
    it('error: requiring a badge or a node that does not exist', () => {
      expect(only((p) => p.benefit_packs.push(pack('x', { requires: { badgeId: 'nope', nodeId: 'nope' } }))).map((x) => x.field)).toEqual([
        'requires.badgeId',
        'requires.nodeId',
      ]);
    });

    it('error: an empty requires; birthdayMonth must be true', () => {
      expect(only((p) => p.benefit_packs.push(pack('x', { requires: {} })))).toEqual([
        expect.objectContaining({ id: 'x', field: 'requires', severity: 'error' }),
      ]);
      expect(only((p) => p.benefit_packs.push(pack('x', { requires: { birthdayMonth: false } })))).toEqual([
        expect.objectContaining({ id: 'x', field: 'requires.birthdayMonth', severity: 'error' }),
      ]);
      expect(only((p) => p.benefit_packs.push(pack('x', { requires: { birthdayMonth: true } })))).toEqual([]);
    });
  });

  describe('tiers.entryReward', () => {
    it('error: a voucher of a pack that does not exist; warning: basic has none to pay', () => {
      expect(only((p) => (p.tiers[1].entryReward = { points: 100, packId: 'nope' }))).toEqual([
        expect.objectContaining({ id: 'advanced', field: 'entryReward.packId', severity: 'error' }),
      ]);
      expect(only((p) => (p.tiers[0].entryReward = { points: 100 }))).toEqual([
        expect.objectContaining({ id: 'basic', field: 'entryReward', severity: 'warning' }),
      ]);
      expect(only((p) => (p.tiers[2].entryReward = { points: 300, packId: 'health' }))).toEqual([]);
    });
  });

  describe('campaigns', () => {
    it('error: the four dates out of order', () => {
      expect(only((p) => p.campaigns.push(campaign('c2', { startAt: '2026-11-10' }))).map((x) => [x.id, x.field])).toEqual([
        ['c2', 'startAt'],
      ]);
      expect(only((p) => p.campaigns.push(campaign('c2', { endAt: '2026-11-22' }))).map((x) => [x.id, x.field])).toEqual([['c2', 'endAt']]);
      expect(only((p) => p.campaigns.push(campaign('c2', { recapUntil: '2026-12-19' }))).map((x) => [x.id, x.field])).toEqual([
        ['c2', 'recapUntil'],
      ]);
      expect(only((p) => p.campaigns.push(campaign('c2', { preheatAt: null }))).map((x) => [x.id, x.field])).toEqual([['c2', 'preheatAt']]);
    });

    it('error: a multiplier outside 1–5 or with two decimals', () => {
      for (const m of [0.5, 6, 1.25]) {
        const c = campaign('c2', {
          boosts: { checkin: { pointsMultiplier: m, growthMultiplier: 1 } },
          startAt: '2027-03-01',
          endAt: '2027-03-10',
          recapUntil: '2027-03-20',
        });
        expect(only((p) => p.campaigns.push(c)).map((x) => x.field)).toEqual(['boosts.checkin.pointsMultiplier']);
      }
    });

    it('error: packs and a badge that do not exist', () => {
      expect(
        only((p) =>
          p.campaigns.push(
            campaign('c2', { packIds: ['nope'], badgeId: 'nope', startAt: '2027-03-01', endAt: '2027-03-10', recapUntil: '2027-03-20' }),
          ),
        ).map((x) => x.field),
      ).toEqual(['packIds[0]', 'badgeId']);
    });

    it('warning: two boosting campaigns live at the same time; and one whose recap is over', () => {
      expect(
        only((p) => p.campaigns.push(campaign('c2', { startAt: '2026-12-01', endAt: '2026-12-31', recapUntil: '2027-01-10' }))),
      ).toEqual([expect.objectContaining({ id: 'c2', field: 'boosts.checkin', severity: 'warning' })]);
      expect(only(() => undefined, { now: '2027-01-11T00:00:00+08:00' }).filter((x) => x.collection === 'campaigns')).toEqual([
        expect.objectContaining({ collection: 'campaigns', id: 'thanks', field: 'recapUntil', severity: 'warning' }),
      ]);
    });
  });

  describe('benefit_packs', () => {
    it('error: a pack naming a tier that has no valid document', () => {
      const problems = only((p) => {
        p.tiers.splice(2, 1);
        p.benefit_packs.push(pack('gift', { minTier: 'core' }));
      });
      expect(problems).toContainEqual(
        expect.objectContaining({ collection: 'benefit_packs', id: 'gift', field: 'minTier', severity: 'error' }),
      );
    });

    it('error: a pack whose endAt is not after startAt', () => {
      expect(only((p) => p.benefit_packs.push(pack('x', { startAt: '2026-12-25', endAt: '2026-12-24' })))).toEqual([
        expect.objectContaining({ id: 'x', field: 'endAt', severity: 'error' }),
      ]);
    });

    it('error: overlapping windows of the same scene and tier', () => {
      const newYear = pack('newyear', { scene: 'holiday', startAt: '2027-01-01', endAt: '2027-01-07', limitPeriod: 'campaign' });
      expect(only((p) => p.benefit_packs.push(newYear))).toEqual([
        expect.objectContaining({ id: 'newyear', field: 'startAt', severity: 'error', message_zh: expect.stringContaining('xmas') }),
      ]);
    });

    it('no overlap: same scene on other days, other hours, another tier, or back-to-back windows', () => {
      const lunchSchedule = (days: number[], from = '11:30', to = '13:30') => ({ weekdays: days, hours: [{ from, to }] });
      expect(only((p) => p.benefit_packs.push(pack('lunch2', { scene: 'lunch', schedule: lunchSchedule([6, 0]) })))).toEqual([]);
      expect(only((p) => p.benefit_packs.push(pack('lunch3', { scene: 'lunch', schedule: lunchSchedule([1], '13:30', '14:00') })))).toEqual(
        [],
      );
      expect(only((p) => p.benefit_packs.push(pack('lunch4', { scene: 'lunch', minTier: 'core', schedule: lunchSchedule([1]) })))).toEqual(
        [],
      );
      expect(only((p) => p.benefit_packs.push(pack('after', { scene: 'holiday', startAt: '2027-01-04', endAt: '2027-01-10' })))).toEqual(
        [],
      );
    });

    it('error: a one-day weekday window never meets a weekend schedule — but a weekday one does', () => {
      const a = benefitPackSchema.parse(
        pack('a', { scene: 'weekend', startAt: '2026-11-23', endAt: '2026-11-23', schedule: { weekdays: [1] } }),
      );
      const b = benefitPackSchema.parse(pack('b', { scene: 'weekend', schedule: { weekdays: [6, 0] } }));
      const c = benefitPackSchema.parse(pack('c', { scene: 'weekend', schedule: { weekdays: [1, 2] } }));
      expect(packsOverlap(a, b)).toBe(false);
      expect(packsOverlap(a, c)).toBe(true);
    });

    it('warning: a lunch or weekend pack without a schedule', () => {
      expect(only((p) => p.benefit_packs.push(pack('wk', { scene: 'weekend' })))).toEqual([
        expect.objectContaining({ id: 'wk', field: 'schedule', severity: 'warning' }),
      ]);
    });

    it('warning: a holiday pack without an end', () => {
      expect(only((p) => p.benefit_packs.push(pack('hol', { scene: 'holiday', startAt: '2027-02-04', endAt: null })))).toEqual([
        expect.objectContaining({ id: 'hol', field: 'endAt', severity: 'warning' }),
      ]);
    });

    it('warning: stock 0, and a campaign over but still active', () => {
      expect(only((p) => p.benefit_packs.push(pack('empty', { stock: 0 })))).toEqual([
        expect.objectContaining({ id: 'empty', field: 'stock', severity: 'warning' }),
      ]);
      expect(only((p) => p.benefit_packs.push(pack('old', { endAt: '2026-10-01' })), { now: '2026-11-23T04:00:00Z' })).toEqual([
        expect.objectContaining({ id: 'old', field: 'endAt', severity: 'warning' }),
      ]);
    });

    it('warning: the cheapest basic pack costs more than a week of check-ins (积分门槛过高)', () => {
      const problems = only((p) => {
        for (const b of p.benefit_packs as Doc[]) b.cost = 101;
      });
      expect(problems).toEqual([
        expect.objectContaining({ field: 'cost', severity: 'warning', message_zh: expect.stringContaining('积分门槛过高') }),
      ]);
    });

    it('warning: no basic pack at all', () => {
      const problems = only((p) => {
        for (const b of p.benefit_packs as Doc[]) b.minTier = 'advanced';
      });
      expect(problems).toEqual([expect.objectContaining({ collection: 'benefit_packs', id: '*', severity: 'warning' })]);
    });
  });

  describe('settings', () => {
    it('error: missing settings; the program falls back to the defaults', () => {
      const r = check((p) => p.settings.splice(0, 1));
      expect(r.problems).toEqual([expect.objectContaining({ collection: 'settings', id: 'main', severity: 'error' })]);
      expect(r.program.settings).toEqual(DEFAULT_SETTINGS);
    });

    it('error: broken settings are reported by field and replaced by the defaults', () => {
      const r = check((p) => ((p.settings[0].checkin as Doc).points = -1));
      expect(r.problems.map((x) => [x.field, x.severity])).toEqual([
        ['checkin.points', 'error'],
        ['', 'error'],
      ]);
      expect(r.program.settings.checkin.points).toBe(10);
    });
  });

  describe('challenges', () => {
    it('serves a valid challenge with its defaults', () => {
      const [c] = check(() => undefined).program.challenges;
      expect(c).toMatchObject({ _id: 'winter', icon: '🏁', joinGraceHours: 0, reward: { badgeId: 'streak_7' } });
      expect(c.endAt).toBe('2026-12-20T16:00:00.000Z');
    });

    it('serves a goal on purchases (the brand’s systems report orders, and each moves the teams)', () => {
      const r = check((p) => ((p.challenges[0].goal as Doc).metric = 'purchases'));
      expect(r.problems).toEqual([]);
      expect(r.program.challenges.map((c) => c.goal)).toEqual([{ metric: 'purchases', target: 40 }]);
    });

    it('error: a goal on a metric that is not a team metric — the challenge is not served', () => {
      const r = check((p) => ((p.challenges[0].goal as Doc).metric = 'likes'));
      expect(r.problems).toEqual([
        expect.objectContaining({ collection: 'challenges', id: 'winter', field: 'goal.metric', severity: 'error' }),
      ]);
      expect(r.program.challenges).toEqual([]);
    });

    it('error: a reward badge that does not exist or is not active', () => {
      expect(only((p) => ((p.challenges[0].reward as Doc).badgeId = 'nope'))).toEqual([
        expect.objectContaining({ collection: 'challenges', id: 'winter', field: 'reward.badgeId', severity: 'error' }),
      ]);
      expect(only((p) => (p.badges[0].active = false)).map((x) => x.field)).toEqual(['reward.badgeId']);
    });

    it('warnings: no reward at all; over', () => {
      expect(only((p) => (p.challenges[0].reward = { points: 0, growth: 0 })).map((x) => [x.field, x.severity])).toEqual([
        ['reward', 'warning'],
      ]);
      expect(only(() => undefined, { now: '2026-12-21T00:00:00Z' }).map((x) => [x.collection, x.field])).toEqual(
        expect.arrayContaining([['challenges', 'endAt']]),
      );
    });
  });

  describe('coverage (given active members’ window growth)', () => {
    it('warns when a layer is far from its target', () => {
      const fewAdvanced = [...Array(80).fill(0), ...Array(20).fill(400)]; // advanced 20%, core 0% (10 off: tolerated)
      expect(only(() => undefined, { activeWindowGrowths: fewAdvanced }).map((p) => [p.id, p.field, p.severity])).toEqual([
        ['advanced', 'threshold', 'warning'],
      ]);
      const manyCore = [...Array(50).fill(0), ...Array(50).fill(2000)]; // advanced 50%, core 50%
      expect(only(() => undefined, { activeWindowGrowths: manyCore }).map((p) => [p.id, p.severity])).toEqual([['core', 'warning']]);
    });

    it('is quiet within ±10 points of the targets', () => {
      const growths = [...Array(60).fill(0), ...Array(30).fill(400), ...Array(10).fill(2000)];
      expect(only(() => undefined, { activeWindowGrowths: growths })).toEqual([]);
    });
  });
});
