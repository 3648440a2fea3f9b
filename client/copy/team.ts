/** The words of 组队挑战赛: the home line, statuses, contributions, the reward. No reward is ever tied to sharing. */
import type { TeamMetric } from '@shared/content/ids';
import type { ChallengeView, TeamProgress } from '@shared/contracts/team';
import type { TeamFailure, TeamStatus } from '@shared/domain/teamChallenge';
import { formatDay, formatNumber } from '@/utils/format';

/** What the team needs now, in one line: "你的队伍还差 6 次签到", "还差 1 人开赛 · 3 天后开赛"… */
export function teamLineText(team: TeamProgress): string {
  switch (team.status) {
    case 'active':
      return `你的队伍${team.remainingText}`;
    case 'forming': {
      const short = team.minMembers - team.members;
      if (team.daysToStart === 0) return `还差 ${short} 人，人齐即开始计数`;
      return short > 0 ? `还差 ${short} 人开赛 · ${team.daysToStart} 天后开赛` : `队伍已就绪 · ${team.daysToStart} 天后开赛`;
    }
    case 'completed':
      return '挑战完成，奖励已发到每位队员';
    case 'failed':
      return team.failure === 'TOO_FEW' ? '人数不足，这支队伍未能开赛' : '挑战已结束，差一点就完成了';
  }
}

export function teamStatusLabel(status: TeamStatus, failure: TeamFailure | null): string {
  if (status === 'failed') return failure === 'TOO_FEW' ? '未开赛' : '未完成';
  return { forming: '组队中', active: '进行中', completed: '已完成' }[status];
}

const TONES = { forming: 'accent', active: 'primary', completed: 'success', failed: 'neutral' } as const;

export function teamStatusTone(status: TeamStatus): (typeof TONES)[TeamStatus] {
  return TONES[status];
}

const CONTRIBUTION: Record<TeamMetric, (n: number) => string> = {
  checkins: (n) => `签到 ${n} 次`,
  checkinDays: (n) => `签到 ${n} 天`,
  redemptions: (n) => `兑换 ${n} 次`,
  purchases: (n) => `消费 ${n} 次`,
};

/** What one member's own activity added: "签到 3 次". */
export function contributionText(metric: TeamMetric, n: number): string {
  return CONTRIBUTION[metric](n);
}

/** The goal in words: "队员累计签到 60 次", "全队一起签到 14 天". */
export function goalText(goal: ChallengeView['goal']): string {
  const n = formatNumber(goal.target);
  return {
    checkins: `队员累计签到 ${n} 次`,
    checkinDays: `全队每人都签到的日子累计 ${n} 天`,
    redemptions: `队员累计兑换福利 ${n} 次`,
    purchases: `队员累计消费 ${n} 次`,
  }[goal.metric];
}

/** What each member wins: "80 积分 + 50 成长值 + 「全员到齐」徽章". */
export function teamRewardText(reward: { points: number; growth: number; badge: { name: string } | null }): string {
  const parts: string[] = [];
  if (reward.points) parts.push(`${formatNumber(reward.points)} 积分`);
  if (reward.growth) parts.push(`${formatNumber(reward.growth)} 成长值`);
  if (reward.badge) parts.push(`「${reward.badge.name}」徽章`);
  return parts.join(' + ');
}

/** "11月23日–2月28日" (the end day inclusive: endAt is the midnight after it). */
export function challengeDatesText(challenge: Pick<ChallengeView, 'startAt' | 'endAt'>): string {
  return `${formatDay(challenge.startAt)}–${formatDay(Date.parse(challenge.endAt) - 1)}`;
}

/** The dates and where they stand (the status tag says the rest): "12月21日–1月31日 · 3 天后开赛", "… · 还剩 12 天". */
export function challengePhaseText(challenge: Pick<ChallengeView, 'phase' | 'startAt' | 'endAt' | 'daysLeft' | 'daysToStart'>): string {
  const dates = challengeDatesText(challenge);
  switch (challenge.phase) {
    case 'upcoming':
      return `${dates} · 即将开放组队`;
    case 'open':
      return `${dates} · ${challenge.daysToStart} 天后开赛`;
    case 'running':
      return `${dates} · 还剩 ${challenge.daysLeft} 天`;
    case 'ended':
      return `${dates} · 已结束`;
  }
}

/** The fair-play line every team page shows (WeChat: no reward for sharing). */
export const FAIR_PLAY = '队伍的进度只来自队员自己的签到和兑换；邀请、分享本身没有任何奖励。';
