import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { LIMIT_PERIODS, PACK_SCENES, TIER_IDS } from './ids';
import { instantField } from './instant';
import { contentId, int, optionalText, text } from './primitives';

export const BENEFIT_PACK_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '福利包标识',
    'Pack id',
    '英文字母、数字、_ 或 -，上线后不要修改（兑换记录按它关联）',
    'letters, digits, _ or -; never change it once live (redemptions refer to it)',
  ),
  title: fieldDoc('福利包名称', 'Title', '例如「工作日午间福利包」，最多 30 个字', 'e.g. 工作日午间福利包; at most 30 characters'),
  description: fieldDoc(
    '福利内容',
    'Description',
    '包含什么、怎么使用，最多 300 个字',
    'what it contains and how to use it; at most 300 characters',
  ),
  minTier: fieldDoc(
    '最低等级',
    'Minimum tier',
    'basic / advanced / core：达到该等级（或更高）的会员才能兑换',
    'basic / advanced / core: members at this tier or above may redeem',
  ),
  cost: fieldDoc(
    '所需积分',
    'Cost',
    '兑换一次扣除的积分，整数 ≥ 0（0 表示免费领取）',
    'points spent per redemption, integer ≥ 0 (0 = free)',
  ),
  stock: fieldDoc(
    '剩余库存',
    'Stock left',
    '还能兑换的份数，整数 ≥ 0；null 表示不限量。必须明确填写（漏填不会被当作不限量）。上线后由系统扣减，请勿手动改小',
    'units left, integer ≥ 0; null = unlimited. Must be written explicitly (a missing value is not read as unlimited). Live stock is decremented by the system',
  ),
  perMemberLimit: fieldDoc(
    '每人限兑次数',
    'Per-member limit',
    '每位会员在一个周期内最多兑换的次数，整数 ≥ 1',
    'redemptions per member per period, integer ≥ 1',
  ),
  limitPeriod: fieldDoc(
    '限兑周期',
    'Limit period',
    'day 每天 / week 每周（周一开始）/ month 每月 / campaign 整个活动期间；均按上海时间',
    'day / week (starts Monday) / month / campaign (whole campaign); Shanghai time',
  ),
  startAt: fieldDoc(
    '开始时间',
    'Starts at',
    '可选。2026-12-25 表示当天 0 点开始；也可写 2026-12-25T10:00（上海时间）；null 表示立即开始',
    'optional. 2026-12-25 = that day 00:00; or 2026-12-25T10:00 (Shanghai); null = open now',
  ),
  endAt: fieldDoc(
    '结束时间',
    'Ends at',
    '可选。2027-01-03 表示到当天 24 点结束（含当天）；也可写具体时间；null 表示长期有效；必须晚于开始时间',
    'optional. 2027-01-03 = until the end of that day (inclusive); or an exact time; null = no end; must be after startAt',
  ),
  schedule: fieldDoc(
    '开放时段',
    'Schedule',
    '可选，场景福利的每周开放时段（上海时间）；不填表示活动期间全天开放',
    'optional weekly opening hours (Shanghai) for scene packs; missing = open all the time',
  ),
  'schedule.weekdays': fieldDoc(
    '开放星期',
    'Weekdays',
    '0=周日、1=周一 … 6=周六，例如工作日 [1,2,3,4,5]；不填表示每天',
    '0 = Sunday … 6 = Saturday, e.g. weekdays [1,2,3,4,5]; missing = every day',
  ),
  'schedule.hours': fieldDoc(
    '开放时间段',
    'Hours',
    '[{ "from": "11:30", "to": "13:30" }]，可多段；不填表示全天',
    '[{ "from": "11:30", "to": "13:30" }], several allowed; missing = all day',
  ),
  'schedule.hours.from': fieldDoc('开始', 'From', 'HH:mm，上海时间', 'HH:mm, Shanghai time'),
  'schedule.hours.to': fieldDoc('结束', 'To', 'HH:mm，不含该分钟；可写 24:00', 'HH:mm, exclusive; 24:00 allowed'),
  scene: fieldDoc(
    '场景',
    'Scene',
    'normal 常规 / lunch 工作日午间 / weekend 周末家庭 / holiday 节日限定；同一场景、同一最低等级的福利包开放时间不能重叠',
    'normal / lunch / weekend / holiday; packs of the same scene and minimum tier must not be open at the same time',
  ),
  voucherDays: fieldDoc(
    '券有效天数',
    'Voucher days',
    '兑换后券的有效天数（含兑换当天，按上海日期），1–366',
    'days the voucher stays valid, counting the day of redemption (Shanghai), 1–366',
  ),
  active: fieldDoc(
    '是否上架',
    'Active',
    'false 时下架：不展示、不能兑换（已发的券不受影响）',
    'false takes it off the shelf (vouchers already issued stay valid)',
  ),
  order: fieldDoc('排序', 'Order', '列表中的顺序，数字小的在前', 'position in lists, smaller first'),
  image: fieldDoc('封面图', 'Image', '可选，云存储 fileID 或 https 图片地址', 'optional cloud fileID or https image URL'),
  holds: fieldDoc(
    '兑换占用',
    'Units held',
    '由系统维护，请勿修改：正在进行中的兑换暂时占用的库存（通常为空，或几秒内消失）；改库存时只改 stock，不要整篇覆盖文档',
    'maintained by the system, do not edit: units held by redemptions under way (normally empty, or gone within seconds); edit stock as a single field, never replace the whole document',
  ),
  requires: fieldDoc(
    '兑换条件',
    'Requires',
    '可选，会员做到什么才能兑换：{ "badgeId": 徽章, "nodeId": 成长树节点, "birthdayMonth": true }，可同时填写（全部满足才可兑换）；不能兑换时页面说明原因，如「点亮「导师计划」节点后可兑换」',
    'optional, what the member must have done: { "badgeId", "nodeId", "birthdayMonth": true }, all of them when several; members see why it is locked, e.g. 点亮「导师计划」节点后可兑换',
  ),
  'requires.badgeId': fieldDoc(
    '需要的徽章',
    'Badge required',
    '获得该徽章（_id）后可兑换',
    'redeemable once the member holds this badge (_id)',
  ),
  'requires.nodeId': fieldDoc(
    '需要的节点',
    'Node required',
    '点亮该成长树节点（_id）后可兑换；该节点的 unlocks.packId 应指向本福利包',
    "redeemable once the member lit this tree node (_id); that node's unlocks.packId should name this pack",
  ),
  'requires.birthdayMonth': fieldDoc(
    '生日当月',
    'Birthday month',
    'true：只在会员生日所在的月份（上海时间）可兑换；未填写生日的会员会被提示先填写生日',
    "true: redeemable only in the member's birthday month (Shanghai); members without a birthday are asked to set it",
  ),
};

