import { voucher } from '@/testing/fixtures';

jest.mock('@/services/redeem', () => ({ redeemService: { mine: jest.fn() } }));
jest.mock('@/services/member', () => ({ memberService: { ledger: jest.fn() } }));

import { memberService } from '@/services/member';
import { redeemService } from '@/services/redeem';
import { CloudCallError } from '@/services/cloud/callFunction';
import { initialLedgerState, useLedgerStore } from './ledger';
import { appendPage } from './paged';
import { initialVouchersState, useVouchersStore } from './vouchers';

const mine = redeemService.mine as jest.Mock;
const ledger = memberService.ledger as jest.Mock;

function entry(id: string) {
  return { id, kind: 'checkin' as const, title: '每日签到', points: 10, growth: 10, createdAt: '2026-11-23T02:00:00.000Z' };
}

beforeEach(() => {
  jest.resetAllMocks();
  useVouchersStore.setState(initialVouchersState);
  useLedgerStore.setState(initialLedgerState);
});

it('appends a page without repeating an item already shown', () => {
  expect(appendPage([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
});

describe('ledger (infinite scroll)', () => {
  it('pages with the cursor, one request at a time, until the end', async () => {
    ledger.mockResolvedValueOnce({ entries: [entry('1'), entry('2')], nextCursor: '100.2' });
    await useLedgerStore.getState().load();
    let release!: (v: unknown) => void;
    ledger.mockReturnValueOnce(new Promise((r) => (release = r)));
    const more = [useLedgerStore.getState().loadMore(), useLedgerStore.getState().loadMore()];
    release({ entries: [entry('3')], nextCursor: null });
    await Promise.all(more);
    expect(ledger).toHaveBeenCalledTimes(2);
    expect(ledger).toHaveBeenLastCalledWith('100.2', 20);
    expect(useLedgerStore.getState().items.map((e) => e.id)).toEqual(['1', '2', '3']);
    await useLedgerStore.getState().loadMore();
    expect(ledger).toHaveBeenCalledTimes(2);
  });

  it('keeps the list when a next page fails, with a retry', async () => {
    ledger
      .mockResolvedValueOnce({ entries: [entry('1')], nextCursor: '100.1' })
      .mockRejectedValueOnce(new CloudCallError('NETWORK', '网络不太顺畅'));
    await useLedgerStore.getState().load();
    await useLedgerStore.getState().loadMore();
    expect(useLedgerStore.getState().items).toHaveLength(1);
    expect(useLedgerStore.getState().moreError?.code).toBe('NETWORK');
  });
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
