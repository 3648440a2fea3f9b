import { REMINDER_PURPOSES, REMINDER_PURPOSE_NAMES, type ReminderPurpose } from '../content/ids';
import { addDays, atMinute, dayOf, toMs, type DayString, type Instant } from '../time/shanghai';
import type { Streak } from './member';
import { EXPIRY_WARNING_DAYS } from './pointLots';
import { clip, THING_MAX, type TemplateValue, type ValueKind } from './templateFields';

/**
 * The reminders a member asks for (WeChat one-time subscription messages): for each purpose, the
 * values its template can show, the page it opens, when it is sent and why — one message per
 * member, purpose and reason (`reasonKey`), never without a consent credit. The jobs and the
 * invite activation send them (`cloudfunctions/_common/reminders.ts`); the client offers a purpose
 * only at the moment these rules say a message can follow.
 */

/** A value a template keyword can be filled with, documented for ops (`settings.subscribe.<purpose>.fields`). */
export interface ReminderValueDoc {
  kind: ValueKind;
  zh: string;
  en: string;
}

export const REMINDER_VALUES = {
  checkinReminder: {
    activity: { kind: 'text', zh: '「每日签到」', en: '"每日签到" (daily check-in)' },
    streak: { kind: 'number', zh: '当前连续签到天数', en: 'the current streak, in days' },
    tip: { kind: 'text', zh: '提示：已连续签到 N 天，今天别断了', en: 'a tip: N days in a row, keep it going today' },
    deadline: { kind: 'time', zh: '今天 23:59（今天签到的截止时间）', en: 'today 23:59, when today’s check-in closes' },
    status: { kind: 'phrase', zh: '「未签到」', en: '"未签到" (not checked in)' },
  },
  voucherExpiry: {
    pack: { kind: 'text', zh: '券的名称（福利包名）', en: 'the voucher’s pack title' },
    expiresAt: { kind: 'time', zh: '到期时间', en: 'when it expires' },
    count: { kind: 'number', zh: '3 天内到期的券数', en: 'vouchers expiring within 3 days' },
    code: { kind: 'code', zh: '券码', en: 'the voucher code' },
    tip: { kind: 'text', zh: '提示：券即将到期，记得使用', en: 'a tip: use it before it expires' },
    status: { kind: 'phrase', zh: '「即将到期」', en: '"即将到期" (expiring soon)' },
  },
  pointsExpiry: {
    points: { kind: 'number', zh: '即将过期的积分', en: 'points about to expire' },
    expiresOn: { kind: 'date', zh: '最后可用日期', en: 'the last day they can be spent' },
    balance: { kind: 'number', zh: '当前积分余额', en: 'the points balance' },
    tip: { kind: 'text', zh: '提示：N 积分将于某日过期', en: 'a tip: N points expire on a day' },
    status: { kind: 'phrase', zh: '「即将过期」', en: '"即将过期" (expiring soon)' },
  },
  tierWarning: {
    tier: { kind: 'text', zh: '当前等级名称', en: 'the current tier’s name' },
    nextTier: { kind: 'text', zh: '将会调整到的等级名称', en: 'the tier it would drop to' },
    date: { kind: 'date', zh: '等级调整的日期', en: 'the day the tier would drop' },
    growthToKeep: { kind: 'number', zh: '保级还需的成长值', en: 'growth still needed to keep the tier' },
    tip: { kind: 'text', zh: '提示：再得 N 成长值可保持当前等级', en: 'a tip: N more growth keeps the tier' },
    status: { kind: 'phrase', zh: '「即将降级」', en: '"即将降级" (about to drop)' },
  },
  inviteActivated: {
    friend: { kind: 'text', zh: '好友昵称', en: 'the friend’s nickname' },
    activatedAt: { kind: 'time', zh: '激活时间', en: 'when the friend activated' },
    reward: { kind: 'text', zh: '邀请奖励（如「+50 积分 +30 成长值」，未发放时说明原因）', en: 'the invite reward, or why none was paid' },
    invitesActivated: { kind: 'number', zh: '已激活的好友总数', en: 'friends activated so far' },
    tip: { kind: 'text', zh: '提示：你邀请的好友已成为活跃会员', en: 'a tip: your friend is now an active member' },
    status: { kind: 'phrase', zh: '「已激活」', en: '"已激活" (activated)' },
  },
  campaignStart: {
    campaign: { kind: 'text', zh: '活动名称', en: 'the campaign’s title' },
    startAt: { kind: 'time', zh: '开始时间', en: 'when it starts' },
    tip: { kind: 'text', zh: '提示：活动的简介（截取）', en: 'a tip: the campaign’s description, clipped' },
    status: { kind: 'phrase', zh: '「即将开始」', en: '"即将开始" (starting soon)' },
  },
} as const satisfies Record<ReminderPurpose, Record<string, ReminderValueDoc>>;

