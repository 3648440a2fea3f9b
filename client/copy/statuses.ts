/** Member-facing words for stored statuses. */
import type { InviteeView } from '@shared/contracts/invite';
import type { RedemptionStatus } from '@shared/domain/statuses';
import type { StatusTone } from '@/components/StatusTag';
import { formatDayString, formatNumber } from '@/utils/format';

export const VOUCHER_STATUS: Record<RedemptionStatus, { text: string; tone: StatusTone }> = {
  issued: { text: '未使用', tone: 'success' },
  used: { text: '已使用', tone: 'neutral' },
  expired: { text: '已过期', tone: 'neutral' },
  cancelled: { text: '已取消', tone: 'neutral' },
};

export interface InviteeLine {
  status: string;
  tone: StatusTone;
  /** Progress toward activation, or what the invite brought. */
  detail: string;
}

/** One friend in "我的邀请": where they are, and the reward or why there is none. */
export function inviteeLine(invitee: InviteeView): InviteeLine {
  const { progress, reward } = invitee;
  if (invitee.status === 'bound') {
    if (invitee.expired) {
      return {
        status: '未激活',
        tone: 'neutral',
        detail: `${formatDayString(progress.deadline)}前签到 ${progress.checkinDays}/${progress.needed} 天，未达成激活`,
      };
    }
    return {
      status: '待激活',
      tone: 'warning',
      detail: `已签到 ${progress.checkinDays}/${progress.needed} 天 · ${formatDayString(progress.deadline)}前完成即激活`,
    };
  }
  if (reward) {
    const parts = [
      reward.points ? `+${formatNumber(reward.points)} 积分` : '',
      reward.growth ? `+${formatNumber(reward.growth)} 成长值` : '',
    ].filter(Boolean);
    return { status: invitee.status === 'rewarded' ? '已激活 · 已奖励' : '已激活', tone: 'success', detail: `奖励 ${parts.join(' ')}` };
  }
  if (invitee.rewardSkippedReason === 'DAILY_CAP')
    return { status: '已激活', tone: 'success', detail: '当天邀请奖励已达上限，本次未发放奖励' };
  if (invitee.rewardSkippedReason === 'NO_REWARD_CONFIGURED')
    return { status: '已激活', tone: 'success', detail: '当前活动未设置邀请奖励' };
  return { status: '已激活', tone: 'success', detail: '奖励发放中' };
}
