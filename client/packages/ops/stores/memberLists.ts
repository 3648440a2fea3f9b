import { create } from 'zustand';
import type { AuditEntryView, OpsLedgerEntry, OpsVoucher } from '@shared/contracts/ops';
import { createPagedList, type Page, type PagedList } from '@/stores/toolkit/pagedList';
import { opsService } from '../services/opsService';

/**
 * A member's lists in the back office. The ledger's and the vouchers' first pages come with the
 * member's page (`ops.member`, shown with `show`), the next ones as ops scroll (`ops.ledger` /
 * `ops.vouchers`); the member's audit lines are read when their tab opens (`loadFor`, `ops.audit`).
 */
export interface MemberListState<T> extends PagedList<T> {
  openid: string | null;
  /** The member's first page, as `ops.member` answered it. */
  show(openid: string, page: Page<T>): void;
  /** The member's first page, read now (the list shown is cleared). */
  loadFor(openid: string): Promise<void>;
}

function memberList<T extends { id: string }>(fetchPage: (openid: string, cursor: string | null) => Promise<Page<T>>) {
  return create<MemberListState<T>>()((set, get) => ({
    ...createPagedList<T>((cursor) => fetchPage(get().openid ?? '', cursor))(set, get),
    openid: null,
    show(openid, page) {
      set({ openid, items: page.items, nextCursor: page.nextCursor, status: 'ready', error: null, loadingMore: false, moreError: null });
    },
    async loadFor(openid) {
      set({ openid });
      await get().load();
    },
  }));
}

export const useOpsLedger = memberList<OpsLedgerEntry>((openid, cursor) =>
  opsService.ledger(openid, cursor).then((p) => ({ items: p.entries, nextCursor: p.nextCursor })),
);

export const useOpsVouchers = memberList<OpsVoucher>((openid, cursor) =>
  opsService.vouchers(openid, cursor).then((p) => ({ items: p.vouchers, nextCursor: p.nextCursor })),
);

export const useOpsMemberAudit = memberList<AuditEntryView>((openid, cursor) =>
  opsService.audit({ target: openid }, cursor).then((p) => ({ items: p.entries, nextCursor: p.nextCursor })),
);
