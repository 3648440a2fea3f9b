import { pack } from '@/testing/fixtures';
import { limitText, packAvailability, requiresText, stockText } from './packEligibility';

const NOW = Date.parse('2026-11-23T02:00:00.000Z'); // Monday 10:00 in Shanghai

describe('why a pack cannot be redeemed, in words', () => {
  it('redeemable', () => {
    expect(packAvailability(pack(), NOW)).toEqual({ action: '立即兑换', reason: '', redeemable: true });
  });

  it('tier too low names the tier', () => {
    const a = packAvailability(
      pack({
        minTier: 'advanced',
        minTierName: '进阶层',
        eligibility: { eligible: false, reason: 'TIER_TOO_LOW', detail: { requiredTier: 'advanced' } },
      }),
      NOW,
    );
    expect(a.action).toBe('进阶层专享');
    expect(a.reason).toContain('达到进阶层即可兑换');
  });

  it('a pack for what a member did names the node, the badge or the birthday month', () => {
    const mentor = pack({
      requires: { node: { id: 'learning_3', title: '导师计划', branchName: '学习' }, badge: null, birthdayMonth: false },
      eligibility: { eligible: false, reason: 'NODE_REQUIRED', detail: { nodeId: 'learning_3' } },
    });
    expect(packAvailability(mentor, NOW)).toEqual({ action: '点亮节点后可兑', reason: '点亮「导师计划」节点后可兑换', redeemable: false });
    const badged = pack({
      requires: { node: null, badge: { id: 'streak_7', name: '七日坚持', icon: '🔥' }, birthdayMonth: false },
      eligibility: { eligible: false, reason: 'BADGE_REQUIRED', detail: { badgeId: 'streak_7' } },
    });
    expect(packAvailability(badged, NOW).reason).toBe('获得「七日坚持」徽章后可兑换');
    const birthday = (birthdaySet: boolean) =>
      packAvailability(pack({ eligibility: { eligible: false, reason: 'NOT_BIRTHDAY_MONTH', detail: { birthdaySet } } }), NOW);
    expect(birthday(false)).toMatchObject({ action: '生日月专享', reason: '在「我的资料」填写生日后，生日当月可兑换' });
    expect(birthday(true).reason).toBe('生日当月可兑换，到时记得来领');
    expect([mentor, badged, pack()].map(requiresText)).toEqual(['成长树解锁', '徽章专享', '']);
  });

  it('not enough points says how many more', () => {
    const a = packAvailability(
      pack({ eligibility: { eligible: false, reason: 'INSUFFICIENT_POINTS', detail: { missingPoints: 1200 } } }),
      NOW,
    );
    expect(a.action).toBe('还差 1,200 积分');
  });

  it('not open now says when it opens, relative to today', () => {
    const lunch = pack({
      scheduleText: '工作日 11:30–13:30',
      eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: '2026-11-23T03:30:00.000Z' } },
    });
    expect(packAvailability(lunch, NOW).action).toBe('今天 11:30 开放');
    expect(packAvailability(lunch, NOW).reason).toBe('开放时间：工作日 11:30–13:30。下次开放：今天 11:30');
    const weekend = pack({
      eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: '2026-11-27T16:00:00.000Z' } },
    });
    expect(packAvailability(weekend, NOW).action).toBe('周六 00:00 开放');
    const holiday = pack({
      eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: '2026-12-24T16:00:00.000Z' } },
    });
    expect(packAvailability(holiday, NOW).action).toBe('12月25日 00:00 开放');
  });

  it('over and off the shelf', () => {
    expect(
      packAvailability(
        pack({
          eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: null, endedAt: '2027-01-03T16:00:00.000Z' } },
        }),
        NOW,
      ).action,
    ).toBe('活动已结束');
    expect(
      packAvailability(pack({ eligibility: { eligible: false, reason: 'NOT_AVAILABLE_NOW', detail: { opensAt: null } } }), NOW).action,
    ).toBe('暂未开放');
  });

  it('limit reached says when the next period starts', () => {
    const monthly = pack({
      eligibility: {
        eligible: false,
        reason: 'LIMIT_REACHED',
        detail: { limit: 1, period: 'month', resetsAt: '2026-11-30T16:00:00.000Z' },
      },
    });
    expect(packAvailability(monthly, NOW)).toMatchObject({ action: '本月已兑', reason: '本月已兑换 1 次，12月1日起可再兑换' });
    const once = pack({
      limitPeriod: 'campaign',
      eligibility: { eligible: false, reason: 'LIMIT_REACHED', detail: { limit: 1, period: 'campaign', resetsAt: null } },
    });
    expect(packAvailability(once, NOW)).toMatchObject({ action: '已兑换', reason: '每人限兑 1 次，你已经兑换过了' });
  });

  it('out of stock', () => {
    expect(packAvailability(pack({ stockLeft: 0, eligibility: { eligible: false, reason: 'OUT_OF_STOCK', detail: {} } }), NOW).action).toBe(
      '已兑完',
    );
  });
});

it('limits and stock', () => {
  expect(limitText(pack({ perMemberLimit: 2, limitPeriod: 'week' }))).toBe('每周限兑 2 次');
  expect(stockText(null)).toBe('不限量');
  expect(stockText(12)).toBe('剩余 12 份');
  expect(stockText(0)).toBe('已兑完');
});
