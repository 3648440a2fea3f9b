import { create } from 'zustand';
import type { VoucherView } from '@shared/contracts/redeem';
import type { RedemptionStatus } from '@shared/domain/statuses';
import { redeemService } from '@/services/redeem';
import { createPagedList, type PagedList } from './toolkit/pagedList';

export type VoucherFilter = 'all' | RedemptionStatus;

/** The member's vouchers of one status (a tab), read as the member scrolls, and the one whose QR code is open. */
export interface VouchersState extends PagedList<VoucherView> {
  filter: VoucherFilter;
  /** The voucher whose QR code is open. */
  openId: string | null;
  /** The first page of `filter` (the current one when omitted); an older filter's answers are dropped. */
  load(filter?: VoucherFilter): Promise<void>;
  open(id: string | null): void;
}

const PAGE = 10;

function statusOf(filter: VoucherFilter): RedemptionStatus | undefined {
  return filter === 'all' ? undefined : filter;
}

export const useVouchersStore = create<VouchersState>()((set, get) => {
  const list = createPagedList((cursor) =>
    redeemService.mine(statusOf(get().filter), cursor, PAGE).then((page) => ({ items: page.vouchers, nextCursor: page.nextCursor })),
  )(set, get);
  return {
    ...list,
    filter: 'issued',
    openId: null,

    load(filter) {
      if (filter) set({ filter });
      return list.load();
    },

    open(id) {
      set({ openId: id });
    },
  };
});
