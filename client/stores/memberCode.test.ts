jest.mock('@/services/member', () => ({ memberService: { code: jest.fn() } }));

import { memberService } from '@/services/member';
import { MEMBER_CODE_REFRESH_MS, useMemberCodeStore } from './memberCode';

const code = memberService.code as jest.Mock;
const answer = (n: number) => ({
  code: String(100000000000000000 + n),
  expiresAt: '2026-11-23T02:01:00.000Z',
  refreshAt: '2026-11-23T02:00:30.000Z',
});

beforeEach(() => {
  jest.useFakeTimers();
  code.mockReset();
  let n = 0;
  code.mockImplementation(() => Promise.resolve(answer(++n)));
});

afterEach(() => {
  useMemberCodeStore.getState().unwatch();
  jest.useRealTimers();
});

it('asks for a code when watched and a fresh one every 30 s, keeping the last on screen meanwhile', async () => {
  useMemberCodeStore.getState().watch();
  await Promise.resolve();
  await Promise.resolve();
  expect(useMemberCodeStore.getState()).toMatchObject({ status: 'ready', code: answer(1) });
  jest.advanceTimersByTime(MEMBER_CODE_REFRESH_MS - 1);
  expect(code).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(1);
  expect(code).toHaveBeenCalledTimes(2);
  expect(useMemberCodeStore.getState().code).toEqual(answer(1));
  await Promise.resolve();
  await Promise.resolve();
  expect(useMemberCodeStore.getState().code).toEqual(answer(2));
});

it('stops asking once the page is left', async () => {
  useMemberCodeStore.getState().watch();
  useMemberCodeStore.getState().unwatch();
  jest.advanceTimersByTime(5 * MEMBER_CODE_REFRESH_MS);
  expect(code).toHaveBeenCalledTimes(1);
});
