import { create } from 'zustand';
import type { RecapData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';
import { createSequenceGuard } from './toolkit/sequenceGuard';

/** A campaign's recap for this member (`member.recap`), one campaign at a time. */
export interface RecapState {
  campaignId: string | null;
  data: RecapData | null;
  status: LoadStatus;
  error: LoadError | null;
  load(campaignId: string): Promise<void>;
}

const guard = createSequenceGuard();

export const useRecapStore = create<RecapState>()((set, get) => ({
  campaignId: null,
  data: null,
  status: 'idle',
  error: null,

  async load(campaignId) {
    const same = get().campaignId === campaignId && get().data !== null;
    const isNewest = guard.start();
    set({ campaignId, status: same ? 'ready' : 'loading', error: null, data: same ? get().data : null });
    try {
      const data = await memberService.recap(campaignId);
      if (isNewest()) set({ data, status: 'ready' });
    } catch (err) {
      if (isNewest()) set({ status: same ? 'ready' : 'error', error: toLoadError(err) });
    }
  },
}));
