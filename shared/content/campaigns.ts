import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { BOOST_ACTIONS } from './ids';
import { instantField, type InstantEdge } from './instant';
import { contentId, optionalText, text } from './primitives';

export const CAMPAIGN_FIELDS: FieldDocs = {
  _id: fieldDoc('活动标识', 'Campaign id', '英文字母、数字、_ 或 -，上线后不要修改', 'letters, digits, _ or -; never change it once live'),
  title: fieldDoc('活动名称', 'Title', '例如「会员感恩季」，最多 16 个字', 'e.g. 会员感恩季; at most 16 characters'),
  description: fieldDoc(
    '活动介绍',
    'Description',
    '会员在活动横幅和活动页看到的介绍，最多 200 个字',
    'what members read on the banner and page; at most 200 characters',
  ),
  preheatAt: fieldDoc(
    '预热开始',
    'Pre-heat from',
    '预热期开始（上海时间）：首页显示倒计时与即将上线的福利。四个时间必须按 预热 ≤ 开始 < 结束 ≤ 回顾截止 排列',
    'start of the pre-heat (Shanghai): home shows a countdown and the packs to come. The four dates must satisfy preheatAt ≤ startAt < endAt ≤ recapUntil',
  ),
  startAt: fieldDoc('活动开始', 'Starts at', '活动期开始：签到与消费加成生效', 'the live phase starts: boosts apply'),
  endAt: fieldDoc(
    '活动结束',
    'Ends at',
    '活动期结束（2026-12-20 表示到当天 24 点），之后进入回顾期',
    'the live phase ends (2026-12-20 = the end of that day); the recap starts',
  ),
  recapUntil: fieldDoc(
    '回顾截止',
    'Recap until',
    '回顾期结束：此前首页展示活动回顾，会员可查看自己的活动数据并保存回顾卡片',
    'end of the recap: until then home shows the recap, members see their own figures and save the recap card',
  ),
  boosts: fieldDoc(
    '活动加成',
    'Boosts',
    '可选，活动期内的奖励倍数，例如 { "checkin": { "pointsMultiplier": 2, "growthMultiplier": 1.5 }, "purchase": { "pointsMultiplier": 2 } }：签到所得（含连续奖励）、消费积分乘以倍数后取整，写入积分明细或订单并注明倍数；多个活动同时进行时取倍数最高的一个',
    'optional multipliers during the live phase, e.g. { "checkin": { "pointsMultiplier": 2, "growthMultiplier": 1.5 }, "purchase": { "pointsMultiplier": 2 } }: the check-in reward (bonus included) and purchase points times the multiplier, rounded, recorded with the multiplier; when campaigns overlap the highest applies',
  ),
  'boosts.checkin': fieldDoc(
    '签到加成',
    'Check-in boost',
    '{ "pointsMultiplier": 积分倍数, "growthMultiplier": 成长值倍数 }',
    '{ pointsMultiplier, growthMultiplier }',
  ),
  'boosts.checkin.pointsMultiplier': fieldDoc(
    '积分倍数',
    'Points multiplier',
    '1–5，最多一位小数，例如 1.5',
    '1–5, at most one decimal, e.g. 1.5',
  ),
  'boosts.checkin.growthMultiplier': fieldDoc('成长值倍数', 'Growth multiplier', '1–5，最多一位小数', '1–5, at most one decimal'),
  'boosts.purchase': fieldDoc(
    '消费加成',
    'Purchase boost',
    '{ "pointsMultiplier": 积分倍数 }：活动期内记录的消费（以品牌系统上报的时间为准）所得积分乘以倍数；成长值不加成，会员等级始终按实际消费衡量',
    '{ pointsMultiplier }: orders recorded during the live phase earn their points times the multiplier; growth is never boosted, so tiers keep measuring what members spend',
  ),
  'boosts.purchase.pointsMultiplier': fieldDoc(
    '积分倍数',
    'Points multiplier',
    '1–5，最多一位小数，例如 2',
    '1–5, at most one decimal, e.g. 2',
  ),
  packIds: fieldDoc(
    '活动福利包',
    'Campaign packs',
    '可选，活动相关的福利包 _id 列表（必须存在）：预热期作为「即将上线」展示，活动期展示在活动页',
    'optional list of pack _ids (must exist): shown as "coming" during the pre-heat and on the campaign page while live',
  ),
  badgeId: fieldDoc(
    '活动徽章',
    'Campaign badge',
    '可选，活动期内第一次签到即获得的徽章 _id（必须存在且启用）；参加活动也计入 campaignsJoined 指标',
    'optional _id of the badge earned by a first check-in during the live phase (must exist and be active); joining also counts toward campaignsJoined',
  ),
  active: fieldDoc('是否启用', 'Active', '可选，false 时不展示、不加成', 'optional; false hides the campaign and its boosts'),
};