export type ReminderValueName<P extends ReminderPurpose> = keyof (typeof REMINDER_VALUES)[P] & string;
export type ReminderValues<P extends ReminderPurpose> = Record<ReminderValueName<P>, TemplateValue>;

/** The page each message opens (paths of the app, without the leading "/"; the campaign page takes `?id=`). */
export const REMINDER_PAGES: Record<ReminderPurpose, string> = {
  checkinReminder: 'pages/index/index',
  voucherExpiry: 'packages/benefits/pages/vouchers/index',
  pointsExpiry: 'packages/profile/pages/ledger/index',
  tierWarning: 'packages/program/pages/tiers/index',
  inviteActivated: 'packages/invite/pages/card/index',
  campaignStart: 'packages/program/pages/campaign/index',
};

/** When a daily reminder goes out: Shanghai minutes of the day, from `at` until `until` (later it waits for the next day). */
export interface DailySlot {
  at: number;
  until: number;
}

const MORNING: DailySlot = { at: 10 * 60, until: 21 * 60 };

/** Daily purposes and their slot (`inviteActivated` is sent when it happens). */
export const REMINDER_SLOTS: Partial<Record<ReminderPurpose, DailySlot>> = {
  checkinReminder: { at: 20 * 60, until: 22 * 60 },
  voucherExpiry: MORNING,
  pointsExpiry: MORNING,
  tierWarning: MORNING,
  campaignStart: MORNING,
};

/** A voucher is reminded of when it expires within this many days of the morning run. */
export const VOUCHER_EXPIRY_DAYS = 3;
/** Points expiring within this many days (the horizon home warns of, too). */
export const POINTS_EXPIRY_DAYS = EXPIRY_WARNING_DAYS;
/** A tier drop within this many days. */
export const TIER_WARNING_DAYS = 14;
/** The check-in reminder is for a streak worth keeping: at least this long. */
export const REMINDER_MIN_STREAK = 2;

/** The first run of a daily slot at or after `now`. */
export function nextSlotRun(slot: DailySlot, now: Instant): number {
  const t = toMs(now);
  const today = atMinute(dayOf(t), slot.at);
  return t <= today ? today : atMinute(addDays(dayOf(t), 1), slot.at);
}

/**
 * The check-in reminder is due at 20:00 for a member whose streak (as shown) is at least 2 and who
 * has not checked in today: they checked in yesterday, and the streak breaks at midnight.
 */
export function checkinReminderDue(streak: Streak, today: DayString): boolean {
  return streak.current >= REMINDER_MIN_STREAK && streak.lastDate === addDays(today, -1);
}

/** After a check-in, "明天提醒我签到" is offered only when tomorrow's reminder could be sent (the streak is worth keeping). */
export function checkinReminderOffered(streakAfterCheckin: number): boolean {
  return streakAfterCheckin >= REMINDER_MIN_STREAK;
}

/**
 * "券到期前提醒我" is offered only when a morning run will find the voucher still valid and
 * within `VOUCHER_EXPIRY_DAYS` of expiring.
 */
export function voucherReminderOffered(expiresAt: string, now: Instant): boolean {
  const end = toMs(expiresAt);
  const slot = REMINDER_SLOTS.voucherExpiry ?? MORNING;
  return nextSlotRun(slot, Math.max(toMs(now), end - VOUCHER_EXPIRY_DAYS * 86_400_000)) < end;
}

/** The morning run, the day before a campaign's start day, that tells the members who asked. */
export function campaignReminderRun(startAt: Instant): number {
  return atMinute(addDays(dayOf(startAt), -1), (REMINDER_SLOTS.campaignStart ?? MORNING).at);
}

/** "开始前提醒我" is offered (and accepted) while that run is still ahead. */
export function campaignReminderOpen(startAt: Instant, now: Instant): boolean {
  return toMs(now) < campaignReminderRun(startAt);
}

/** Messages sent of one purpose (`_id` of a `subscribe_sends` group) and how many were followed by a visit within 24 h. */
export interface ReminderSendRow {
  purpose: string;
  sent: number;
  returned: number;
}

export interface ReminderEffect {
  /** Every purpose, in the order of `REMINDER_PURPOSES`, with its name. */
  byPurpose: Array<{ purpose: ReminderPurpose; name: string; sent: number; returned: number }>;
  sent: number;
  returned: number;
  /** returned ÷ sent (0 when nothing was sent). */
  returnRate: number;
}

