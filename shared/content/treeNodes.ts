import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { contentId, int, optionalText, text } from './primitives';

export const TREE_NODE_FIELDS: FieldDocs = {
  _id: fieldDoc('节点标识', 'Node id', '英文字母、数字、_ 或 -，上线后不要修改', 'letters, digits, _ or -; never change it once live'),
  branch: fieldDoc(
    '分支标识',
    'Branch key',
    '小写英文，例如 learning / community / charity；同一分支的节点填同一个值',
    'lowercase key, e.g. learning / community / charity; the same for every node of a branch',
  ),
  branchName: fieldDoc(
    '分支名称',
    'Branch name',
    '会员看到的分支名，例如「学习」「社群」「公益」；同一分支必须一致，最多 8 个字',
    'the branch name members see, e.g. 学习; identical within a branch; at most 8 characters',
  ),
  threshold: fieldDoc(
    '点亮所需成长值',
    'Growth threshold',
    '累计成长值（终身，不随 12 个月窗口减少）达到该值即点亮；同一分支内按 order 排列时必须严格递增',
    'lifetime growth (never shrinks with the 12-month window) that unlocks the node; strictly increasing within a branch in `order`',
  ),
  title: fieldDoc('节点标题', 'Title', '最多 16 个字', 'at most 16 characters'),
  description: fieldDoc(
    '节点说明',
    'Description',
    '点亮后得到什么、代表什么，最多 120 个字',
    'what the node means or gives; at most 120 characters',
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

export const treeNodeSchema = z.object({
  _id: described(contentId, TREE_NODE_FIELDS._id),
  branch: described(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, { message: 'branchKey' }), TREE_NODE_FIELDS.branch),
  branchName: described(text(8), TREE_NODE_FIELDS.branchName),
  threshold: described(int(0, 10_000_000), TREE_NODE_FIELDS.threshold),
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
