/** The words around check-in: rewards, streaks, the next streak bonus. */
import type { HomeData } from '@shared/contracts/member';
import type { CheckinReward } from '@shared/domain/checkinReward';
import type { Streak } from '@shared/domain/member';
import { formatNumber } from '@/utils/format';

/** `+10 积分 · +10 成长值`. */
export function rewardText(reward: { points: number; growth: number }): string {
  const parts: string[] = [];
  if (reward.points) parts.push(`+${formatNumber(reward.points)} 积分`);
  if (reward.growth) parts.push(`+${formatNumber(reward.growth)} 成长值`);
  return parts.join(' · ');
}

/** `含连续 7 天奖励 +30 积分`, '' on an ordinary day. */
export function bonusText(reward: CheckinReward): string {
  if (!reward.bonus) return '';
  const days = reward.bonus.milestones.join('、');
  return `含连续 ${days} 天奖励 +${formatNumber(reward.bonus.points)} 积分`;
}

/** `会员感恩季加成 +10 积分 · +5 成长值`, '' without a boost. */
export function boostRewardText(reward: CheckinReward): string {
  if (!reward.boost) return '';
  const extra = rewardText(reward.boost);
  return extra ? `含「${reward.boost.title}」加成 ${extra}` : '';
}

/** `再签 4 天，额外得 30 积分` / `明天签到，额外得 30 积分`. */
export function nextBonusText(next: HomeData['nextStreakBonus'], checkedInToday: boolean): string {
  if (!next || next.points <= 0) return '';
  const bonus = `连续 ${next.days} 天额外得 ${formatNumber(next.points)} 积分`;
  if (next.daysLeft <= 1) return checkedInToday ? `明天签到，${bonus}` : `今天签到，${bonus}`;
  return `再签 ${next.daysLeft} 天，${bonus}`;
}

/** `已连续签到 3 天` / `今天开始你的第一次签到` / `连续签到中断了，今天重新开始`. */
export function streakText(streak: Streak): string {
  if (streak.current > 0) return `已连续签到 ${streak.current} 天`;
  if (streak.lastDate) return '连续签到中断了，今天重新开始';
  return '今天开始你的第一次签到';
}
