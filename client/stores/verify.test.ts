jest.mock('@/services/redeem', () => ({ redeemService: { verify: jest.fn() } }));

import { redeemService } from '@/services/redeem';
import { CloudCallError } from '@/services/cloud/callFunction';
import { initialVerifyState, useVerifyStore } from './verify';

const verify = redeemService.verify as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
  useVerifyStore.setState(initialVerifyState);
});

it('accepts a typed code with dashes and lower case, and refuses junk', () => {
  expect(useVerifyStore.getState().propose(' k7qm-2xrt-9pab ')).toBe(true);
  expect(useVerifyStore.getState().pendingCode).toBe('K7QM2XRT9PAB');
  expect(useVerifyStore.getState().propose('hello')).toBe(false);
});

it('verifies once after the staff member confirms', async () => {
  verify.mockResolvedValue({ code: 'K7QM2XRT9PAB', packId: 'p', packTitle: '健康福利包', usedAt: '2026-11-23T03:00:00.000Z', memberNickname: '小林' });
  useVerifyStore.getState().propose('K7QM2XRT9PAB');
  await Promise.all([useVerifyStore.getState().confirm(), useVerifyStore.getState().confirm()]);
  expect(verify).toHaveBeenCalledTimes(1);
  expect(useVerifyStore.getState().result?.memberNickname).toBe('小林');
  expect(useVerifyStore.getState().pendingCode).toBeNull();
});

it('says why a verification failed', async () => {
  verify.mockRejectedValue(new CloudCallError('ALREADY_USED', '这张券已经核销过了', { usedAt: '2026-11-23T03:00:00.000Z' }));
  useVerifyStore.getState().propose('K7QM2XRT9PAB');
  await useVerifyStore.getState().confirm();
  expect(useVerifyStore.getState().error).toMatchObject({ code: 'ALREADY_USED', details: { usedAt: '2026-11-23T03:00:00.000Z' } });
  expect(useVerifyStore.getState().lastCode).toBe('K7QM2XRT9PAB');
});
