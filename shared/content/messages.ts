import type { z } from 'zod';
import type { FieldDoc } from './fieldDoc';

/** A message in both languages of the ops team. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Messages for the checks our schemas add themselves. A schema passes the key as the zod
 * `message`; `issueMessage` looks it up here. `{name}` placeholders come from the issue's params.
 */
export const CUSTOM_MESSAGES: Record<string, Bilingual> = {
  contentId: {
    zh: '只能包含英文字母、数字、下划线和连字符，且以字母或数字开头，最长 64 个字符',
    en: 'may contain only letters, digits, "_" and "-", must start with a letter or digit, at most 64 characters',
  },
  branchKey: {
    zh: '应为小写英文字母开头的标识，例如 learning（最多 32 个字符）',
    en: 'must be a lowercase key such as learning (at most 32 characters)',
  },
  openid: { zh: '应为微信 OPENID（10–64 位字母、数字、_ 或 -）', en: 'must be a WeChat OPENID (10–64 letters, digits, "_" or "-")' },
  hexColor: { zh: '应为 #RRGGBB 格式的颜色，例如 #C8A063', en: 'must be a colour written #RRGGBB, e.g. #C8A063' },
  hhmm: {
    zh: '应为 24 小时制 HH:mm，例如 11:30（结束时间可写 24:00）',
    en: 'must be a 24-hour time HH:mm, e.g. 11:30 (an end may be 24:00)',
  },
  hoursOrder: { zh: '结束时间必须晚于开始时间（不支持跨午夜）', en: 'must be later than "from" (ranges cannot cross midnight)' },
  overlappingHours: { zh: '时间段之间有重叠', en: 'time ranges overlap' },
  duplicateWeekday: { zh: '星期有重复', en: 'a weekday is listed twice' },
  emptyWeekdays: {
    zh: '至少填写一天（0=周日 … 6=周六）；若每天开放，请删除该字段',
    en: 'list at least one day (0 = Sunday … 6 = Saturday); delete the field to open every day',
  },
  emptyHours: {
    zh: '至少填写一个时间段；若全天开放，请删除该字段',
    en: 'list at least one range; delete the field to open all day',
  },
  instant: {
    zh: '应为日期 2026-12-25、上海时间 2026-12-25T11:30，或带时区的 ISO 时间；留空（null）表示不限',
    en: 'must be a day 2026-12-25, a Shanghai time 2026-12-25T11:30, or an ISO instant with offset; null means no limit',
  },
  endBeforeStart: { zh: '结束时间必须晚于开始时间', en: 'must be later than startAt' },
  uniqueBonusDays: { zh: '连续签到奖励的天数不能重复', en: 'streak bonus days must be unique' },
  activationDaysExceedWindow: {
    zh: '要求的签到天数不能多于限定天数，否则永远无法激活',
    en: 'cannot exceed withinDays, or no invite could ever activate',
  },
  uniqueRoles: { zh: '角色不能重复', en: 'a role is listed twice' },
  mainOnly: { zh: 'settings 只使用 _id 为 "main" 的文档', en: 'settings uses only the document whose _id is "main"' },
  blank: { zh: '不能为空', en: 'must not be blank' },
  required: { zh: '必须填写日期，不能为 null', en: 'is required (null is not allowed here)' },
  joinAfterStart: { zh: '开放组队时间不能晚于开赛时间', en: 'must not be later than startAt' },
  teamSizeOrder: { zh: '最多人数不能小于最少人数', en: 'must not be smaller than min' },
  metricNotRecorded: {
    zh: '系统目前还没有记录这个指标（例如消费），没有队伍能完成这个挑战：请换一个指标',
    en: 'nothing records this metric yet (e.g. purchases): no team could ever finish this challenge; choose another metric',
  },
  emptyUnlocks: {
    zh: '至少填写一项：badgeId 徽章 / points 积分 / packId 福利包 / feature 功能——节点必须真正解锁点什么',
    en: 'needs at least one of badgeId / points / packId / feature: a node must really unlock something',
  },
  emptyRequires: {
    zh: '至少填写一项（badgeId / nodeId / birthdayMonth）；没有条件请删除该字段',
    en: 'needs at least one of badgeId / nodeId / birthdayMonth; delete the field for no condition',
  },
  instantRequired: {
    zh: '必须填写时间（不能为 null），例如 2026-12-05T14:00（上海时间）',
    en: 'is required (null is not allowed), e.g. 2026-12-05T14:00 (Shanghai)',
  },
  oneDecimal: { zh: '最多一位小数，例如 1.5', en: 'at most one decimal, e.g. 1.5' },
  startBeforePreheat: { zh: '活动开始不能早于预热开始', en: 'must not be before preheatAt' },
  recapBeforeEnd: { zh: '回顾截止不能早于活动结束', en: 'must not be before endAt' },
  twoDecimals: { zh: '最多两位小数', en: 'at most two decimals' },
};

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'an integer' },
  float: { zh: '小数', en: 'a decimal' },
  boolean: { zh: 'true/false', en: 'true/false' },
  array: { zh: '列表 [...]', en: 'a list [...]' },
  object: { zh: '对象 {...}', en: 'an object {...}' },
  null: { zh: '空值 null', en: 'null' },
  undefined: { zh: '（未填写）', en: '(missing)' },
  date: { zh: '日期', en: 'a date' },
  nan: { zh: 'NaN', en: 'NaN' },
};

