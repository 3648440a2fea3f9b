import type { BadgeDoc } from '../content/badges';
import type { BenefitPackDoc } from '../content/benefitPacks';
import { NODE_FEATURE_NAMES, type Metric, type NodeFeature } from '../content/ids';
import type { TreeNodeDoc } from '../content/treeNodes';
import { ruleMet, ruleProgress, ruleText, remainingText, type MetricValues } from './metrics';

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
 * The growth tree: branches of nodes, each lit by its own rule on the shared metrics engine
 * (`metrics.ts`) — 坚持 on check-ins, 社群 on activated invites, 公益 on points donated… — and
 * each unlocking something real (`unlocks`: a badge, points, access to a pack, an app feature),
 * delivered once in the transaction that lit it. Lit nodes are kept on the member document, so
 * the tree never shrinks, whatever a metric does later.
 *
 * Decision: stages follow the share of (active) nodes lit, so they need no settings of their own
 * and stay meaningful when ops add nodes: seed 0 nodes · sprout ≥ 1 · sapling ≥ 25% · tree ≥ 50% ·
 * blossom ≥ 75% · fruit = all. Required counts are made strictly increasing where the node count
 * allows (with 12 nodes: 0, 1, 3, 6, 9, 12).
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

/** One thing a node unlocks, as the tree page names it ("解锁：导师计划报名券"). */
export interface NodeUnlockItem {
  kind: 'badge' | 'points' | 'pack' | 'feature';
  /** The badge or pack `_id`, the feature key, or '' for points. */
  id: string;
  label: string;
}

export interface TreeNodeView {
  id: string;
  title: string;
  description: string;
  icon: string;
  metric: Metric;
  /** What lights it: "累计签到 30 天". */
  ruleText: string;
  unlocked: boolean;
  unlockedAt: string | null;
  progress: { current: number; target: number };
  /** "还差 3 天"; '' once lit. */
  remainingText: string;
  unlocks: NodeUnlockItem[];
  /** "解锁：导师计划报名券 · 50 积分". */
  unlocksText: string;
}

export interface NextNode {
  id: string;
  title: string;
  branch: string;
  branchName: string;
  ruleText: string;
  remainingText: string;
  progress: { current: number; target: number };
  unlocksText: string;
}

export interface TreeBranchView {
  key: string;
  name: string;
  nodes: TreeNodeView[];
  unlocked: number;
  /** The first node of the branch not lit yet. */
  next: NextNode | null;
}

export interface GrowthTreeView {
  growth: number;
  stage: TreeStage;
  stageName: string;
  stageIndex: number;
  unlocked: number;
  total: number;
  nextStage: { stage: TreeStage; stageName: string; nodesNeeded: number } | null;
  /** The locked node the member is closest to (largest share of its target reached). */
  nextNode: NextNode | null;
  branches: TreeBranchView[];
  /** App features the member's lit nodes unlocked (the client shows them). */
  features: NodeFeature[];
}

/** Where unlock labels come from (badge names, pack titles). */
export interface UnlockNames {
  badges: readonly BadgeDoc[];
  benefit_packs: readonly BenefitPackDoc[];
}

export interface LitNode {
  id: string;
  unlockedAt: string;
}

function byOrder(a: TreeNodeDoc, b: TreeNodeDoc): number {
  return a.order - b.order || a._id.localeCompare(b._id);
}

/** Active nodes whose rule the metrics reach that the member has not lit yet (to light now), in order. */
export function newlyUnlockedNodes(nodes: readonly TreeNodeDoc[], litIds: Iterable<string>, values: MetricValues): TreeNodeDoc[] {
  const lit = new Set(litIds);
  return nodes.filter((n) => n.active && !lit.has(n._id) && ruleMet(n.rule, values)).sort(byOrder);
}

/** Active nodes the member lit. */
export function unlockedCount(nodes: readonly TreeNodeDoc[], litIds: Iterable<string>): number {
  const lit = new Set(litIds);
  return nodes.filter((n) => n.active && lit.has(n._id)).length;
}

/** The features the member's lit (active) nodes unlock. */
export function unlockedFeatures(nodes: readonly TreeNodeDoc[], litIds: Iterable<string>): NodeFeature[] {
  const lit = new Set(litIds);
  const out: NodeFeature[] = [];
  for (const n of nodes) {
    const f = n.unlocks.feature;
    if (n.active && lit.has(n._id) && f && !out.includes(f)) out.push(f);
  }
  return out;
}

