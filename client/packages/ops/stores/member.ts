import { create } from 'zustand';
import type { OpsMemberData } from '@shared/contracts/ops';
import { createResource, type Resource } from '@/stores/toolkit/resource';
import { opsService } from '../services/opsService';

/** One member's page in the back office (`ops.member`): `member`, `status`, `error`, `load()` for `openid`. */
export interface OpsMemberState extends Resource<OpsMemberData, 'member'> {
  openid: string | null;
  /** Shows another member (what was shown goes) and loads them. */
  open(openid: string): Promise<void>;
}

export const useOpsMember = create<OpsMemberState>()((set, get) => ({
  ...createResource(() => opsService.member(get().openid ?? ''), { data: 'member' })(set, get),
  openid: null,
  async open(openid) {
    if (get().openid !== openid) set({ openid, member: null, status: 'idle', error: null });
    await get().load();
  },
}));
