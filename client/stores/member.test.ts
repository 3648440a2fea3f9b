import { homeData } from '@/testing/fixtures';

jest.mock('@/services/member', () => ({ memberService: { home: jest.fn() } }));

import { memberService } from '@/services/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useMemberStore } from './member';

const home = memberService.home as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
});

it('draws home from one call', async () => {
  home.mockResolvedValue(homeData({ points: 30 }));
  const loading = useMemberStore.getState().load();
  expect(useMemberStore.getState().status).toBe('loading');
  await loading;
  expect(home).toHaveBeenCalledTimes(1);
  expect(useMemberStore.getState().status).toBe('ready');
  expect(useMemberStore.getState().home!.member.points).toBe(30);
});

it('shows the envelope message when home fails, and a retry works', async () => {
  home.mockRejectedValueOnce(new CloudCallError('UNAUTHENTICATED', '无法识别你的身份，请重新进入小程序')).mockResolvedValueOnce(homeData());
  await useMemberStore.getState().load();
  expect(useMemberStore.getState().status).toBe('error');
  expect(useMemberStore.getState().error?.message).toBe('无法识别你的身份，请重新进入小程序');
  await useMemberStore.getState().load();
  expect(useMemberStore.getState().status).toBe('ready');
});

it('a quiet refresh keeps the card on screen, even when it fails', async () => {
  useMemberStore.setState({ status: 'ready', home: homeData({ points: 5 }) });
  home.mockRejectedValue(new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试'));
  await useMemberStore.getState().load({ quiet: true });
  expect(useMemberStore.getState().status).toBe('ready');
  expect(useMemberStore.getState().home!.member.points).toBe(5);
});

it('an older answer never overwrites a newer one', async () => {
  let first!: (v: unknown) => void;
  home.mockReturnValueOnce(new Promise((r) => (first = r))).mockResolvedValueOnce(homeData({ points: 99 }));
  const a = useMemberStore.getState().load();
  await useMemberStore.getState().load();
  first(homeData({ points: 1 }));
  await a;
  expect(useMemberStore.getState().home!.member.points).toBe(99);
});