/**
 * Fields the functions keep on a pack document, not content: never part of the program, never
 * written into content files (a console export carries them; imported back, stale holds would be
 * settled a second time).
 */
export const PACK_SYSTEM_FIELDS = ['holds'] as const;

const hhmm = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'hhmm' });

/** Minutes since midnight of a validated `HH:mm` (24:00 → 1440). */
export function hhmmToMinute(value: string): number {
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

const hourRangeSchema = z
  .object({
    from: described(hhmm, BENEFIT_PACK_FIELDS['schedule.hours.from']),
    to: described(hhmm, BENEFIT_PACK_FIELDS['schedule.hours.to']),
  })
  .superRefine((r, ctx) => {
    if (hhmmToMinute(r.to) <= hhmmToMinute(r.from)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'hoursOrder', path: ['to'] });
  });

export const scheduleSchema = z
  .object({
    weekdays: described(z.array(int(0, 6)).max(7), BENEFIT_PACK_FIELDS['schedule.weekdays']).optional(),
    hours: described(z.array(hourRangeSchema).max(6), BENEFIT_PACK_FIELDS['schedule.hours']).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.weekdays) {
      if (s.weekdays.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'emptyWeekdays', path: ['weekdays'] });
      if (new Set(s.weekdays).size !== s.weekdays.length)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'duplicateWeekday', path: ['weekdays'] });
    }
    if (s.hours) {
      if (s.hours.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'emptyHours', path: ['hours'] });
      const sorted = [...s.hours].sort((a, b) => hhmmToMinute(a.from) - hhmmToMinute(b.from));
      for (let i = 1; i < sorted.length; i++) {
        if (hhmmToMinute(sorted[i].from) < hhmmToMinute(sorted[i - 1].to)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'overlappingHours', path: ['hours'] });
          break;
        }
      }
    }
  });

