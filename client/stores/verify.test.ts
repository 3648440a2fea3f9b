jest.mock('@/services/redeem', () => ({ redeemService: { verify: jest.fn(), peek: jest.fn() } }));

import { redeemService } from '@/services/redeem';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useVerifyStore } from './verify';

const verify = redeemService.verify as jest.Mock;
const peek = redeemService.peek as jest.Mock;
const PREVIEW = {
  code: 'K7QM2XRT9PAB',
  packId: 'p',
  packTitle: '健康福利包',
  memberNickname: '小林',
  status: 'issued',
  expiresAt: '2026-12-23T15:59:59.999Z',
  usedAt: null,
};

beforeEach(() => {
  jest.resetAllMocks();
  peek.mockResolvedValue(PREVIEW);
});

it('looks the proposed code up so staff see the pack and member before confirming', async () => {
  useVerifyStore.getState().propose('k7qm-2xrt-9pab');
  expect(peek).toHaveBeenCalledWith('K7QM2XRT9PAB');
  await Promise.resolve();
  expect(useVerifyStore.getState().preview).toEqual(PREVIEW);
  expect(verify).not.toHaveBeenCalled();
});

it('drops a lookup answer for a code that was replaced meanwhile', async () => {
  let answerFirst: (v: unknown) => void = () => undefined;
  const second = { ...PREVIEW, code: '23456789ABCD', packTitle: '积分兑换优惠' };
  peek.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve))).mockResolvedValueOnce(second);
  useVerifyStore.getState().propose('K7QM2XRT9PAB');
  useVerifyStore.getState().propose('2345-6789-ABCD');
  await Promise.resolve();
  answerFirst(PREVIEW);
  await Promise.resolve();
  await Promise.resolve();
  expect(useVerifyStore.getState().pendingCode).toBe('23456789ABCD');
  expect(useVerifyStore.getState().preview).toEqual(second);
});

it('shows why a lookup failed', async () => {
  peek.mockRejectedValue(new CloudCallError('NOT_FOUND', '没有找到这张券，请核对券码'));
  useVerifyStore.getState().propose('K7QM2XRT9PAB');
  await Promise.resolve();
  await Promise.resolve();
  expect(useVerifyStore.getState().previewError).toMatchObject({ code: 'NOT_FOUND' });
});

it('accepts a typed code with dashes and lower case, and refuses junk', () => {
  expect(useVerifyStore.getState().propose(' k7qm-2xrt-9pab ')).toBe(true);
  expect(useVerifyStore.getState().pendingCode).toBe('K7QM2XRT9PAB');
  expect(useVerifyStore.getState().propose('hello')).toBe(false);
});

it('verifies once after the staff member confirms', async () => {
  verify.mockResolvedValue({
    code: 'K7QM2XRT9PAB',
    packId: 'p',
    packTitle: '健康福利包',
    usedAt: '2026-11-23T03:00:00.000Z',
    memberNickname: '小林',
  });
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
