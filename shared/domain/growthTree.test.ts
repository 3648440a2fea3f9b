import fc from 'fast-check';
import { badge, NODES, node, pack } from './__fixtures__/program';
import {
  TREE_STAGES,
  growthTree,
  newlyUnlockedNodes,
  nodeUnlockItems,
  stageForUnlocked,
  stageRequirements,
  unlockedFeatures,
  unlocksText,
  type LitNode,
} from './growthTree';
import { metricValues, type MetricValues } from './metrics';

// NODES (growth rules): learning 50/350/650/950, community 150/450/750/1050, charity 250/550/850/1150.

const values = (over: Partial<MetricValues> = {}): MetricValues => ({
  ...metricValues({
    streak: { best: 0 },
    checkinDays: 0,
    invitesActivated: 0,
    redemptions: 0,
    growth: 0,
    pointsDonated: 0,
    teamChallenges: 0,
    campaigns: [],
    purchases: 0,
    eventsAttended: 0,
    coursesAttended: 0,
    treeNodes: 0,
  }),
  ...over,
});

const content = { tree_nodes: NODES, badges: [], benefit_packs: [] };
const lit = (ids: string[]): LitNode[] => ids.map((id) => ({ id, unlockedAt: '2030-05-10T02:00:00.000Z' }));
/** The nodes a member with this growth has lit (what `progress` stores). */
const litAt = (growth: number) => lit(newlyUnlockedNodes(NODES, [], values({ growth })).map((n) => n._id));

describe('stages', () => {
  it('need 0, 1, 25%, 50%, 75% and all nodes', () => {
    expect(stageRequirements(12)).toEqual([0, 1, 3, 6, 9, 12]);
    expect(stageRequirements(4)).toEqual([0, 1, 2, 3, 4, 4]);
    expect(stageForUnlocked(0, 12)).toBe('seed');
    expect(stageForUnlocked(1, 12)).toBe('sprout');
    expect(stageForUnlocked(3, 12)).toBe('sapling');
    expect(stageForUnlocked(8, 12)).toBe('tree');
    expect(stageForUnlocked(9, 12)).toBe('blossom');
    expect(stageForUnlocked(12, 12)).toBe('fruit');
    expect(stageForUnlocked(0, 0)).toBe('seed');
  });

  it('never goes back as nodes light up', () => {
    fc.assert(
      fc.property(fc.nat(1500), fc.nat(1500), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const stage = (g: number) => growthTree(content, litAt(g), values({ growth: g })).stageIndex;
        expect(stage(lo)).toBeLessThanOrEqual(stage(hi));
      }),
    );
  });
});

describe('growthTree', () => {
  it('lists branches with lit and locked nodes, progress in the rule’s own unit, the next node and the next stage', () => {
    const t = growthTree(content, litAt(300), values({ growth: 300 }));
    expect(t).toMatchObject({ growth: 300, stage: 'sapling', stageName: '小树苗', unlocked: 3, total: 12 });
    expect(t.branches.map((b) => [b.key, b.name, b.unlocked])).toEqual([
      ['learning', '学习', 1],
      ['community', '社群', 1],
      ['charity', '公益', 1],
    ]);
    expect(t.branches[0].next).toEqual({
      id: 'learning-2',
      title: 'learning-2',
      branch: 'learning',
      branchName: '学习',
      ruleText: '累计成长值达到 350',
      remainingText: '还差 50 点成长值',
      progress: { current: 300, target: 350 },
      unlocksText: '解锁：10 积分',
    });
    expect(t.nextNode?.id).toBe('learning-2');
    expect(t.nextStage).toEqual({ stage: 'tree', stageName: '成长之树', nodesNeeded: 3 });
    expect(t.branches[0].nodes[0]).toMatchObject({ unlocked: true, remainingText: '', unlocksText: '解锁：10 积分' });
  });

  it('shows a lit node lit even when its metric dropped, and a node not lit yet as locked even when its metric is met', () => {
    const t = growthTree(content, lit(['learning-2']), values({ growth: 60 }));
    const [first, second] = t.branches[0].nodes;
    expect(second).toMatchObject({ id: 'learning-2', unlocked: true, progress: { current: 350, target: 350 } });
    expect(first).toMatchObject({ id: 'learning-1', unlocked: false });
  });

  it('is complete at the top', () => {
    const t = growthTree(content, litAt(5000), values({ growth: 5000 }));
    expect(t).toMatchObject({ stage: 'fruit', unlocked: 12, nextNode: null, nextStage: null });
    expect(t.branches.every((b) => b.next === null)).toBe(true);
  });

  it('leaves inactive nodes out', () => {
    const nodes = [...NODES, node('hidden', 'learning', 1, 99, { active: false })];
    expect(growthTree({ ...content, tree_nodes: nodes }, [], values()).total).toBe(12);
    expect(newlyUnlockedNodes(nodes, [], values({ growth: 1 }))).toEqual([]);
  });

  it('lights each node on its own rule, once', () => {
    const nodes = [
      node('p1', 'persist', 3, 1, { rule: { metric: 'checkinDays', gte: 3 } }),
      node('c1', 'charity', 100, 2, { rule: { metric: 'pointsDonated', gte: 100 } }),
      node('l1', 'learning', 50, 3),
    ];
    const v = values({ checkinDays: 3, pointsDonated: 99, growth: 500 });
    expect(newlyUnlockedNodes(nodes, [], v).map((n) => n._id)).toEqual(['p1', 'l1']);
    expect(newlyUnlockedNodes(nodes, ['p1', 'l1'], v)).toEqual([]);
    expect(newlyUnlockedNodes(nodes, ['p1', 'l1'], { ...v, pointsDonated: 100 }).map((n) => n._id)).toEqual(['c1']);
  });

  it('the closest locked node is next, by share of its target', () => {
    const nodes = [node('far', 'learning', 1000, 1), node('near', 'charity', 100, 2, { rule: { metric: 'pointsDonated', gte: 100 } })];
    expect(growthTree({ ...content, tree_nodes: nodes }, [], values({ growth: 500, pointsDonated: 90 })).nextNode).toMatchObject({
      id: 'near',
      remainingText: '还差 10 积分',
      ruleText: '公益捐赠累计 100 积分',
    });
  });

  it('has a stage for every index', () => {
    expect(TREE_STAGES).toHaveLength(6);
  });
});

describe('what a node unlocks, in words', () => {
  it('names the pack, the badge, the points and the feature', () => {
    const n = node('mentor', 'learning', 800, 1, {
      unlocks: { packId: 'mentor_pack', badgeId: 'guide', points: 50, feature: 'cardFrame' },
    });
    const names = {
      badges: [badge('guide', 'growth', 800, { name: '引路导师' })],
      benefit_packs: [pack({ _id: 'mentor_pack', title: '导师计划报名券' })],
    };
    const items = nodeUnlockItems(n, names);
    expect(items.map((i) => i.kind)).toEqual(['pack', 'badge', 'points', 'feature']);
    expect(unlocksText(items)).toBe('解锁：导师计划报名券 · 「引路导师」徽章 · 50 积分 · 会员卡专属边框');
  });

  it('lists the features of lit nodes only', () => {
    const nodes = [
      node('a', 'persist', 1, 1, { unlocks: { feature: 'cardFrame' } }),
      node('b', 'charity', 1, 2, { unlocks: { feature: 'charityCertificate' } }),
    ];
    expect(unlockedFeatures(nodes, ['a'])).toEqual(['cardFrame']);
    expect(unlockedFeatures(nodes, [])).toEqual([]);
  });
});
