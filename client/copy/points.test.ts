import { debtText, expiringText, expiryRuleText, pendingText, purchaseRuleText } from './points';

const outlook = {
  pending: 0,
  pendingReleaseOn: null,
  debt: 0,
  expiring: null,
  expiryMonths: 12,
  purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
};

describe('points the balance does not show', () => {
  it('says how many purchase points are pending and from when they can be used', () => {
    expect(pendingText(outlook)).toBe('');
    expect(pendingText({ ...outlook, pending: 1286, pendingReleaseOn: '2026-12-07' })).toBe('1,286 积分待到账 · 12月7日起可用');
  });

  it('warns of points about to expire with their last day', () => {
    expect(expiringText(outlook)).toBe('');
    expect(expiringText({ ...outlook, expiring: { points: 118, lastDay: '2026-11-30' } })).toBe('118 积分将于 11月30日过期');
  });

  it('explains a refund debt', () => {
    expect(debtText(outlook)).toBe('');
    expect(debtText({ ...outlook, debt: 300 })).toBe('退款待抵扣 300 积分，将从之后获得的积分中扣除');
  });

  it('explains expiry in one sentence, or says points never expire', () => {
    expect(expiryRuleText(12)).toBe(
      '每笔积分在获得当月之后第 12 个月的月底过期（例如 2026年1月获得的积分，2027年1月31日 24 点后过期），使用时先扣最早获得的积分，即将过期的积分提前 30 天在首页提醒。',
    );
    expect(expiryRuleText(3)).toContain('2026年4月30日 24 点后过期');
    expect(expiryRuleText(null)).toBe('积分长期有效，不会过期。');
  });

  it('explains how purchases earn, with the hold', () => {
    expect(purchaseRuleText(outlook.purchase)).toMatch(
      /实付每 1 元得 1 积分、1 成长值；成长值即时计入，积分在付款当天之后第 7 天结束时到账/,
    );
    expect(purchaseRuleText({ pointsPerYuan: 0.5, growthPerYuan: 0, holdDays: 0 })).toMatch(/实付每 1 元得 0.5 积分；积分即时到账/);
    expect(purchaseRuleText({ pointsPerYuan: 0, growthPerYuan: 0, holdDays: 7 })).toBe('门店与商城消费暂不累计积分。');
  });
});