/** The reminders' effect for `ops.stats`: sent per purpose, and the members who came back within 24 h of one. */
export function reminderEffect(rows: readonly ReminderSendRow[]): ReminderEffect {
  const byPurpose = REMINDER_PURPOSES.map((purpose) => {
    const row = rows.find((r) => r.purpose === purpose);
    return { purpose, name: REMINDER_PURPOSE_NAMES[purpose], sent: row?.sent ?? 0, returned: row?.returned ?? 0 };
  });
  const sent = byPurpose.reduce((n, p) => n + p.sent, 0);
  const returned = byPurpose.reduce((n, p) => n + p.returned, 0);
  return { byPurpose, sent, returned, returnRate: sent === 0 ? 0 : Math.round((returned / sent) * 1000) / 1000 };
}

/** One message per member, purpose and reason: the `_id` of its send record. */
export function sendId(purpose: ReminderPurpose, reason: string, openid: string): string {
  return `${purpose}_${reason}_${openid}`;
}

// ---- the values of each purpose's message ----------------------------------------------------

export function checkinReminderValues(streak: number, today: DayString): ReminderValues<'checkinReminder'> {
  return {
    activity: { kind: 'text', text: '每日签到' },
    streak: { kind: 'number', n: streak },
    tip: { kind: 'text', text: `已连续签到${streak}天，今天别断了` },
    deadline: { kind: 'time', at: atMinute(today, 24 * 60 - 1) },
    status: { kind: 'phrase', text: '未签到' },
  };
}

export interface ExpiringVoucher {
  packTitle: string;
  expiresAt: string;
  code: string;
}

export function voucherExpiryValues(voucher: ExpiringVoucher, count: number): ReminderValues<'voucherExpiry'> {
  return {
    pack: { kind: 'text', text: voucher.packTitle },
    expiresAt: { kind: 'time', at: voucher.expiresAt },
    count: { kind: 'number', n: count },
    code: { kind: 'code', text: voucher.code },
    tip: { kind: 'text', text: count > 1 ? `你有${count}张券即将到期，记得使用` : '券即将到期，记得在有效期内使用' },
    status: { kind: 'phrase', text: '即将到期' },
  };
}

export function pointsExpiryValues(points: number, lastDay: DayString, balance: number): ReminderValues<'pointsExpiry'> {
  const [, m, d] = lastDay.split('-').map(Number);
  return {
    points: { kind: 'number', n: points },
    expiresOn: { kind: 'date', day: lastDay },
    balance: { kind: 'number', n: balance },
    tip: { kind: 'text', text: `${points}积分将于${m}月${d}日后过期` },
    status: { kind: 'phrase', text: '即将过期' },
  };
}

export interface TierDrop {
  date: DayString;
  fromTierName: string;
  toTierName: string;
  growthToKeep: number;
}

export function tierWarningValues(drop: TierDrop): ReminderValues<'tierWarning'> {
  return {
    tier: { kind: 'text', text: drop.fromTierName },
    nextTier: { kind: 'text', text: drop.toTierName },
    date: { kind: 'date', day: drop.date },
    growthToKeep: { kind: 'number', n: drop.growthToKeep },
    tip: { kind: 'text', text: `再得${drop.growthToKeep}成长值可保持${drop.fromTierName}` },
    status: { kind: 'phrase', text: '即将降级' },
  };
}

export interface InviteActivation {
  friend: string;
  at: Instant;
  /** What the inviter was paid, or why nothing was. */
  reward: { points: number; growth: number } | 'DAILY_CAP' | 'NO_REWARD_CONFIGURED';
  invitesActivated: number;
}

function rewardText(reward: InviteActivation['reward']): string {
  if (reward === 'DAILY_CAP') return '今日邀请奖励已达上限';
  if (reward === 'NO_REWARD_CONFIGURED') return '好友已成为活跃会员';
  const parts = [reward.points ? `+${reward.points}积分` : '', reward.growth ? `+${reward.growth}成长值` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '好友已成为活跃会员';
}

export function inviteActivatedValues(activation: InviteActivation): ReminderValues<'inviteActivated'> {
  return {
    friend: { kind: 'text', text: activation.friend },
    activatedAt: { kind: 'time', at: activation.at },
    reward: { kind: 'text', text: rewardText(activation.reward) },
    invitesActivated: { kind: 'number', n: activation.invitesActivated },
    tip: { kind: 'text', text: '你邀请的好友已成为活跃会员' },
    status: { kind: 'phrase', text: '已激活' },
  };
}

export function campaignStartValues(campaign: { title: string; description: string; startAt: string }): ReminderValues<'campaignStart'> {
  const about = clip(campaign.description, THING_MAX);
  return {
    campaign: { kind: 'text', text: campaign.title },
    startAt: { kind: 'time', at: campaign.startAt },
    tip: { kind: 'text', text: about || '活动明天开始，记得来参加' },
    status: { kind: 'phrase', text: '即将开始' },
  };
}
