import { create } from 'zustand';
import type { BadgeCeremony } from '@shared/contracts/member';
import type { TeamCeremony } from '@shared/contracts/team';
import { memberService } from '@/services/member';
import { teamService } from '@/services/team';
import { onMemberEvent, publishMemberEvent } from './memberEvents';

/**
 * The ceremonies: badges waiting to be celebrated, one at a time, then completed team
 * challenges (their reward is paid already; the ceremony is the moment the member sees it). Each
 * is queued once per session however many answers mention it (home's newest unseen, a check-in's
 * new badges, home's team reward).
 */
export interface CeremonyState {
  queue: BadgeCeremony[];
  celebrated: string[];
  /** Team rewards waiting for their ceremony (after the badges). */
  teams: TeamCeremony[];
  celebratedTeams: string[];
  enqueue(badges: BadgeCeremony[]): void;
  /** "收下": marks the badge seen on the server and shows the next one. */
  accept(): Promise<void>;
  enqueueTeam(reward: TeamCeremony): void;
  /** "收下": the team reward's ceremony was seen. */
  acceptTeam(): Promise<void>;
}

export const useCeremonyStore = create<CeremonyState>()((set, get) => ({
  queue: [],
  celebrated: [],
  teams: [],
  celebratedTeams: [],

  enqueue(badges) {
    const { queue, celebrated } = get();
    const known = new Set([...celebrated, ...queue.map((b) => b.id)]);
    const fresh = badges.filter((b) => !known.has(b.id));
    if (fresh.length) set({ queue: [...queue, ...fresh] });
  },

  async accept() {
    const [current, ...rest] = get().queue;
    if (!current) return;
    set({ queue: rest, celebrated: [...get().celebrated, current.id] });
    publishMemberEvent('badgeSeen', { badgeId: current.id });
    try {
      await memberService.badgesSeen([current.id]);
    } catch {
      // Not fatal: the badge simply shows as new again next time.
    }
  },

  enqueueTeam(reward) {
    const { teams, celebratedTeams } = get();
    if (celebratedTeams.includes(reward.teamId) || teams.some((t) => t.teamId === reward.teamId)) return;
    set({ teams: [...teams, reward] });
  },

  async acceptTeam() {
    const [current, ...rest] = get().teams;
    if (!current) return;
    set({ teams: rest, celebratedTeams: [...get().celebratedTeams, current.teamId] });
    publishMemberEvent('teamRewardSeen', { teamId: current.teamId });
    try {
      await teamService.seen(current.teamId);
    } catch {
      // Not fatal: the ceremony simply shows again next time.
    }
  },
}));

onMemberEvent('checkedIn', (result) => useCeremonyStore.getState().enqueue(result.newBadges));
onMemberEvent('donated', (result) => useCeremonyStore.getState().enqueue(result.newBadges));
