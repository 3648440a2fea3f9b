import { z } from 'zod';
import { described, fieldDoc, type FieldDocs } from './fieldDoc';
import { int } from './primitives';

export const SETTINGS_FIELDS: FieldDocs = {
  _id: fieldDoc('文档标识', 'Document id', '固定为 "main"，只有这一份设置文档', 'always "main": there is one settings document'),
  checkin: fieldDoc(
    '签到奖励',
    'Check-in rewards',
    '每日签到得到的积分与成长值，以及连续签到奖励',
    'points and growth per daily check-in, plus streak bonuses',
  ),
  'checkin.points': fieldDoc(
    '每日签到积分',
    'Points per check-in',
    '每次签到固定获得的积分，整数 ≥ 0',
    'points every check-in earns, integer ≥ 0',
  ),
  'checkin.growth': fieldDoc(
    '每日签到成长值',
    'Growth per check-in',
    '每次签到固定获得的成长值，整数 ≥ 0',
    'growth every check-in earns, integer ≥ 0',
  ),
  'checkin.streakBonuses': fieldDoc(
    '连续签到奖励',
    'Streak bonuses',
    '[{ "days": 7, "points": 30, "growth": 20, "repeat": true }]：连续签到恰好达到 days 天的那一天额外发放；repeat 为 true 时在 days 的每个整数倍（14、21…）再次发放；同一天命中多条时全部叠加',
    '[{ "days": 7, "points": 30, "growth": 20, "repeat": true }]: paid on the day the streak reaches exactly `days`; with repeat, again on every multiple (14, 21…); bonuses hitting the same day add up',
  ),
  'checkin.streakBonuses.days': fieldDoc(
    '连续天数',
    'Streak days',
    '连续签到达到的天数，2–3650，不可重复',
    'the streak length, 2–3650, unique',
  ),
  'checkin.streakBonuses.points': fieldDoc('额外积分', 'Bonus points', '整数 ≥ 0', 'integer ≥ 0'),
  'checkin.streakBonuses.growth': fieldDoc('额外成长值', 'Bonus growth', '整数 ≥ 0', 'integer ≥ 0'),
  'checkin.streakBonuses.repeat': fieldDoc(
    '是否循环',
    'Repeat',
    'true：每逢 days 的整数倍都发放；false 或不填：只在第一次达到时发放',
    'true: paid at every multiple of days; false or missing: only when first reached',
  ),
  invite: fieldDoc(
    '邀请规则',
    'Invite rules',
    '邀请人奖励、被邀请人激活条件与每日奖励上限。奖励只在好友激活后发放，分享本身没有奖励',
    'inviter reward, activation rule and daily cap. Rewards are paid only on activation, never for sharing',
  ),
  'invite.rewardPoints': fieldDoc(
    '邀请奖励积分',
    'Invite reward points',
    '每位好友激活后邀请人获得的积分，整数 ≥ 0',
    'points the inviter gets per activated friend',
  ),
  'invite.rewardGrowth': fieldDoc(
    '邀请奖励成长值',
    'Invite reward growth',
    '每位好友激活后邀请人获得的成长值，整数 ≥ 0',
    'growth the inviter gets per activated friend',
  ),
  'invite.activation': fieldDoc(
    '激活条件',
    'Activation rule',
    '好友在绑定后多少天内、签到多少个不同的日子（或完成首次兑换）才算激活',
    'how many different check-in days within how many days of binding (or a first redemption) activate a friend',
  ),
  'invite.activation.checkinDays': fieldDoc(
    '需签到天数',
    'Check-in days needed',
    '默认 3，不能大于 withinDays',
    'default 3; at most withinDays',
  ),
  'invite.activation.withinDays': fieldDoc(
    '限定天数',
    'Within days',
    '默认 7：绑定当天算第 1 天，第 7 天 24 点前完成',
    'default 7: the day of binding is day 1; complete by the end of day 7',
  ),
  'invite.activation.orFirstRedemption': fieldDoc(
    '首次兑换即激活',
    'Or first redemption',
    'true 时好友在限定天数内完成首次兑换也算激活',
    'true: a first redemption within the window also activates',
  ),
  'invite.inviterDailyRewardCap': fieldDoc(
    '邀请人每日奖励上限',
    'Inviter daily reward cap',
    '一位邀请人每天（上海时间）最多获得几次邀请奖励；超出的好友仍算激活，但不发奖励',
    'how many invite rewards one inviter can get per Shanghai day; beyond it friends still activate but earn no reward',
  ),
  'invite.newMemberHours': fieldDoc(
    '新会员时限（小时）',
    'New-member hours',
    '注册后多少小时内（且尚未签到）可以接受邀请，默认 24',
    'hours after joining (and before any check-in) within which a member may accept an invite; default 24',
  ),
  'invite.inviteeReward': fieldDoc(
    '被邀请人激活奖励',
    'Invitee reward',
    '可选，{ "points": 积分, "growth": 成长值 }：被邀请的好友自己激活（完成上面的激活条件）时发给好友本人，奖励的是好友自己的参与；默认不发。邀请卡与海报上不出现奖励文字',
    'optional { points, growth }: paid to the invited friend when they activate — their own engagement; none by default. Invite cards and posters never mention it',
  ),
  'invite.inviteeReward.points': fieldDoc('被邀请人积分', 'Invitee points', '整数 ≥ 0', 'integer ≥ 0'),
  'invite.inviteeReward.growth': fieldDoc('被邀请人成长值', 'Invitee growth', '整数 ≥ 0', 'integer ≥ 0'),
  birthday: fieldDoc(
    '生日礼',
    'Birthday gift',
    '可选，{ "points": 积分, "growth": 成长值 }：会员生日当月第一次打开会员中心时发放，每人每年一次；都为 0 或不填表示不发放',
    "optional { points, growth }: credited on the first visit of the member's birthday month, once a year; 0 or missing = no gift",
  ),
  'birthday.points': fieldDoc('生日礼积分', 'Birthday points', '整数 0–100000', 'integer 0–100000'),
  'birthday.growth': fieldDoc('生日礼成长值', 'Birthday growth', '整数 0–100000', 'integer 0–100000'),
  tier: fieldDoc('等级规则', 'Tier rules', '成长值窗口、降级提醒与覆盖率目标', 'growth window, downgrade warning and coverage targets'),
  'tier.windowMonths': fieldDoc(
    '成长值窗口（月）',
    'Window months',
    '等级按最近多少个月获得的成长值计算，默认 12',
    'tiers follow growth earned in this many months, default 12',
  ),
  'tier.downgradeWarningDays': fieldDoc(
    '降级提前提醒天数',
    'Downgrade warning days',
    '成长值即将过期导致降级时，提前多少天提醒会员，默认 30',
    'how many days ahead members are warned that expiring growth will lower their tier, default 30',
  ),
  'tier.coverageTargets': fieldDoc(
    '覆盖率目标（%）',
    'Coverage targets (%)',
    '活跃会员中达到各等级（及以上）的目标占比，默认 基础层 90 / 进阶层 40 / 核心层 10',
    'target share of active members at or above each tier; default 90 / 40 / 10',
  ),
  'tier.coverageTargets.basic': fieldDoc('基础层目标', 'Basic target', '0–100', '0–100'),
  'tier.coverageTargets.advanced': fieldDoc('进阶层目标', 'Advanced target', '0–100', '0–100'),
  'tier.coverageTargets.core': fieldDoc('核心层目标', 'Core target', '0–100', '0–100'),
  purchase: fieldDoc(
    '消费奖励',
    'Purchase rewards',
    '门店与商城订单（由品牌系统通过 partner 接口上报）按实付金额发放积分与成长值；积分先冻结 holdDays 天（退款期）再到账。不填时按默认值：每元 1 积分、1 成长值、向下取整、冻结 7 天',
    "points and growth for shop and store orders (sent by the brand's systems through partner) by the amount paid; points stay pending for holdDays (the refund window) before they can be spent. Missing: 1 point and 1 growth per yuan, rounded down, 7 days",
  ),
  'purchase.pointsPerYuan': fieldDoc(
    '每元积分',
    'Points per yuan',
    '实付每 1 元得多少积分，0–100，最多两位小数（如 0.5 表示每 2 元 1 积分）',
    'points per yuan paid, 0–100, at most two decimals (0.5 = 1 point per 2 yuan)',
  ),
  'purchase.growthPerYuan': fieldDoc(
    '每元成长值',
    'Growth per yuan',
    '实付每 1 元得多少成长值，0–100，最多两位小数；成长值在订单上报时立即计入（退款时扣回）',
    'growth per yuan paid, 0–100, at most two decimals; growth counts as soon as the order arrives (taken back on refund)',
  ),
  'purchase.rounding': fieldDoc(
    '取整方式',
    'Rounding',
    'floor 向下取整（默认）/ round 四舍五入 / ceil 向上取整，对每笔订单的积分和成长值分别取整',
    "floor (default) / round / ceil, applied to each order's points and growth",
  ),
  'purchase.holdDays': fieldDoc(
    '积分冻结天数',
    'Hold days',
    '退款期：积分在付款日之后第 holdDays 天结束时到账（默认 7，0 表示立即到账），冻结期间不能使用；0–60',
    'the refund window: points become spendable at the end of the holdDays-th day after the day paid (default 7; 0 = at once), and cannot be spent before; 0–60',
  ),
  points: fieldDoc('积分规则', 'Points rules', '积分有效期', 'points expiry'),
  'points.expiry': fieldDoc(
    '积分有效期',
    'Points expiry',
    '{ "months": 12 }：每笔积分在获得月份之后第 months 个月的月底（上海时间）过期，先获得的先使用；null 或不填表示永不过期',
    '{ "months": 12 }: points expire at the end of the month `months` months after the month they were earned (Shanghai time), oldest spent first; null or missing = never',
  ),
  'points.expiry.months': fieldDoc('有效月数', 'Months', '1–120', '1–120'),
  event: fieldDoc('线下活动', 'Offline events', '活动签到规则', 'event check-in rules'),
  'event.graceMinutes': fieldDoc(
    '签到宽限（分钟）',
    'Grace minutes',
    '活动开始前、结束后多少分钟内仍可扫码签到，默认 30，0–720',
    'minutes before the start and after the end during which hosts may still check members in; default 30, 0–720',
  ),
};

