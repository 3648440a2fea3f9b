import { create } from 'zustand';
import type { AuditEntryView } from '@shared/contracts/ops';
import { createPagedList, type PagedList } from '@/stores/toolkit/pagedList';
import { opsService } from '../services/opsService';

export interface AuditFilter {
  /** One member (`target`) and/or one staff member (`who`), with the names to show. */
  target?: { openid: string; name: string };
  who?: { openid: string; name: string };
}

/** 操作记录: the ops audit, newest first, paged, by member and/or by staff member (`ops.audit`). */
export interface OpsAuditState extends PagedList<AuditEntryView> {
  filter: AuditFilter;
  /** Shows the audit under another filter (from the first page). */
  setFilter(filter: AuditFilter): Promise<void>;
}

export const useOpsAudit = create<OpsAuditState>()((set, get) => ({
  ...createPagedList<AuditEntryView>((cursor) => {
    const { target, who } = get().filter;
    return opsService
      .audit({ ...(target ? { target: target.openid } : {}), ...(who ? { who: who.openid } : {}) }, cursor)
      .then((p) => ({ items: p.entries, nextCursor: p.nextCursor }));
  })(set, get),
  filter: {},
  async setFilter(filter) {
    set({ filter });
    await get().load();
  },
}));
