import { create } from 'zustand';
import type { BadgesData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';

export interface BadgesState {
  status: LoadStatus;
  error: LoadError | null;
  data: BadgesData | null;
  /** The badge whose detail sheet is open. */
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string | null): void;
}

export const initialBadgesState = { status: 'idle' as LoadStatus, error: null, data: null, selectedId: null };

export const useBadgesStore = create<BadgesState>()((set, get) => ({
  ...initialBadgesState,

  async load() {
    set({ status: get().data ? 'ready' : 'loading', error: null });
    try {
      const data = await memberService.badges();
      set({ data, status: 'ready' });
    } catch (err) {
      // A failed refresh keeps what is shown; only a first load turns into the error state.
      set(get().data ? { status: 'ready', error: toLoadError(err) } : { status: 'error', error: toLoadError(err) });
    }
  },

  select(id) {
    set({ selectedId: id });
  },
}));
