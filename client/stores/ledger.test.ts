jest.mock('@/services/member', () => ({ memberService: { ledger: jest.fn() } }));

import { memberService } from '@/services/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { useLedgerStore } from './ledger';

const ledger = memberService.ledger as jest.Mock;

function entry(id: string) {
  return { id, kind: 'checkin' as const, title: '每日签到', points: 10, growth: 10, createdAt: '2026-11-23T02:00:00.000Z' };
}

beforeEach(() => {
  jest.resetAllMocks();
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
