import { create } from 'zustand';
import type { BadgeCeremony } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { onMemberEvent, publishMemberEvent } from './memberEvents';

/**
 * The unlock ceremony: badges waiting to be celebrated, one at a time. A badge is queued once
 * per session however many answers mention it (home's newest unseen, a check-in's new badges).
 */
export interface CeremonyState {
  queue: BadgeCeremony[];
  celebrated: string[];
  enqueue(badges: BadgeCeremony[]): void;
  /** "收下": marks the badge seen on the server and shows the next one. */
  accept(): Promise<void>;
}

export const useCeremonyStore = create<CeremonyState>()((set, get) => ({
  queue: [],
  celebrated: [],

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
}));

onMemberEvent('checkedIn', (result) => useCeremonyStore.getState().enqueue(result.newBadges));
onMemberEvent('donated', (result) => useCeremonyStore.getState().enqueue(result.newBadges));
