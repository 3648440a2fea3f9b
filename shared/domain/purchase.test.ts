import { campaignSchema } from '../content/campaigns';
import { DEFAULT_SETTINGS } from '../content/settings';
import { purchaseReward } from './purchase';
import { purchaseBoostAt } from './purchaseBoosts';

const rule = { ...DEFAULT_SETTINGS.purchase };

describe('purchase rewards', () => {
  it('earn points and growth per yuan paid, rounded once per order', () => {
    expect(purchaseReward(12_850, rule)).toEqual({ points: 128, growth: 128, multiplier: 1 });
    expect(purchaseReward(12_850, { ...rule, rounding: 'round' })).toMatchObject({ points: 129, growth: 129 });
    expect(purchaseReward(12_801, { ...rule, rounding: 'ceil' })).toMatchObject({ points: 129, growth: 129 });
    expect(purchaseReward(12_800, { ...rule, rounding: 'ceil' })).toMatchObject({ points: 128, growth: 128 });
    expect(purchaseReward(99, rule)).toMatchObject({ points: 0, growth: 0 });
  });

  it('take fractional rates exactly (no floating-point error on a balance)', () => {
    expect(purchaseReward(10_000, { ...rule, pointsPerYuan: 0.5, growthPerYuan: 0.1 })).toMatchObject({ points: 50, growth: 10 });
    // 0.29 × 100 is 28.999… in floating point; hundredths keep it 29.
    expect(purchaseReward(10_000, { ...rule, pointsPerYuan: 0.29, growthPerYuan: 0 })).toMatchObject({ points: 29, growth: 0 });
    expect(purchaseReward(100_000_000, { ...rule, pointsPerYuan: 100, growthPerYuan: 100 })).toMatchObject({
      points: 100_000_000,
      growth: 100_000_000,
    });
  });

  it('multiply the points by the boost that applies (never the growth)', () => {
    expect(purchaseReward(10_050, rule, null)).toEqual({ points: 100, growth: 100, multiplier: 1 });
    expect(purchaseReward(10_050, rule, { multiplier: 2, source: 'anniversary', title: '周年庆' })).toEqual({
      points: 201,
      growth: 100,
      multiplier: 2,
    });
    expect(purchaseReward(10_050, rule, { multiplier: 1.5, source: 'spring', title: '春日' })).toMatchObject({
      points: 150,
      growth: 100,
    });
  });

  it('come from a live campaign’s boosts.purchase: the highest of overlapping ones, none outside the live phase or for check-ins only', () => {
    const campaign = (id: string, boosts: Record<string, unknown>, startAt = '2031-05-10') =>
      campaignSchema.parse({ _id: id, title: id, preheatAt: '2031-05-01', startAt, endAt: '2031-05-20', recapUntil: '2031-05-31', boosts });
    const campaigns = [
      campaign('checkin_only', { checkin: { pointsMultiplier: 3, growthMultiplier: 1 } }),
      campaign('spring', { purchase: { pointsMultiplier: 1.5 } }),
      campaign('anniversary', { purchase: { pointsMultiplier: 2 } }, '2031-05-15'),
    ];
    const at = (wall: string) => `${wall}+08:00`;
    expect(purchaseBoostAt({ campaigns }, at('2031-05-09T23:59:59'))).toBeNull();
    expect(purchaseBoostAt({ campaigns }, at('2031-05-10T00:00:00'))).toEqual({ multiplier: 1.5, source: 'spring', title: 'spring' });
    // Both live: the highest applies (boosts never stack).
    expect(purchaseBoostAt({ campaigns }, at('2031-05-15T12:00:00'))).toEqual({
      multiplier: 2,
      source: 'anniversary',
      title: 'anniversary',
    });
    expect(purchaseBoostAt({ campaigns }, at('2031-05-21T00:00:00'))).toBeNull();
    // Growth is never boosted on a purchase: the schema refuses a growth multiplier there.
    expect(campaignSchema.safeParse({ ...campaigns[1], boosts: { purchase: { pointsMultiplier: 2, growthMultiplier: 2 } } }).success).toBe(
      false,
    );
  });
});
