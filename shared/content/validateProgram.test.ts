import { DEFAULT_SETTINGS } from './settings';
import { packsOverlap, validateProgram, type ValidateOptions } from './validateProgram';
import { benefitPackSchema } from './benefitPacks';
import { badge, pack, treeNode, tier, validProgram, type Doc, type RawFixture } from './__fixtures__/raw';

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
    it('error: thresholds not increasing within a branch', () => {
      expect(only((p) => p.tree_nodes.push(treeNode('l3', 'learning', 150, 3)))).toEqual([
        expect.objectContaining({ collection: 'tree_nodes', id: 'l3', field: 'threshold', severity: 'error' }),
      ]);
    });

    it('is fine with equal thresholds in different branches', () => {
      expect(only((p) => p.tree_nodes.push(treeNode('c2', 'community', 200, 11)))).toEqual([]);
    });

    it('warning: one branch with two names', () => {
      expect(only((p) => p.tree_nodes.push({ ...treeNode('l3', 'learning', 500, 3), branchName: '成长' }))).toEqual([
        expect.objectContaining({ id: 'l3', field: 'branchName', severity: 'warning' }),
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

    it('error: a goal on purchases (nothing records them yet) — the challenge is not served, so no team can join it', () => {
      const r = check((p) => ((p.challenges[0].goal as Doc).metric = 'purchases'));
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
