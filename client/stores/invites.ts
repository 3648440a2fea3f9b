import { create } from 'zustand';
import type { InviteCardData, InviteLeaderboardData, InviteMineData } from '@shared/contracts/invite';
import { inviteService } from '@/services/invite';
import { firstAttempt } from '@/services/inviteArrival';
import { useMemberStore } from './member';
import { onMemberEvent } from './memberEvents';
import { createResource, type Resource } from './toolkit/resource';

/**
 * The invite card (`card`, `cardStatus`, `cardError`, `loadCard()`), the member's invitees and
 * rule (`mine`, `mineStatus`, `mineError`, `loadMine()`), the month's leaderboard (`board`,
 * `loadBoard()`), and the welcome of an invited newcomer.
 */
export interface InvitesState
  extends
    Resource<InviteCardData, 'card', 'card'>,
    Resource<InviteMineData, 'mine', 'mine'>,
    Resource<InviteLeaderboardData, 'board', 'board'> {
  /** A new member who arrived through an invite and was bound: whom to thank in the welcome. */
  welcome: { inviterNickname: string } | null;
  /**
   * Binds a new member to the code they arrived with, once. Only asked while the member has
   * not checked in yet (the server checks the real rule); refusals are silent.
   */
  bindArrival(code: string): Promise<void>;
  closeWelcome(): void;
}

export const useInvitesStore = create<InvitesState>()((set, get) => ({
  ...createResource(() => inviteService.card(), { data: 'card', prefix: 'card' })(set, get),
  ...createResource(() => inviteService.mine(), { data: 'mine', prefix: 'mine' })(set, get),
  ...createResource(() => inviteService.leaderboard(), { data: 'board', prefix: 'board' })(set, get),
  welcome: null,

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

// The board names the member once they switch it on (and hides them when they switch it off).
onMemberEvent('profileChanged', (profile) => {
  const board = useInvitesStore.getState().board;
  if (board && board.optedIn !== profile.leaderboardOptIn) void useInvitesStore.getState().loadBoard({ quiet: true });
});
