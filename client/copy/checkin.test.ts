import { boostRewardText, bonusText, nextBonusText, rewardText, streakText } from './checkin';

it('rewards and streaks in words', () => {
  expect(rewardText({ points: 40, growth: 30 })).toBe('+40 积分 · +30 成长值');
  expect(bonusText({ points: 40, growth: 30, bonus: { points: 30, growth: 20, milestones: [7] }, boost: null })).toBe(
    '含连续 7 天奖励 +30 积分',
  );
  expect(bonusText({ points: 10, growth: 10, bonus: null, boost: null })).toBe('');
  expect(streakText({ current: 3, best: 5, lastDate: '2026-11-23' })).toBe('已连续签到 3 天');
  expect(streakText({ current: 0, best: 5, lastDate: '2026-11-20' })).toBe('连续签到中断了，今天重新开始');
  expect(streakText({ current: 0, best: 0, lastDate: null })).toBe('今天开始你的第一次签到');
});

it('the next streak bonus', () => {
  const next = { days: 7, daysLeft: 4, points: 30, growth: 20 };
  expect(nextBonusText(next, true)).toBe('再签 4 天，连续 7 天额外得 30 积分');
  expect(nextBonusText({ ...next, daysLeft: 1 }, true)).toBe('明天签到，连续 7 天额外得 30 积分');
  expect(nextBonusText({ ...next, daysLeft: 1 }, false)).toBe('今天签到，连续 7 天额外得 30 积分');
  expect(nextBonusText(null, false)).toBe('');
});

it('what a campaign boost added to a check-in', () => {
  const boost = { campaignId: 'thanks', title: '会员感恩季', pointsMultiplier: 2, growthMultiplier: 1.5, points: 10, growth: 5 };
  expect(boostRewardText({ points: 20, growth: 15, bonus: null, boost })).toBe('含「会员感恩季」加成 +10 积分 · +5 成长值');
  expect(boostRewardText({ points: 10, growth: 10, bonus: null, boost: null })).toBe('');
});
