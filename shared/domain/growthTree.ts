import type { TreeNodeDoc } from '../content/treeNodes';

export const TREE_STAGES = ['seed', 'sprout', 'sapling', 'tree', 'blossom', 'fruit'] as const;
export type TreeStage = (typeof TREE_STAGES)[number];

export const TREE_STAGE_NAMES: Record<TreeStage, string> = {
  seed: '种子',
  sprout: '萌芽',
  sapling: '小树苗',
  tree: '成长之树',
  blossom: '繁花满枝',
  fruit: '硕果累累',
};

/**
 * Decision: stages follow the share of (active) tree nodes the member has unlocked, so they
 * need no settings of their own and stay meaningful when ops add nodes:
 * seed 0 nodes · sprout ≥ 1 · sapling ≥ 25% · tree ≥ 50% · blossom ≥ 75% · fruit = all.
 * Required counts are made strictly increasing where the node count allows (with 12 nodes:
 * 0, 1, 3, 6, 9, 12); with very few nodes some stages share a count and the higher one shows.
 * Nodes unlock on **lifetime** growth, so the tree never shrinks (tiers use the 12-month window).
 */
export function stageRequirements(total: number): number[] {
  if (total <= 0) return [0, 0, 0, 0, 0, 0];
  const fractions = [0.25, 0.5, 0.75];
  const req = [0, 1];
  for (const f of fractions) req.push(Math.min(total, Math.max(req[req.length - 1] + 1, Math.ceil(f * total))));
  req.push(total);
  return req;
}

export function stageForUnlocked(unlocked: number, total: number): TreeStage {
  if (total <= 0) return 'seed';
  const req = stageRequirements(total);
  let stage = 0;
  for (let i = 0; i < req.length; i++) if (unlocked >= req[i]) stage = i;
  return TREE_STAGES[stage];
}

export interface TreeNodeView {
  id: string;
  title: string;
  description: string;
  icon: string;
  threshold: number;
  unlocked: boolean;
}

export interface NextNode {
  id: string;
  title: string;
  branch: string;
  branchName: string;
  threshold: number;
  /** Growth still to earn. */
  distance: number;
}

export interface TreeBranchView {
  key: string;
  name: string;
  nodes: TreeNodeView[];
  unlocked: number;
  next: NextNode | null;
}

export interface GrowthTreeView {
  growth: number;
  stage: TreeStage;
  stageName: string;
  stageIndex: number;
  unlocked: number;
  total: number;
  nextStage: { stage: TreeStage; stageName: string; growthNeeded: number } | null;
  /** The nearest locked node over all branches. */
  nextNode: NextNode | null;
  branches: TreeBranchView[];
}

function byOrder(a: TreeNodeDoc, b: TreeNodeDoc): number {
  return a.order - b.order || a.threshold - b.threshold || a._id.localeCompare(b._id);
}

function toNext(n: TreeNodeDoc, growth: number): NextNode {
  return { id: n._id, title: n.title, branch: n.branch, branchName: n.branchName, threshold: n.threshold, distance: n.threshold - growth };
}

export function isUnlocked(node: TreeNodeDoc, growth: number): boolean {
  return growth >= node.threshold;
}

/** Ids of active nodes unlocked between two lifetime growth values (for the check-in answer). */
export function newlyUnlockedNodes(nodes: readonly TreeNodeDoc[], growthBefore: number, growthAfter: number): TreeNodeDoc[] {
  return nodes.filter((n) => n.active && !isUnlocked(n, growthBefore) && isUnlocked(n, growthAfter)).sort(byOrder);
}

export function unlockedCount(nodes: readonly TreeNodeDoc[], growth: number): number {
  return nodes.filter((n) => n.active && isUnlocked(n, growth)).length;
}

/** The whole tree for a lifetime growth: stage, branches with locked/unlocked nodes, what's next. */
export function growthTree(nodes: readonly TreeNodeDoc[], growth: number): GrowthTreeView {
  const active = nodes.filter((n) => n.active).sort(byOrder);
  const branchKeys: string[] = [];
  for (const n of active) if (!branchKeys.includes(n.branch)) branchKeys.push(n.branch);

  const branches: TreeBranchView[] = branchKeys.map((key) => {
    const own = active.filter((n) => n.branch === key);
    const locked = own.filter((n) => !isUnlocked(n, growth)).sort((a, b) => a.threshold - b.threshold);
    return {
      key,
      name: own[0].branchName,
      nodes: own.map((n) => ({
        id: n._id,
        title: n.title,
        description: n.description,
        icon: n.icon,
        threshold: n.threshold,
        unlocked: isUnlocked(n, growth),
      })),
      unlocked: own.length - locked.length,
      next: locked.length > 0 ? toNext(locked[0], growth) : null,
    };
  });

  const total = active.length;
  const unlocked = unlockedCount(active, growth);
  const stage = stageForUnlocked(unlocked, total);
  const stageIndex = TREE_STAGES.indexOf(stage);

  const thresholds = active.map((n) => n.threshold).sort((a, b) => a - b);
  const req = stageRequirements(total);
  let nextStage: GrowthTreeView['nextStage'] = null;
  for (let i = stageIndex + 1; i < TREE_STAGES.length; i++) {
    if (req[i] > unlocked) {
      nextStage = { stage: TREE_STAGES[i], stageName: TREE_STAGE_NAMES[TREE_STAGES[i]], growthNeeded: thresholds[req[i] - 1] - growth };
      break;
    }
  }

  const lockedAll = active.filter((n) => !isUnlocked(n, growth)).sort((a, b) => a.threshold - b.threshold || byOrder(a, b));
  return {
    growth,
    stage,
    stageName: TREE_STAGE_NAMES[stage],
    stageIndex,
    unlocked,
    total,
    nextStage,
    nextNode: lockedAll.length > 0 ? toNext(lockedAll[0], growth) : null,
    branches,
  };
}
