import type { TeamProgress } from '@shared/contracts/team';
import { teamLine } from '@/testing/fixtures';
import {
  challengeDatesText,
  challengePhaseText,
  contributionText,
  FAIR_PLAY,
  goalText,
  teamLineText,
  teamRewardText,
  teamStatusLabel,
} from './team';

/** The weapp smoke test's team: 54 of 60 check-ins, 12 days left. */
const line = (over: Partial<TeamProgress>): TeamProgress =>
  teamLine({ progress: 54, remainingText: '还差 6 次签到', daysLeft: 12, ...over });

describe('team copy', () => {
  it('says in one line what the team needs now', () => {
    expect(teamLineText(line({}))).toBe('你的队伍还差 6 次签到');
    expect(teamLineText(line({ status: 'forming', members: 1, minMembers: 3, daysToStart: 4 }))).toBe('还差 2 人开赛 · 4 天后开赛');
    expect(teamLineText(line({ status: 'forming', members: 3, minMembers: 3, daysToStart: 1 }))).toBe('队伍已就绪 · 1 天后开赛');
    // Started, still within the grace for joining.
    expect(teamLineText(line({ status: 'forming', members: 1, minMembers: 2, daysToStart: 0 }))).toBe('还差 1 人，人齐即开始计数');
    expect(teamLineText(line({ status: 'completed' }))).toBe('挑战完成，奖励已发到每位队员');
    expect(teamLineText(line({ status: 'failed', failure: 'TOO_FEW' }))).toBe('人数不足，这支队伍未能开赛');
    expect(teamStatusLabel('failed', 'TIME_UP')).toBe('未完成');
    expect(teamStatusLabel('forming', null)).toBe('组队中');
  });

  it('names goals, contributions and rewards in the goal’s unit', () => {
    expect(goalText({ metric: 'checkinDays', target: 14, metricName: '全员签到天数' })).toBe('全队每人都签到的日子累计 14 天');
    expect(contributionText('redemptions', 2)).toBe('兑换 2 次');
    expect(teamRewardText({ points: 150, growth: 100, badge: { name: '全员到齐' } })).toBe('150 积分 + 100 成长值 + 「全员到齐」徽章');
    expect(teamRewardText({ points: 60, growth: 0, badge: null })).toBe('60 积分');
  });

  it('shows the inclusive end day and the phase', () => {
    const dates = { startAt: '2026-11-22T16:00:00.000Z', endAt: '2027-02-28T16:00:00.000Z' };
    expect(challengeDatesText(dates)).toBe('11月23日–2月28日');
    expect(challengePhaseText({ ...dates, phase: 'running', daysLeft: 12, daysToStart: 0 })).toBe('11月23日–2月28日 · 还剩 12 天');
    expect(challengePhaseText({ ...dates, phase: 'open', daysLeft: 40, daysToStart: 3 })).toBe('11月23日–2月28日 · 3 天后开赛');
  });

  it('never ties a reward to sharing', () => {
    expect(FAIR_PLAY).toContain('分享本身没有任何奖励');
    expect(teamLineText(line({}))).not.toMatch(/分享|邀请.*得/);
  });
});