const multiplier = z
  .number()
  .min(1)
  .max(5)
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, { message: 'oneDecimal' });

const checkinBoostSchema = z.object({
  pointsMultiplier: described(multiplier, CAMPAIGN_FIELDS['boosts.checkin.pointsMultiplier']),
  growthMultiplier: described(multiplier, CAMPAIGN_FIELDS['boosts.checkin.growthMultiplier']),
});

/** Purchases boost points only: the growth multiplier is 1 by definition (tiers measure spending). */
const purchaseBoostSchema = z
  .object({ pointsMultiplier: described(multiplier, CAMPAIGN_FIELDS['boosts.purchase.pointsMultiplier']) })
  .strict()
  .transform((b) => ({ pointsMultiplier: b.pointsMultiplier, growthMultiplier: 1 }));

const boostsSchema = z.object({
  checkin: described(checkinBoostSchema.optional(), CAMPAIGN_FIELDS['boosts.checkin']),
  purchase: described(purchaseBoostSchema.optional(), CAMPAIGN_FIELDS['boosts.purchase']),
} satisfies Record<(typeof BOOST_ACTIONS)[number], z.ZodTypeAny>);

/** A campaign date: required (never "no limit"). */
function campaignInstant(edge: InstantEdge) {
  return instantField(edge).refine((v): v is string => v !== null, { message: 'instantRequired' });
}

export const campaignSchema = z
  .object({
    _id: described(contentId, CAMPAIGN_FIELDS._id),
    title: described(text(16), CAMPAIGN_FIELDS.title),
    description: described(optionalText(200), CAMPAIGN_FIELDS.description),
    preheatAt: described(campaignInstant('start'), CAMPAIGN_FIELDS.preheatAt),
    startAt: described(campaignInstant('start'), CAMPAIGN_FIELDS.startAt),
    endAt: described(campaignInstant('end'), CAMPAIGN_FIELDS.endAt),
    recapUntil: described(campaignInstant('end'), CAMPAIGN_FIELDS.recapUntil),
    boosts: described(boostsSchema.optional(), CAMPAIGN_FIELDS.boosts).transform((v) => v ?? {}),
    packIds: described(z.array(contentId).max(20).optional(), CAMPAIGN_FIELDS.packIds).transform((v) => v ?? []),
    badgeId: described(contentId.nullable().optional(), CAMPAIGN_FIELDS.badgeId).transform((v) => v ?? null),
    active: described(z.boolean().optional(), CAMPAIGN_FIELDS.active).transform((v) => v ?? true),
  })
  .superRefine((c, ctx) => {
    const at = (v: string) => Date.parse(v);
    if (at(c.startAt) < at(c.preheatAt)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'startBeforePreheat', path: ['startAt'] });
    if (at(c.endAt) <= at(c.startAt)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'endBeforeStart', path: ['endAt'] });
    if (at(c.recapUntil) < at(c.endAt)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'recapBeforeEnd', path: ['recapUntil'] });
  });

export type CampaignDoc = z.output<typeof campaignSchema>;
export type CampaignBoost = NonNullable<CampaignDoc['boosts']['checkin']>;
