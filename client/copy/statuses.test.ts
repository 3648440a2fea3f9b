import type { InviteeView } from '@shared/contracts/invite';
import { inviteeLine } from './statuses';

function invitee(overrides: Partial<InviteeView>): InviteeView {
  return {
    nickname: '小周',
    avatarUrl: '',
    boundAt: '2026-11-23T02:00:00.000Z',
    status: 'bound',
    expired: false,
    progress: { checkinDays: 1, needed: 3, deadline: '2026-11-29' },
    reward: null,
    rewardSkippedReason: null,
    ...overrides,
  };
}

it('a friend on the way shows the progress and the deadline', () => {
  expect(inviteeLine(invitee({}))).toEqual({ status: '待激活', tone: 'warning', detail: '已签到 1/3 天 · 11月29日前完成即激活' });
});

it('an expired invite says it did not activate', () => {
  expect(inviteeLine(invitee({ expired: true })).status).toBe('未激活');
});

it('an activated friend shows the reward, or why there was none', () => {
  expect(inviteeLine(invitee({ status: 'rewarded', reward: { points: 50, growth: 30 } })).detail).toBe('奖励 +50 积分 +30 成长值');
  expect(inviteeLine(invitee({ status: 'activated', rewardSkippedReason: 'DAILY_CAP' })).detail).toBe(
    '当天邀请奖励已达上限，本次未发放奖励',
  );
});