function typeName(t: string): Bilingual {
  return TYPE_NAMES[t] ?? { zh: t, en: t };
}

function quoteList(values: ReadonlyArray<string | number>): string {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(' | ');
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The problem of one zod issue, without the field label (the caller prefixes it). */
function problemOf(issue: z.ZodIssue): Bilingual {
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return custom;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { zh: '缺少必填字段', en: 'is required' };
      return {
        zh: `应为${typeName(issue.expected).zh}，实际是${typeName(issue.received).zh}`,
        en: `must be ${typeName(issue.expected).en}, got ${typeName(issue.received).en}`,
      };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.type === 'string')
        return { zh: n <= 1 ? '不能为空' : `至少 ${n} 个字符`, en: n <= 1 ? 'must not be empty' : `must have at least ${n} characters` };
      if (issue.type === 'array') return { zh: `至少需要 ${n} 项`, en: `needs at least ${n} item(s)` };
      return issue.inclusive
        ? { zh: `不能小于 ${n}`, en: `must be at least ${n}` }
        : { zh: `必须大于 ${n}`, en: `must be greater than ${n}` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.type === 'string') return { zh: `不能超过 ${n} 个字符`, en: `must have at most ${n} characters` };
      if (issue.type === 'array') return { zh: `最多 ${n} 项`, en: `may have at most ${n} item(s)` };
      return issue.inclusive ? { zh: `不能大于 ${n}`, en: `must be at most ${n}` } : { zh: `必须小于 ${n}`, en: `must be less than ${n}` };
    }
    case 'invalid_enum_value':
      return {
        zh: `应为以下之一：${quoteList(issue.options)}；实际是 ${shortValue(issue.received)}`,
        en: `must be one of ${quoteList(issue.options)}; got ${shortValue(issue.received)}`,
      };
    case 'invalid_literal':
      return { zh: `应为 ${shortValue(issue.expected)}`, en: `must be ${shortValue(issue.expected)}` };
    case 'unrecognized_keys':
      return { zh: `包含未知字段：${issue.keys.join('、')}`, en: `has unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_string':
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'not_multiple_of':
      return { zh: `应为 ${String(issue.multipleOf)} 的倍数`, en: `must be a multiple of ${String(issue.multipleOf)}` };
    case 'invalid_date':
      return { zh: '不是有效日期', en: 'is not a valid date' };
    default:
      return { zh: '格式不正确', en: 'is not valid' };
  }
}

/** `「门槛成长值」threshold 不能小于 0` / `Growth threshold (threshold) must be at least 0`. */
export function issueMessage(issue: z.ZodIssue, field: string, doc: FieldDoc | undefined): Bilingual {
  const p = problemOf(issue);
  const zhLabel = doc ? `「${doc.name_zh}」${field}` : field ? `字段 ${field}` : '文档';
  const enLabel = doc ? `${doc.name_en} (${field})` : field ? `Field ${field}` : 'The document';
  return { zh: `${zhLabel} ${p.zh}`, en: `${enLabel} ${p.en}` };
}
