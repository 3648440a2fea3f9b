import type { ReminderPurpose } from '@shared/content/ids';

/**
 * What the member reads about reminders: each says exactly when the one message would come (and
 * that it may not, when there is nothing to remind of), never more.
 */
const GRANTED: Record<ReminderPurpose, string> = {
  checkinReminder: '好的，明天 20:00 你还没签到的话，会用微信服务通知提醒你一次',
  voucherExpiry: '好的，券到期前 3 天内会提醒你一次',
  pointsExpiry: '积分 30 天内将过期时会提醒你一次',
  tierWarning: '等级 14 天内将调整时会提醒你一次',
  inviteActivated: '好的，下一位好友激活时会告诉你',
  campaignStart: '好的，活动开始前一天会提醒你',
};

/** After 允许: what will come, for the purposes granted (the first is the prompt's own). */
export function grantedText(granted: readonly ReminderPurpose[]): string {
  return granted.map((p) => GRANTED[p]).join('；');
}

export const DECLINED_TEXT = '未开启提醒，需要时可以再点一次';

/** The profile page's line for a purpose: how many messages the member still allows. */
export function creditText(credits: number): string {
  return credits > 0 ? `还可提醒 ${credits} 次` : '未开启';
}
