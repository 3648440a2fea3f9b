import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { EVENT_KINDS } from './ids';
import { instantField } from './instant';
import { contentId, int, optionalText, text } from './primitives';

export const EVENT_FIELDS: FieldDocs = {
  _id: fieldDoc(
    '活动标识',
    'Event id',
    '英文字母、数字、_ 或 -，上线后不要修改（签到记录按它关联）',
    'letters, digits, _ or -; never change it once live (attendance records refer to it)',
  ),
  title: fieldDoc('活动名称', 'Title', '例如「周末读书会」，最多 30 个字', 'e.g. 周末读书会; at most 30 characters'),
  place: fieldDoc('地点', 'Place', '门店或场地，最多 60 个字', 'the store or venue; at most 60 characters'),
  startAt: fieldDoc(
    '开始时间',
    'Starts at',
    '必填，例如 2026-12-05T14:00（上海时间）；开始前 settings.event.graceMinutes 分钟起可以扫码签到',
    'required, e.g. 2026-12-05T14:00 (Shanghai); hosts may check members in from settings.event.graceMinutes before',
  ),
  endAt: fieldDoc(
    '结束时间',
    'Ends at',
    '必填，必须晚于开始时间；结束后 graceMinutes 分钟内仍可签到。只写日期 2026-12-05 表示当天 24 点结束',
    'required, after startAt; check-in stays open graceMinutes after it. A bare day 2026-12-05 means the end of that day',
  ),
  points: fieldDoc('签到积分', 'Points', '到场签到后获得的积分，整数 ≥ 0', 'points for attending, integer ≥ 0'),
  growth: fieldDoc('签到成长值', 'Growth', '到场签到后获得的成长值，整数 ≥ 0', 'growth for attending, integer ≥ 0'),
  badgeId: fieldDoc(
    '纪念徽章',
    'Badge',
    '可选，到场即获得的徽章 _id（例如活动纪念徽章），必须是已启用的徽章',
    'optional _id of a badge every attendee gets (e.g. a commemorative badge); must be an active badge',
  ),
  kind: fieldDoc(
    '类型',
    'Kind',
    'activity 活动（默认）/ course 课程；课程同时计入徽章指标 coursesAttended',
    'activity (default) / course; courses also count in the badge metric coursesAttended',
  ),
  description: fieldDoc('活动介绍', 'Description', '可选，最多 200 个字', 'optional; at most 200 characters'),
  active: fieldDoc(
    '是否启用',
    'Active',
    'false 时会员看不到、员工不能签到（已签到的记录保留）',
    'false hides it from members and closes check-in (attendance records are kept)',
  ),
};

export const eventSchema = z
  .object({
    _id: described(contentId, EVENT_FIELDS._id),
    title: described(text(30), EVENT_FIELDS.title),
    place: described(text(60), EVENT_FIELDS.place),
    startAt: described(instantField('start'), EVENT_FIELDS.startAt),
    endAt: described(instantField('end'), EVENT_FIELDS.endAt),
    points: described(int(0, 1_000_000), EVENT_FIELDS.points),
    growth: described(int(0, 1_000_000), EVENT_FIELDS.growth),
    badgeId: described(contentId.nullable().optional(), EVENT_FIELDS.badgeId).transform((v) => v ?? null),
    kind: described(z.enum(EVENT_KINDS).optional(), EVENT_FIELDS.kind).transform((v) => v ?? 'activity'),
    description: described(optionalText(200), EVENT_FIELDS.description),
    active: described(z.boolean(), EVENT_FIELDS.active),
  })
  .superRefine((e, ctx) => {
    // Both times are required (an event without a time cannot be checked in to).
    if (e.startAt === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'instantRequired', path: ['startAt'] });
    if (e.endAt === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'instantRequired', path: ['endAt'] });
    if (e.startAt !== null && e.endAt !== null && Date.parse(e.endAt) <= Date.parse(e.startAt)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'endBeforeStart', path: ['endAt'] });
    }
  })
  .transform((e) => ({ ...e, startAt: e.startAt as string, endAt: e.endAt as string }));

export type EventDoc = z.output<typeof eventSchema>;
