import { create } from 'zustand';
import type { LedgerEntryView } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { toLoadError } from './loadState';
import { appendPage, emptyPage, type PagedList } from './paged';

export interface LedgerState extends PagedList<LedgerEntryView> {
  load(): Promise<void>;
  /** The next page, when the member scrolls to the bottom; one request at a time. */
  loadMore(): Promise<void>;
}

export const initialLedgerState = emptyPage<LedgerEntryView>();

const PAGE = 20;
let seq = 0;

export const useLedgerStore = create<LedgerState>()((set, get) => ({
  ...initialLedgerState,

  async load() {
    const mine = ++seq;
    set({ ...emptyPage<LedgerEntryView>(), status: 'loading' });
    try {
      const page = await memberService.ledger(null, PAGE);
      if (mine === seq) set({ items: page.entries, nextCursor: page.nextCursor, status: 'ready' });
    } catch (err) {
      if (mine === seq) set({ status: 'error', error: toLoadError(err) });
    }
  },

  async loadMore() {
    const { nextCursor, loadingMore, status } = get();
    if (!nextCursor || loadingMore || status !== 'ready') return;
    const mine = seq;
    set({ loadingMore: true, moreError: null });
    try {
      const page = await memberService.ledger(nextCursor, PAGE);
      if (mine === seq) set({ items: appendPage(get().items, page.entries), nextCursor: page.nextCursor, loadingMore: false });
    } catch (err) {
      if (mine === seq) set({ loadingMore: false, moreError: toLoadError(err) });
    }
  },
}));
