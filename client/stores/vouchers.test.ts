import { voucher } from '@/testing/fixtures';

jest.mock('@/services/redeem', () => ({ redeemService: { mine: jest.fn() } }));

import { redeemService } from '@/services/redeem';
import { useVouchersStore } from './vouchers';

const mine = redeemService.mine as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
});

describe('vouchers', () => {
  it('filters by status on the server and drops answers of an older filter', async () => {
    let slow!: (v: unknown) => void;
    mine
      .mockReturnValueOnce(new Promise((r) => (slow = r)))
      .mockResolvedValueOnce({ vouchers: [voucher({ status: 'used' })], nextCursor: null });
    const first = useVouchersStore.getState().load('issued');
    await useVouchersStore.getState().load('used');
    slow({ vouchers: [voucher()], nextCursor: null });
    await first;
    expect(mine.mock.calls.map((c) => c[0])).toEqual(['issued', 'used']);
    expect(useVouchersStore.getState().filter).toBe('used');
    expect(useVouchersStore.getState().items.map((v) => v.status)).toEqual(['used']);
  });

  it('"全部" asks without a status', async () => {
    mine.mockResolvedValue({ vouchers: [], nextCursor: null });
    await useVouchersStore.getState().load('all');
    expect(mine).toHaveBeenCalledWith(undefined, null, 10);
  });
});
