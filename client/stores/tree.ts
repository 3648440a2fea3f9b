import { create } from 'zustand';
import type { TreeData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';

export interface TreeState {
  status: LoadStatus;
  error: LoadError | null;
  data: TreeData | null;
  load(): Promise<void>;
}

export const initialTreeState = { status: 'idle' as LoadStatus, error: null, data: null };

export const useTreeStore = create<TreeState>()((set, get) => ({
  ...initialTreeState,

  async load() {
    set({ status: get().data ? 'ready' : 'loading', error: null });
    try {
      set({ data: await memberService.tree(), status: 'ready' });
    } catch (err) {
      // A failed refresh keeps what is shown; only a first load turns into the error state.
      set(get().data ? { status: 'ready', error: toLoadError(err) } : { status: 'error', error: toLoadError(err) });
    }
  },
}));
