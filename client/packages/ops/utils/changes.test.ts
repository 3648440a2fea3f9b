import type { OpsVoucher } from '@shared/contracts/ops';
import { adjustText, birthdayText, cancelText, parseDelta, staffText } from './changes';

const voucher = (over: Partial<OpsVoucher> = {}) =>
  ({ id: 'r1', packTitle: '会员优先购', code: 'K7QM2XRT9PAB', cost: 30, gift: false, ...over }) as OpsVoucher;

describe('what a change will do, in words', () => {
  it('an adjustment: balance before and after, and why', () => {
    expect(adjustText('林小满', { points: 150, growth: 40 }, { points: 50, growth: 0 }, ' 线下沙龙补发 ')).toBe(
      '林小满 的积分 150 → 200（+50），原因：线下沙龙补发',
    );
    expect(adjustText('林小满', { points: 150, growth: 40 }, { points: -30, growth: -10 }, '')).toBe(
      '林小满 的积分 150 → 120（-30），成长值 40 → 30（-10）',
    );
  });

  it('a cancelled voucher: its code and the refund, or no refund for a gift', () => {
    expect(cancelText('林小满', voucher(), 100, '门店无货')).toBe(
      '作废 林小满 的「会员优先购」（券码 K7QM-2XRT-9PAB），退回 30 积分：积分 100 → 130（+30），原因：门店无货',
    );
    expect(cancelText('林小满', voucher({ gift: true, cost: 0 }), 100, '门店无货')).toContain('赠送的券不退积分');
  });

  it('a birthday and a staff change', () => {
    expect(birthdayText('林小满', null, '03-08', '来电')).toBe('林小满 的生日 未设置 → 3月8日，原因：来电');
    expect(staffText('小王', null, { roles: ['verifier'], active: true, storeId: 'sh-01' }, '')).toBe(
      '小王：不是员工 → 核销员（在职，门店 sh-01）',
    );
  });

  it('reads whole numbers as typed, nothing else', () => {
    expect(['50', '+50', '-30', ' 7 ', '1.5', '', 'abc', '12345678'].map(parseDelta)).toEqual([50, 50, -30, 7, null, null, null, null]);
  });
});
