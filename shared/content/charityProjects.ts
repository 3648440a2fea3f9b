import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { instantField } from './instant';
import { contentId, int, text } from './primitives';

export const CHARITY_PROJECT_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '项目标识',
    'Project id',
    '英文字母、数字、_ 或 -，上线后不要修改（捐赠记录按它关联）',
    'letters, digits, _ or -; never change it once live (donations refer to it)',
  ),
  title: fieldDoc('项目名称', 'Title', '例如「山区儿童阅读角」，最多 20 个字', 'e.g. 山区儿童阅读角; at most 20 characters'),
  story: fieldDoc(
    '项目故事',
    'Story',
    '项目为谁做、积分如何转化为实际帮助（品牌按什么比例配捐），最多 300 个字；只写品牌确实会做的事',
    'who it helps and how donated points become real help (what the brand gives per point), at most 300 characters; only what the brand will do',
  ),
  goalPoints: fieldDoc(
    '目标积分',
    'Goal',
    '项目的积分目标，整数 ≥ 1；达到后仍可继续捐赠',
    'the points goal, integer ≥ 1; donations stay open after it is reached',
  ),
  startAt: fieldDoc('开始时间', 'Starts at', '可选，写法同福利包；null 表示立即开始', 'optional, as for packs; null = open now'),
  endAt: fieldDoc(
    '结束时间',
    'Ends at',
    '可选，之后不能再捐赠（仍展示结果）；null 表示长期',
    'optional; afterwards no donations (results still shown); null = no end',
  ),
  order: fieldDoc('排序', 'Order', '可选，列表中的顺序，数字小的在前', 'optional position in the list, smaller first'),
  active: fieldDoc('是否启用', 'Active', '可选，false 时不展示、不能捐赠', 'optional; false hides it and closes donations'),
};

export const charityProjectSchema = z
  .object({
    _id: described(contentId, CHARITY_PROJECT_FIELDS._id),
    title: described(text(20), CHARITY_PROJECT_FIELDS.title),
    story: described(text(300), CHARITY_PROJECT_FIELDS.story),
    goalPoints: described(int(1, 100_000_000), CHARITY_PROJECT_FIELDS.goalPoints),
    startAt: described(instantField('start'), CHARITY_PROJECT_FIELDS.startAt),
    endAt: described(instantField('end'), CHARITY_PROJECT_FIELDS.endAt),
    order: described(int(0, 100_000).optional(), CHARITY_PROJECT_FIELDS.order).transform((v) => v ?? 0),
    active: described(z.boolean().optional(), CHARITY_PROJECT_FIELDS.active).transform((v) => v ?? true),
  })
  .superRefine((p, ctx) => {
    if (p.startAt !== null && p.endAt !== null && Date.parse(p.endAt) <= Date.parse(p.startAt)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'endBeforeStart', path: ['endAt'] });
    }
  });

export type CharityProjectDoc = z.output<typeof charityProjectSchema>;
