import { create } from 'zustand';
import type { LedgerEntryView } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { createPagedList, type PagedList } from './toolkit/pagedList';

/** The points ledger, newest first, read as the member scrolls (`items`, `load()`, `loadMore()`…). */
export type LedgerState = PagedList<LedgerEntryView>;

const PAGE = 20;

export const useLedgerStore = create<LedgerState>()(
  createPagedList((cursor) => memberService.ledger(cursor, PAGE).then((page) => ({ items: page.entries, nextCursor: page.nextCursor }))),
);
