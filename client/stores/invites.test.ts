import { homeData } from '@/testing/fixtures';

jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@/services/invite', () => ({ inviteService: { bind: jest.fn(), card: jest.fn(), mine: jest.fn() } }));

import { resetTaro } from '@/testing/taro';
import { inviteService } from '@/services/invite';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useInvitesStore } from './invites';
import { useMemberStore } from './member';

const bind = inviteService.bind as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
  resetTaro();
  useMemberStore.setState({ status: 'ready', home: homeData() });
});

it('binds a new member once and welcomes them', async () => {
  bind.mockResolvedValue({ bound: true, inviterNickname: '小林' });
  await useInvitesStore.getState().bindArrival('K7QM2XRT');
  await useInvitesStore.getState().bindArrival('K7QM2XRT');
  expect(bind).toHaveBeenCalledTimes(1);
  expect(useInvitesStore.getState().welcome).toEqual({ inviterNickname: '小林' });
});

it('does not ask for a member who already checked in', async () => {
  useMemberStore.setState({ home: homeData({ checkinDays: 3 }) });
  await useInvitesStore.getState().bindArrival('K7QM2XRT');
  expect(bind).not.toHaveBeenCalled();
});

it('stays quiet when the server refuses (own code, not new…)', async () => {
  bind.mockRejectedValue(new CloudCallError('SELF_INVITE', '不能邀请自己哦'));
  await useInvitesStore.getState().bindArrival('K7QM2XRT');
  expect(useInvitesStore.getState().welcome).toBeNull();
});
