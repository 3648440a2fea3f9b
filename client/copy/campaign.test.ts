import { campaignView } from '@/testing/fixtures';
import { boostLine, boostText, campaignBoostsText, liveDatesText, phaseLine, purchaseBoostText } from './campaign';

it('says each phase in a line', () => {
  expect(phaseLine(campaignView({ phase: 'preheat', daysToStart: 3 }))).toBe('3 天后开始 · 11月23日');
  expect(phaseLine(campaignView({ phase: 'preheat', daysToStart: 0 }))).toBe('今天 11月23日 开始');
  expect(phaseLine(campaignView())).toBe('还剩 13 天');
  expect(phaseLine(campaignView({ daysLeft: 1 }))).toBe('今天是最后一天');
  expect(phaseLine(campaignView({ phase: 'recap' }))).toBe('已结束 · 11月23日–12月20日');
  expect(liveDatesText(campaignView())).toBe('11月23日–12月20日');
});

it('says the boost, leaving out a side that is not boosted', () => {
  expect(boostText({ pointsMultiplier: 2, growthMultiplier: 1.5 })).toBe('签到积分 2 倍 · 成长值 1.5 倍');
  expect(boostText({ pointsMultiplier: 1, growthMultiplier: 1.5 })).toBe('签到成长值 1.5 倍');
  expect(boostText(null)).toBe('');
  expect(purchaseBoostText({ pointsMultiplier: 1.5 })).toBe('消费积分 1.5 倍');
  expect(campaignBoostsText(campaignView({ purchaseBoost: { pointsMultiplier: 2 } }))).toBe('签到积分 2 倍 · 成长值 1.5 倍；消费积分 2 倍');
  expect(campaignBoostsText(campaignView({ boost: null, purchaseBoost: { pointsMultiplier: 2 } }))).toBe('消费积分 2 倍');
  expect(campaignBoostsText(campaignView({ boost: null }))).toBe('');
  expect(boostLine({ title: '会员感恩季', pointsMultiplier: 2, growthMultiplier: 1 })).toBe('会员感恩季 · 积分 ×2');
});
