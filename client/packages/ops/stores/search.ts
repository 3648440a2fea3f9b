import { create } from 'zustand';
import type { MemberHit } from '@shared/contracts/ops';
import { toLoadError, type LoadError, type LoadStatus } from '@/stores/loadState';
import { createSequenceGuard } from '@/stores/toolkit/sequenceGuard';
import { opsService } from '../services/opsService';

/** 找会员: the query asked last and its matches (`ops.members`); a later query's answer always wins. */
export interface OpsSearchState {
  query: string;
  status: LoadStatus;
  error: LoadError | null;
  hits: MemberHit[];
  search(query: string): Promise<void>;
}

const guard = createSequenceGuard();

export const useOpsSearch = create<OpsSearchState>()((set) => ({
  query: '',
  status: 'idle',
  error: null,
  hits: [],
  async search(raw) {
    const query = raw.trim();
    const isNewest = guard.start();
    if (!query) {
      set({ query, status: 'idle', error: null, hits: [] });
      return;
    }
    set({ query, status: 'loading', error: null });
    try {
      const { hits } = await opsService.members(query);
      if (isNewest()) set({ hits, status: 'ready' });
    } catch (err) {
      if (isNewest()) set({ status: 'error', error: toLoadError(err), hits: [] });
    }
  },
}));
