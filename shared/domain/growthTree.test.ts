import fc from 'fast-check';
import { TREE_STAGES, growthTree, newlyUnlockedNodes, stageForUnlocked, stageRequirements } from './growthTree';
import { NODES, node } from './__fixtures__/program';

// NODES thresholds: learning 50/350/650/950, community 150/450/750/1050, charity 250/550/850/1150.

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

  it('never goes back as growth rises', () => {
    fc.assert(
      fc.property(fc.nat(1500), fc.nat(1500), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(growthTree(NODES, lo).stageIndex).toBeLessThanOrEqual(growthTree(NODES, hi).stageIndex);
      }),
    );
  });
});

describe('growthTree', () => {
  it('lists branches in order with locked and unlocked nodes, the next node and the next stage', () => {
    const t = growthTree(NODES, 300);
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
      threshold: 350,
      distance: 50,
    });
    expect(t.nextNode?.id).toBe('learning-2');
    // 6 nodes (tree stage) are unlocked at the 6th threshold, 550.
    expect(t.nextStage).toEqual({ stage: 'tree', stageName: '成长之树', growthNeeded: 250 });
  });

  it('is complete at the top', () => {
    const t = growthTree(NODES, 5000);
    expect(t).toMatchObject({ stage: 'fruit', unlocked: 12, nextNode: null, nextStage: null });
    expect(t.branches.every((b) => b.next === null)).toBe(true);
  });

  it('leaves inactive nodes out', () => {
    const nodes = [...NODES, node('hidden', 'learning', 1, 99, { active: false })];
    expect(growthTree(nodes, 0).total).toBe(12);
  });

  it('reports the nodes a growth change unlocks', () => {
    expect(newlyUnlockedNodes(NODES, 340, 460).map((n) => n._id)).toEqual(['learning-2', 'community-2']);
    expect(newlyUnlockedNodes(NODES, 460, 460)).toEqual([]);
  });

  it('has a stage for every index', () => {
    expect(TREE_STAGES).toHaveLength(6);
  });
});