/** What a node unlocks, in the words of the tree page. */
export function nodeUnlockItems(node: TreeNodeDoc, names: UnlockNames): NodeUnlockItem[] {
  const { badgeId, points, packId, feature } = node.unlocks;
  const items: NodeUnlockItem[] = [];
  if (packId) items.push({ kind: 'pack', id: packId, label: names.benefit_packs.find((p) => p._id === packId)?.title ?? '专属福利' });
  if (badgeId) {
    const badge = names.badges.find((b) => b._id === badgeId);
    items.push({ kind: 'badge', id: badgeId, label: badge ? `「${badge.name}」徽章` : '专属徽章' });
  }
  if (points) items.push({ kind: 'points', id: '', label: `${points} 积分` });
  if (feature) items.push({ kind: 'feature', id: feature, label: NODE_FEATURE_NAMES[feature] });
  return items;
}

export function unlocksText(items: readonly NodeUnlockItem[]): string {
  return items.length ? `解锁：${items.map((i) => i.label).join(' · ')}` : '';
}

function toNext(n: TreeNodeDoc, values: MetricValues, names: UnlockNames): NextNode {
  const p = ruleProgress(n.rule, values);
  return {
    id: n._id,
    title: n.title,
    branch: n.branch,
    branchName: n.branchName,
    ruleText: ruleText(n.rule),
    remainingText: remainingText(n.rule.metric, p.target - p.current),
    progress: { current: p.current, target: p.target },
    unlocksText: unlocksText(nodeUnlockItems(n, names)),
  };
}

function share(n: TreeNodeDoc, values: MetricValues): number {
  const p = ruleProgress(n.rule, values);
  return p.target > 0 ? p.current / p.target : 0;
}

/** The whole tree for a member: stage, branches with lit and locked nodes, what each unlocks, what's next. */
export function growthTree(
  content: UnlockNames & { tree_nodes: readonly TreeNodeDoc[] },
  lit: readonly LitNode[],
  values: MetricValues,
): GrowthTreeView {
  const active = content.tree_nodes.filter((n) => n.active).sort(byOrder);
  const litAt = new Map(lit.map((l) => [l.id, l.unlockedAt]));
  const isLit = (n: TreeNodeDoc) => litAt.has(n._id);
  const branchKeys: string[] = [];
  for (const n of active) if (!branchKeys.includes(n.branch)) branchKeys.push(n.branch);

  const view = (n: TreeNodeDoc): TreeNodeView => {
    const on = isLit(n);
    const p = ruleProgress(n.rule, values, on);
    const items = nodeUnlockItems(n, content);
    return {
      id: n._id,
      title: n.title,
      description: n.description,
      icon: n.icon,
      metric: n.rule.metric,
      ruleText: ruleText(n.rule),
      unlocked: on,
      unlockedAt: litAt.get(n._id) ?? null,
      progress: { current: p.current, target: p.target },
      remainingText: on ? '' : remainingText(n.rule.metric, p.target - p.current),
      unlocks: items,
      unlocksText: unlocksText(items),
    };
  };

  const branches: TreeBranchView[] = branchKeys.map((key) => {
    const own = active.filter((n) => n.branch === key);
    const firstLocked = own.find((n) => !isLit(n));
    return {
      key,
      name: own[0].branchName,
      nodes: own.map(view),
      unlocked: own.filter(isLit).length,
      next: firstLocked ? toNext(firstLocked, values, content) : null,
    };
  });

  const total = active.length;
  const unlocked = active.filter(isLit).length;
  const stage = stageForUnlocked(unlocked, total);
  const stageIndex = TREE_STAGES.indexOf(stage);
  const req = stageRequirements(total);
  let nextStage: GrowthTreeView['nextStage'] = null;
  for (let i = stageIndex + 1; i < TREE_STAGES.length; i++) {
    if (req[i] > unlocked) {
      nextStage = { stage: TREE_STAGES[i], stageName: TREE_STAGE_NAMES[TREE_STAGES[i]], nodesNeeded: req[i] - unlocked };
      break;
    }
  }

  const locked = active.filter((n) => !isLit(n)).sort((a, b) => share(b, values) - share(a, values) || byOrder(a, b));
  return {
    growth: values.growth,
    stage,
    stageName: TREE_STAGE_NAMES[stage],
    stageIndex,
    unlocked,
    total,
    nextStage,
    nextNode: locked.length > 0 ? toNext(locked[0], values, content) : null,
    branches,
    features: unlockedFeatures(active, litAt.keys()),
  };
}