export const packRequiresSchema = z
  .object({
    badgeId: described(contentId.optional(), BENEFIT_PACK_FIELDS['requires.badgeId']),
    nodeId: described(contentId.optional(), BENEFIT_PACK_FIELDS['requires.nodeId']),
    birthdayMonth: described(z.literal(true).optional(), BENEFIT_PACK_FIELDS['requires.birthdayMonth']),
  })
  .superRefine((r, ctx) => {
    if (r.badgeId === undefined && r.nodeId === undefined && r.birthdayMonth === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'emptyRequires' });
    }
  });

export const benefitPackSchema = z
  .object({
    _id: described(contentId, BENEFIT_PACK_FIELDS._id),
    title: described(text(30), BENEFIT_PACK_FIELDS.title),
    description: described(text(300), BENEFIT_PACK_FIELDS.description),
    minTier: described(z.enum(TIER_IDS), BENEFIT_PACK_FIELDS.minTier),
    cost: described(int(0, 10_000_000), BENEFIT_PACK_FIELDS.cost),
    // `.nullable()` without `.optional()`: a forgotten stock must not silently mean "unlimited".
    stock: described(int(0, 10_000_000).nullable(), BENEFIT_PACK_FIELDS.stock),
    perMemberLimit: described(int(1, 10_000), BENEFIT_PACK_FIELDS.perMemberLimit),
    limitPeriod: described(z.enum(LIMIT_PERIODS), BENEFIT_PACK_FIELDS.limitPeriod),
    startAt: described(instantField('start'), BENEFIT_PACK_FIELDS.startAt),
    endAt: described(instantField('end'), BENEFIT_PACK_FIELDS.endAt),
    schedule: described(scheduleSchema.nullable().optional(), BENEFIT_PACK_FIELDS.schedule).transform((v) => v ?? null),
    scene: described(z.enum(PACK_SCENES), BENEFIT_PACK_FIELDS.scene),
    voucherDays: described(int(1, 366), BENEFIT_PACK_FIELDS.voucherDays),
    active: described(z.boolean(), BENEFIT_PACK_FIELDS.active),
    order: described(int(0, 100_000).optional(), BENEFIT_PACK_FIELDS.order).transform((v) => v ?? 0),
    image: described(optionalText(512), BENEFIT_PACK_FIELDS.image),
    // The functions' own field (`shared/domain/stockHolds.ts`): known, so never reported as unknown, and never part of the program.
    holds: described(z.unknown(), BENEFIT_PACK_FIELDS.holds).transform(() => undefined),
    requires: described(packRequiresSchema.nullable().optional(), BENEFIT_PACK_FIELDS.requires).transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.startAt !== null && p.endAt !== null && Date.parse(p.endAt) <= Date.parse(p.startAt)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'endBeforeStart', path: ['endAt'] });
    }
  });

export type PackSchedule = z.output<typeof scheduleSchema>;
export type PackRequires = z.output<typeof packRequiresSchema>;
export type BenefitPackDoc = z.output<typeof benefitPackSchema>;
