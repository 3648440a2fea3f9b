import { create } from 'zustand';
import type { CheckinData } from '@shared/contracts/checkin';
import type { HomeData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';

/** The member as home shows them (`member.home`), kept fresh by the actions that change it. */
export interface MemberState {
  status: LoadStatus;
  error: LoadError | null;
  home: HomeData | null;
  /** Loads home; `quiet` keeps what is shown while refreshing (no spinner, errors ignored). */
  load(options?: { quiet?: boolean }): Promise<void>;
  /** Applies a check-in's answer to the card at once (streak, balance, today's state). */
  applyCheckin(result: CheckinData): void;
  /** Applies a new points balance (after a redemption). */
  applyPoints(points: number): void;
  applyProfile(profile: { nickname: string; avatarUrl: string }): void;
  markBadgeSeen(badgeId: string): void;
}

export const initialMemberState = { status: 'idle' as LoadStatus, error: null, home: null };

let loadSeq = 0;

export const useMemberStore = create<MemberState>()((set, get) => ({
  ...initialMemberState,

  async load(options) {
    const quiet = options?.quiet === true && get().home !== null;
    const seq = ++loadSeq;
    if (!quiet) set({ status: 'loading', error: null });
    try {
      const home = await memberService.home();
      if (seq === loadSeq) set({ home, status: 'ready', error: null });
    } catch (err) {
      if (seq === loadSeq && !quiet) set({ status: 'error', error: toLoadError(err) });
    }
  },

  applyCheckin(result) {
    const home = get().home;
    if (!home) return;
    set({
      home: {
        ...home,
        member: {
          ...home.member,
          streak: result.streak,
          checkedInToday: true,
          points: result.balance.points,
          growth: result.balance.growth,
          checkinDays: result.alreadyCheckedIn ? home.member.checkinDays : home.member.checkinDays + 1,
        },
      },
    });
  },

  applyPoints(points) {
    const home = get().home;
    if (home) set({ home: { ...home, member: { ...home.member, points } } });
  },

  applyProfile(profile) {
    const home = get().home;
    if (home) set({ home: { ...home, member: { ...home.member, ...profile } } });
  },

  markBadgeSeen(badgeId) {
    const home = get().home;
    if (home?.badges.newestUnseen?.id === badgeId) set({ home: { ...home, badges: { ...home.badges, newestUnseen: null } } });
  },
}));
