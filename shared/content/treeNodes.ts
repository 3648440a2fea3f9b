import { z } from 'zod';
import { metricsHelp } from '../domain/metrics';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { METRICS, NODE_FEATURES, NODE_FEATURE_NAMES, type Metric } from './ids';
import { contentId, int, optionalText, text } from './primitives';

/** Node rules may name any metric but `treeNodes` (a node cannot wait for nodes: no cycles). */
export const NODE_METRICS = METRICS.filter((m): m is Exclude<Metric, 'treeNodes'> => m !== 'treeNodes');

export const TREE_NODE_FIELDS: FieldDocs = {
  _id: fieldDoc('节点标识', 'Node id', '英文字母、数字、_ 或 -，上线后不要修改', 'letters, digits, _ or -; never change it once live'),
  branch: fieldDoc(
    '分支标识',
    'Branch key',
    '小写英文，例如 persist / learning / community / charity；同一分支的节点填同一个值',
    'lowercase key, e.g. persist / learning / community / charity; the same for every node of a branch',
  ),
  branchName: fieldDoc(
    '分支名称',
    'Branch name',
    '会员看到的分支名，例如「坚持」「学习」「社群」「公益」；同一分支必须一致，最多 8 个字',
    'the branch name members see, e.g. 学习; identical within a branch; at most 8 characters',
  ),
  rule: fieldDoc(
    '点亮规则',
    'Unlock rule',
    '{ "metric": 指标, "gte": 数值 }：会员的该项累计数据达到（≥）数值即点亮，点亮后不会熄灭。每个分支用能体现它的指标（坚持看签到、社群看邀请、公益看捐赠）；同一分支内同一指标的节点按 order 排列时数值必须严格递增',
    '{ "metric": metric, "gte": n }: the node lights up when the member reaches n, and stays lit. Each branch uses the metrics that mean it (persistence: check-ins, community: invites, charity: donations); within a branch, nodes on the same metric must increase with order',
  ),
  'rule.metric': fieldDoc(
    '规则指标',
    'Rule metric',
    `${metricsHelp(NODE_METRICS).zh}（不能用 treeNodes）`,
    `${metricsHelp(NODE_METRICS).en} (treeNodes is not allowed)`,
  ),
  'rule.gte': fieldDoc('规则数值', 'Rule target', '达到多少即点亮，正整数', 'the target, a positive integer'),
  unlocks: fieldDoc(
    '点亮后解锁',
    'Unlocks',
    '必填，至少一项：{ "badgeId": 徽章, "points": 积分, "packId": 福利包, "feature": 功能 }。点亮时在同一笔操作中发放一次；页面显示「解锁：…」。节点说明里承诺的东西必须在这里兑现',
    'required, at least one of { "badgeId", "points", "packId", "feature" }: delivered once, in the same operation that lights the node; the page shows "解锁：…". Whatever the description promises must be here',
  ),
  'unlocks.badgeId': fieldDoc(
    '解锁徽章',
    'Badge unlocked',
    '点亮时颁发的徽章 _id（必须存在且启用）',
    'the _id of the badge awarded when the node lights up (must exist and be active)',
  ),
  'unlocks.points': fieldDoc(
    '解锁积分',
    'Points unlocked',
    '点亮时发放的积分，1–100000',
    'points credited when the node lights up, 1–100000',
  ),
  'unlocks.packId': fieldDoc(
    '解锁福利包',
    'Pack unlocked',
    '点亮后可兑换的福利包 _id；该福利包必须设置 requires.nodeId 为本节点（否则点亮并不会开放它）',
    'the _id of the pack the node opens; that pack must set requires.nodeId to this node (or lighting it opens nothing)',
  ),
  'unlocks.feature': fieldDoc(
    '解锁功能',
    'Feature unlocked',
    NODE_FEATURES.map((f) => `${f} ${NODE_FEATURE_NAMES[f]}`).join(' / '),
    'cardFrame = a frame on the member card / charityCertificate = the charity certificate on the charity page',
  ),
  title: fieldDoc('节点标题', 'Title', '最多 16 个字', 'at most 16 characters'),
  description: fieldDoc(
    '节点说明',
    'Description',
    '这个节点代表什么，最多 120 个字；点亮后得到的东西写在 unlocks 里，不要承诺 unlocks 之外的东西',
    'what the node means, at most 120 characters; what it gives is in unlocks — promise nothing else',
  ),
  order: fieldDoc(
    '排序',
    'Order',
    '分支内的顺序，数字小的在下（先点亮）；分支的先后按其最小 order',
    'position within the branch, smaller first; branches are ordered by their smallest order',
  ),
  icon: fieldDoc('图标', 'Icon', '可选，一个 emoji 或前端图标名', 'optional emoji or client icon key'),
  active: fieldDoc('是否启用', 'Active', 'false 时不展示也不计入成长阶段', 'false hides the node and leaves it out of the stages'),
};

export const nodeRuleSchema = z.object({
  metric: described(
    z.enum(NODE_METRICS as [Exclude<Metric, 'treeNodes'>, ...Array<Exclude<Metric, 'treeNodes'>>]),
    TREE_NODE_FIELDS['rule.metric'],
  ),
  gte: described(int(1, 10_000_000), TREE_NODE_FIELDS['rule.gte']),
});

export const nodeUnlocksSchema = z
  .object({
    badgeId: described(contentId.optional(), TREE_NODE_FIELDS['unlocks.badgeId']),
    points: described(int(1, 100_000).optional(), TREE_NODE_FIELDS['unlocks.points']),
    packId: described(contentId.optional(), TREE_NODE_FIELDS['unlocks.packId']),
    feature: described(z.enum(NODE_FEATURES).optional(), TREE_NODE_FIELDS['unlocks.feature']),
  })
  .superRefine((u, ctx) => {
    if (u.badgeId === undefined && u.points === undefined && u.packId === undefined && u.feature === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'emptyUnlocks' });
    }
  });

export const treeNodeSchema = z.object({
  _id: described(contentId, TREE_NODE_FIELDS._id),
  branch: described(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { message: 'branchKey' }), TREE_NODE_FIELDS.branch),
  branchName: described(text(8), TREE_NODE_FIELDS.branchName),
  rule: described(nodeRuleSchema, TREE_NODE_FIELDS.rule),
  unlocks: described(nodeUnlocksSchema, TREE_NODE_FIELDS.unlocks),
  title: described(text(16), TREE_NODE_FIELDS.title),
  description: described(text(120), TREE_NODE_FIELDS.description),
  order: described(int(0, 100_000), TREE_NODE_FIELDS.order),
  icon: described(optionalText(16), TREE_NODE_FIELDS.icon),
  active: described(
    z
      .boolean()
      .optional()
      .transform((v) => v ?? true),
    TREE_NODE_FIELDS.active,
  ),
});

export type TreeNodeDoc = z.output<typeof treeNodeSchema>;
export type NodeUnlocks = TreeNodeDoc['unlocks'];
