import { create } from 'zustand';
import type { InviteCardData, InviteMineData } from '@shared/contracts/invite';
import { inviteService } from '@/services/invite';
import { firstAttempt } from '@/services/inviteArrival';
import { useMemberStore } from './member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';

export interface InvitesState {
  cardStatus: LoadStatus;
  cardError: LoadError | null;
  card: InviteCardData | null;
  mineStatus: LoadStatus;
  mineError: LoadError | null;
  mine: InviteMineData | null;
  /** A new member who arrived through an invite and was bound: whom to thank in the welcome. */
  welcome: { inviterNickname: string } | null;
  loadCard(): Promise<void>;
  loadMine(): Promise<void>;
  /**
   * Binds a new member to the code they arrived with, once. Only asked while the member has
   * not checked in yet (the server checks the real rule); refusals are silent.
   */
  bindArrival(code: string): Promise<void>;
  closeWelcome(): void;
}

export const initialInvitesState = {
  cardStatus: 'idle' as LoadStatus,
  cardError: null,
  card: null,
  mineStatus: 'idle' as LoadStatus,
  mineError: null,
  mine: null,
  welcome: null,
};

export const useInvitesStore = create<InvitesState>()((set, get) => ({
  ...initialInvitesState,

  async loadCard() {
    set({ cardStatus: get().card ? 'ready' : 'loading', cardError: null });
    try {
      set({ card: await inviteService.card(), cardStatus: 'ready' });
    } catch (err) {
      set(get().card ? { cardStatus: 'ready', cardError: toLoadError(err) } : { cardStatus: 'error', cardError: toLoadError(err) });
    }
  },

  async loadMine() {
    set({ mineStatus: get().mine ? 'ready' : 'loading', mineError: null });
    try {
      set({ mine: await inviteService.mine(), mineStatus: 'ready' });
    } catch (err) {
      set(get().mine ? { mineStatus: 'ready', mineError: toLoadError(err) } : { mineStatus: 'error', mineError: toLoadError(err) });
    }
  },

  async bindArrival(code) {
    const member = useMemberStore.getState().home?.member;
    if (!member || member.checkinDays > 0) return;
    if (!firstAttempt(code, member.joinedAt)) return;
    try {
      const bound = await inviteService.bind(code);
      set({ welcome: { inviterNickname: bound.inviterNickname } });
    } catch {
      // SELF_INVITE, ALREADY_INVITED, NOT_NEW_MEMBER, an unknown code: nothing to tell a member.
    }
  },

  closeWelcome() {
    set({ welcome: null });
  },
}));