const streakBonusSchema = z.object({
  days: described(int(2, 3650), SETTINGS_FIELDS['checkin.streakBonuses.days']),
  points: described(int(0, 1_000_000), SETTINGS_FIELDS['checkin.streakBonuses.points']),
  growth: described(int(0, 1_000_000), SETTINGS_FIELDS['checkin.streakBonuses.growth']),
  repeat: described(z.boolean().optional(), SETTINGS_FIELDS['checkin.streakBonuses.repeat']).transform((v) => v ?? false),
});

const checkinSettingsSchema = z.object({
  points: described(int(0, 1_000_000), SETTINGS_FIELDS['checkin.points']),
  growth: described(int(0, 1_000_000), SETTINGS_FIELDS['checkin.growth']),
  streakBonuses: described(z.array(streakBonusSchema).max(10), SETTINGS_FIELDS['checkin.streakBonuses']).superRefine((list, ctx) => {
    if (new Set(list.map((b) => b.days)).size !== list.length) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'uniqueBonusDays' });
  }),
});

const activationSchema = z
  .object({
    checkinDays: described(int(1, 30), SETTINGS_FIELDS['invite.activation.checkinDays']),
    withinDays: described(int(1, 90), SETTINGS_FIELDS['invite.activation.withinDays']),
    orFirstRedemption: described(z.boolean(), SETTINGS_FIELDS['invite.activation.orFirstRedemption']),
  })
  .superRefine((a, ctx) => {
    if (a.checkinDays > a.withinDays)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'activationDaysExceedWindow', path: ['checkinDays'] });
  });

