import type { TierInfo } from '@shared/contracts/member';
import { entryRewardText, tierStanding } from './tiers';

const tier = (id: TierInfo['id'], threshold: number): TierInfo => ({
  id,
  name: id,
  threshold,
  color: '#000000',
  description: '',
  benefits: [],
  entryReward: null,
});

it('says where the member stands against each tier', () => {
  const member = { tier: 'advanced' as const, windowGrowth: 500 };
  expect(tierStanding(tier('basic', 0), member, 12)).toEqual({ text: '已拥有这一层的全部权益', progress: null });
  expect(tierStanding(tier('advanced', 350), member, 12)).toEqual({ text: '保级：近 12 个月成长值保持在 350 以上', progress: null });
  expect(tierStanding(tier('core', 2000), member, 12)).toEqual({ text: '还差 1,500 成长值', progress: 0.25 });
});

it('says the entry reward', () => {
  expect(entryRewardText({ points: 100, packTitle: '健康福利包' })).toBe('100 积分 + 「健康福利包」券一张');
  expect(entryRewardText({ points: 300, packTitle: null })).toBe('300 积分');
  expect(entryRewardText(null)).toBe('');
});
