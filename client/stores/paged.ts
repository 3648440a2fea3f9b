import type { LoadError, LoadStatus } from './loadState';

/** A newest-first list read page by page with the functions' cursors. */
export interface PagedList<T> {
  status: LoadStatus;
  error: LoadError | null;
  items: T[];
  nextCursor: string | null;
  loadingMore: boolean;
  /** A failed next page: the list stays, a retry row shows. */
  moreError: LoadError | null;
}

export function emptyPage<T>(): PagedList<T> {
  return { status: 'idle', error: null, items: [], nextCursor: null, loadingMore: false, moreError: null };
}

/** Appends a page, dropping items already shown (a page boundary may repeat one after a change). */
export function appendPage<T extends { id: string }>(items: T[], page: T[]): T[] {
  const seen = new Set(items.map((i) => i.id));
  return [...items, ...page.filter((i) => !seen.has(i.id))];
}