const inviteSettingsSchema = z.object({
  rewardPoints: described(int(0, 1_000_000), SETTINGS_FIELDS['invite.rewardPoints']),
  rewardGrowth: described(int(0, 1_000_000), SETTINGS_FIELDS['invite.rewardGrowth']),
  activation: described(activationSchema, SETTINGS_FIELDS['invite.activation']),
  inviterDailyRewardCap: described(int(0, 1000), SETTINGS_FIELDS['invite.inviterDailyRewardCap']),
  newMemberHours: described(int(1, 168).optional(), SETTINGS_FIELDS['invite.newMemberHours']).transform((v) => v ?? 24),
  inviteeReward: described(
    z.object({
      points: described(int(0, 1_000_000), SETTINGS_FIELDS['invite.inviteeReward.points']),
      growth: described(int(0, 1_000_000), SETTINGS_FIELDS['invite.inviteeReward.growth']),
    }),
    SETTINGS_FIELDS['invite.inviteeReward'],
  )
    .optional()
    .transform((v) => v ?? { points: 0, growth: 0 }),
});

const percent = int(0, 100);

const tierSettingsSchema = z.object({
  windowMonths: described(int(1, 36).optional(), SETTINGS_FIELDS['tier.windowMonths']).transform((v) => v ?? 12),
  downgradeWarningDays: described(int(0, 180).optional(), SETTINGS_FIELDS['tier.downgradeWarningDays']).transform((v) => v ?? 30),
  coverageTargets: described(
    z
      .object({
        basic: described(percent, SETTINGS_FIELDS['tier.coverageTargets.basic']),
        advanced: described(percent, SETTINGS_FIELDS['tier.coverageTargets.advanced']),
        core: described(percent, SETTINGS_FIELDS['tier.coverageTargets.core']),
      })
      .optional(),
    SETTINGS_FIELDS['tier.coverageTargets'],
  ).transform((v) => v ?? { basic: 90, advanced: 40, core: 10 }),
});

