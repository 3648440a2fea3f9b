import type { CampaignView } from '@shared/contracts/member';
import { boostLine, boostText, campaignBoostsText, liveDatesText, phaseLine, purchaseBoostText } from './campaign';

const campaign = (over: Partial<CampaignView> = {}): CampaignView => ({
  id: 'thanks',
  title: '会员感恩季',
  description: '',
  phase: 'live',
  preheatAt: '2026-11-15T16:00:00.000Z',
  startAt: '2026-11-22T16:00:00.000Z',
  endAt: '2026-12-20T16:00:00.000Z',
  recapUntil: '2027-01-10T16:00:00.000Z',
  daysToStart: 0,
  daysLeft: 13,
  boost: { pointsMultiplier: 2, growthMultiplier: 1.5 },
  purchaseBoost: null,
  packs: [],
  badge: null,
  joined: false,
  ...over,
});

it('says each phase in a line', () => {
  expect(phaseLine(campaign({ phase: 'preheat', daysToStart: 3 }))).toBe('3 天后开始 · 11月23日');
  expect(phaseLine(campaign({ phase: 'preheat', daysToStart: 0 }))).toBe('今天 11月23日 开始');
  expect(phaseLine(campaign())).toBe('还剩 13 天');
  expect(phaseLine(campaign({ daysLeft: 1 }))).toBe('今天是最后一天');
  expect(phaseLine(campaign({ phase: 'recap' }))).toBe('已结束 · 11月23日–12月20日');
  expect(liveDatesText(campaign())).toBe('11月23日–12月20日');
});

it('says the boost, leaving out a side that is not boosted', () => {
  expect(boostText({ pointsMultiplier: 2, growthMultiplier: 1.5 })).toBe('签到积分 2 倍 · 成长值 1.5 倍');
  expect(boostText({ pointsMultiplier: 1, growthMultiplier: 1.5 })).toBe('签到成长值 1.5 倍');
  expect(boostText(null)).toBe('');
  expect(purchaseBoostText({ pointsMultiplier: 1.5 })).toBe('消费积分 1.5 倍');
  expect(campaignBoostsText(campaign({ purchaseBoost: { pointsMultiplier: 2 } }))).toBe('签到积分 2 倍 · 成长值 1.5 倍；消费积分 2 倍');
  expect(campaignBoostsText(campaign({ boost: null, purchaseBoost: { pointsMultiplier: 2 } }))).toBe('消费积分 2 倍');
  expect(campaignBoostsText(campaign({ boost: null }))).toBe('');
  expect(boostLine({ title: '会员感恩季', pointsMultiplier: 2, growthMultiplier: 1 })).toBe('会员感恩季 · 积分 ×2');
});
