import { homeData, listData, pack, redeemData } from '@/testing/fixtures';

jest.mock('@/services/redeem', () => ({ redeemService: { list: jest.fn(), redeem: jest.fn() } }));

import { redeemService } from '@/services/redeem';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useBenefitsStore } from './benefits';
import { useMemberStore } from './member';

const list = redeemService.list as jest.Mock;
const redeem = redeemService.redeem as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
  useBenefitsStore.setState({ data: listData(), status: 'ready' });
  useMemberStore.setState({ home: homeData({ points: 200 }), status: 'ready' });
  list.mockResolvedValue(listData([pack()], 120));
});

describe('redeem', () => {
  it('a double tap on confirm redeems once', async () => {
    redeem.mockResolvedValue(redeemData(120));
    useBenefitsStore.getState().openConfirm('basic_health_pack');
    const [a, b] = await Promise.all([useBenefitsStore.getState().confirm(), useBenefitsStore.getState().confirm()]);
    expect(redeem).toHaveBeenCalledTimes(1);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(useBenefitsStore.getState().result?.voucher.code).toBe('K7QM2XRT9PAB');
    expect(useBenefitsStore.getState().confirmingId).toBeNull();
    expect(useMemberStore.getState().home!.member.points).toBe(120);
    expect(useBenefitsStore.getState().data!.points).toBe(120);
  });

  it('sends a fresh, well-formed requestId for each confirm', async () => {
    redeem.mockResolvedValue(redeemData());
    for (let i = 0; i < 2; i++) {
      useBenefitsStore.getState().openConfirm('basic_health_pack');
      await useBenefitsStore.getState().confirm();
    }
    const [first, second] = redeem.mock.calls.map((c) => c[1] as string);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(first).not.toBe(second);
  });

  it('retries a network failure with the same requestId (the server charges once)', async () => {
    redeem.mockRejectedValueOnce(new CloudCallError('NETWORK', '网络不太顺畅，请检查网络后重试')).mockResolvedValueOnce(redeemData());
    useBenefitsStore.getState().openConfirm('basic_health_pack');
    await useBenefitsStore.getState().confirm();
    expect(useBenefitsStore.getState().redeemError?.code).toBe('NETWORK');
    await useBenefitsStore.getState().confirm();
    expect(redeem.mock.calls[0][1]).toBe(redeem.mock.calls[1][1]);
    expect(useBenefitsStore.getState().result).not.toBeNull();
  });

  it('shows a refusal in words and forgets its requestId', async () => {
    redeem.mockRejectedValue(new CloudCallError('OUT_OF_STOCK', '这份福利已经被领完了'));
    useBenefitsStore.getState().openConfirm('basic_health_pack');
    await useBenefitsStore.getState().confirm();
    expect(useBenefitsStore.getState().redeemError?.message).toBe('这份福利已经被领完了');
    expect(useBenefitsStore.getState().pending).toBeNull();
    expect(list).toHaveBeenCalled();
  });

  it('does nothing without a pack in the confirm sheet', async () => {
    expect(await useBenefitsStore.getState().confirm()).toBeNull();
    expect(redeem).not.toHaveBeenCalled();
  });
});

describe('list', () => {
  it('keeps the packs shown when a refresh fails', async () => {
    list.mockRejectedValue(new CloudCallError('INTERNAL', '服务开小差了，请稍后再试'));
    await useBenefitsStore.getState().load();
    expect(useBenefitsStore.getState().status).toBe('ready');
    expect(useBenefitsStore.getState().data).not.toBeNull();
  });

  it('turns a failed first load into the error state', async () => {
    useBenefitsStore.setState({ data: null, status: 'idle' });
    list.mockRejectedValue(new CloudCallError('INTERNAL', '服务开小差了，请稍后再试'));
    await useBenefitsStore.getState().load();
    expect(useBenefitsStore.getState().status).toBe('error');
    expect(useBenefitsStore.getState().error?.message).toBe('服务开小差了，请稍后再试');
  });
});