/** A rate per yuan: 0–100 with at most two decimals (kept exact as hundredths). */
const ratePerYuan = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'twoDecimals' });

export const PURCHASE_ROUNDINGS = ['floor', 'round', 'ceil'] as const;
export type PurchaseRounding = (typeof PURCHASE_ROUNDINGS)[number];

const DEFAULT_PURCHASE = { pointsPerYuan: 1, growthPerYuan: 1, rounding: 'floor' as PurchaseRounding, holdDays: 7 };

const purchaseSettingsSchema = z.object({
  pointsPerYuan: described(ratePerYuan, SETTINGS_FIELDS['purchase.pointsPerYuan']),
  growthPerYuan: described(ratePerYuan, SETTINGS_FIELDS['purchase.growthPerYuan']),
  rounding: described(z.enum(PURCHASE_ROUNDINGS).optional(), SETTINGS_FIELDS['purchase.rounding']).transform((v) => v ?? 'floor'),
  holdDays: described(int(0, 60).optional(), SETTINGS_FIELDS['purchase.holdDays']).transform((v) => v ?? 7),
});

const pointsSettingsSchema = z.object({
  expiry: described(
    z
      .object({ months: described(int(1, 120), SETTINGS_FIELDS['points.expiry.months']) })
      .nullable()
      .optional(),
    SETTINGS_FIELDS['points.expiry'],
  ).transform((v) => v ?? null),
});

const eventSettingsSchema = z.object({
  graceMinutes: described(int(0, 720).optional(), SETTINGS_FIELDS['event.graceMinutes']).transform((v) => v ?? 30),
});

export const settingsSchema = z.object({
  _id: described(z.literal('main', { errorMap: () => ({ message: 'mainOnly' }) }), SETTINGS_FIELDS._id),
  checkin: described(checkinSettingsSchema, SETTINGS_FIELDS.checkin),
  invite: described(inviteSettingsSchema, SETTINGS_FIELDS.invite),
  birthday: described(
    z.object({
      points: described(int(0, 100_000), SETTINGS_FIELDS['birthday.points']),
      growth: described(int(0, 100_000), SETTINGS_FIELDS['birthday.growth']),
    }),
    SETTINGS_FIELDS.birthday,
  )
    .optional()
    .transform((v) => v ?? { points: 0, growth: 0 }),
  tier: described(tierSettingsSchema.optional(), SETTINGS_FIELDS.tier).transform(
    (v) => v ?? { windowMonths: 12, downgradeWarningDays: 30, coverageTargets: { basic: 90, advanced: 40, core: 10 } },
  ),
  purchase: described(purchaseSettingsSchema.optional(), SETTINGS_FIELDS.purchase).transform((v) => v ?? { ...DEFAULT_PURCHASE }),
  points: described(pointsSettingsSchema.optional(), SETTINGS_FIELDS.points).transform((v) => v ?? { expiry: null }),
  event: described(eventSettingsSchema.optional(), SETTINGS_FIELDS.event).transform((v) => v ?? { graceMinutes: 30 }),
});

export type SettingsDoc = z.output<typeof settingsSchema>;
export type StreakBonus = SettingsDoc['checkin']['streakBonuses'][number];
export type PurchaseSettings = SettingsDoc['purchase'];

/**
 * What the functions use when the settings document is missing or broken, so check-in keeps
 * working (the validator still reports the problem as an error). Same values as the demo, except
 * that points never expire (expiry is a choice ops make in the document, never a silent default).
 */
export const DEFAULT_SETTINGS: SettingsDoc = {
  _id: 'main',
  checkin: {
    points: 10,
    growth: 10,
    streakBonuses: [
      { days: 7, points: 30, growth: 20, repeat: true },
      { days: 30, points: 100, growth: 80, repeat: true },
    ],
  },
  invite: {
    rewardPoints: 50,
    rewardGrowth: 30,
    activation: { checkinDays: 3, withinDays: 7, orFirstRedemption: true },
    inviterDailyRewardCap: 5,
    newMemberHours: 24,
    inviteeReward: { points: 0, growth: 0 },
  },
  birthday: { points: 0, growth: 0 },
  tier: { windowMonths: 12, downgradeWarningDays: 30, coverageTargets: { basic: 90, advanced: 40, core: 10 } },
  purchase: { ...DEFAULT_PURCHASE },
  points: { expiry: null },
  event: { graceMinutes: 30 },
};
