import { create } from 'zustand';
import type { BadgesData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { createResource, type Resource } from './toolkit/resource';

/** The badge wall (`data`, `status`, `error`, `load({ quiet })`) and the badge whose sheet is open. */
export interface BadgesState extends Resource<BadgesData> {
  /** The badge whose detail sheet is open. */
  selectedId: string | null;
  select(id: string | null): void;
}

export const useBadgesStore = create<BadgesState>()((set, get) => ({
  ...createResource(() => memberService.badges())(set, get),
  selectedId: null,

  select(id) {
    set({ selectedId: id });
  },
}));
