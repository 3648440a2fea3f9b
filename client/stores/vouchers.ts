import { create } from 'zustand';
import type { VoucherView } from '@shared/contracts/redeem';
import type { RedemptionStatus } from '@shared/domain/statuses';
import { redeemService } from '@/services/redeem';
import { toLoadError } from './loadState';
import { appendPage, emptyPage, type PagedList } from './paged';

export type VoucherFilter = 'all' | RedemptionStatus;

export interface VouchersState extends PagedList<VoucherView> {
  filter: VoucherFilter;
  /** The voucher whose QR code is open. */
  openId: string | null;
  load(filter?: VoucherFilter): Promise<void>;
  loadMore(): Promise<void>;
  open(id: string | null): void;
}

export const initialVouchersState = { ...emptyPage<VoucherView>(), filter: 'issued' as VoucherFilter, openId: null };

const PAGE = 10;
let seq = 0;

function statusOf(filter: VoucherFilter): RedemptionStatus | undefined {
  return filter === 'all' ? undefined : filter;
}

export const useVouchersStore = create<VouchersState>()((set, get) => ({
  ...initialVouchersState,

  async load(filter) {
    const f = filter ?? get().filter;
    const mine = ++seq;
    set({ filter: f, status: 'loading', error: null, items: [], nextCursor: null, moreError: null, loadingMore: false });
    try {
      const page = await redeemService.mine(statusOf(f), null, PAGE);
      if (mine === seq) set({ items: page.vouchers, nextCursor: page.nextCursor, status: 'ready' });
    } catch (err) {
      if (mine === seq) set({ status: 'error', error: toLoadError(err) });
    }
  },

  async loadMore() {
    const { nextCursor, loadingMore, status, filter } = get();
    if (!nextCursor || loadingMore || status !== 'ready') return;
    const mine = seq;
    set({ loadingMore: true, moreError: null });
    try {
      const page = await redeemService.mine(statusOf(filter), nextCursor, PAGE);
      if (mine === seq) set({ items: appendPage(get().items, page.vouchers), nextCursor: page.nextCursor, loadingMore: false });
    } catch (err) {
      if (mine === seq) set({ loadingMore: false, moreError: toLoadError(err) });
    }
  },

  open(id) {
    set({ openId: id });
  },
}));
