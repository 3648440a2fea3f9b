import { toLoadError, type LoadError, type LoadStatus } from '../loadState';
import { createSequenceGuard } from './sequenceGuard';
import type { GetSlice, SetSlice } from './slice';

/** One page of a newest-first list, read with the functions' cursors. */
export interface Page<T> {
  items: T[];
  /** Pass back for the next page; null at the end. */
  nextCursor: string | null;
}

/** A list read page by page: the first page like any answer, the next ones as the member scrolls. */
export interface PagedList<T> {
  status: LoadStatus;
  error: LoadError | null;
  items: T[];
  nextCursor: string | null;
  loadingMore: boolean;
  /** A failed next page: the list stays, a retry row shows. */
  moreError: LoadError | null;
  /** The first page, from scratch (the list shown is cleared). */
  load(): Promise<void>;
  /** The next page, when the member scrolls to the bottom or taps retry; one request at a time. */
  loadMore(): Promise<void>;
}

/** Appends a page, dropping items already shown (a page boundary may repeat one after a change). */
export function appendPage<T extends { id: string }>(items: T[], page: T[]): T[] {
  const seen = new Set(items.map((i) => i.id));
  return [...items, ...page.filter((i) => !seen.has(i.id))];
}

/**
 * A zustand slice for a paged list. `fetchPage(cursor)` asks for the page after `cursor` (null:
 * the first). An answer for a list the member has since reloaded (another filter, a return to
 * the page) is dropped.
 *
 * ```ts
 * export const useLedgerStore = create<LedgerState>()(
 *   createPagedList((cursor) => memberService.ledger(cursor, 20).then((p) => ({ items: p.entries, nextCursor: p.nextCursor }))),
 * );
 * ```
 */
export function createPagedList<T extends { id: string }>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  return (set: SetSlice<PagedList<T>>, get: GetSlice<PagedList<T>>): PagedList<T> => {
    const guard = createSequenceGuard();
    return {
      status: 'idle',
      error: null,
      items: [],
      nextCursor: null,
      loadingMore: false,
      moreError: null,

      async load() {
        const isNewest = guard.start();
        set({ status: 'loading', error: null, items: [], nextCursor: null, loadingMore: false, moreError: null });
        try {
          const page = await fetchPage(null);
          if (isNewest()) set({ items: page.items, nextCursor: page.nextCursor, status: 'ready' });
        } catch (err) {
          if (isNewest()) set({ status: 'error', error: toLoadError(err) });
        }
      },

      async loadMore() {
        const { nextCursor, loadingMore, status } = get();
        if (!nextCursor || loadingMore || status !== 'ready') return;
        const isSameList = guard.join();
        set({ loadingMore: true, moreError: null });
        try {
          const page = await fetchPage(nextCursor);
          if (isSameList()) set({ items: appendPage(get().items, page.items), nextCursor: page.nextCursor, loadingMore: false });
        } catch (err) {
          if (isSameList()) set({ loadingMore: false, moreError: toLoadError(err) });
        }
      },
    };
  };
}
