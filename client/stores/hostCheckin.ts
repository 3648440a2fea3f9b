import { create } from 'zustand';
import type { AttendData, EventHostingData } from '@shared/contracts/event';
import { MEMBER_CODE_RE, normalizeMemberCode } from '@shared/domain/memberCode';
import { eventService } from '@/services/event';
import { toLoadError, type LoadError } from './loadState';
import { createResource, type Resource } from './toolkit/resource';

/**
 * A host at an event's door (活动签到): today's events (`event.hosting`), the one being checked in
 * to, and each scan's outcome. A scan goes straight through (no confirmation: checking a member in
 * is what the host is there for, and a second scan only says when the first was).
 */
export interface HostCheckinState extends Resource<EventHostingData, 'hosting', 'hosting'> {
  eventId: string | null;
  checking: boolean;
  result: AttendData | null;
  error: LoadError | null;
  choose(eventId: string): void;
  /** Checks the member whose code was scanned or typed in; false when it cannot be a member code. */
  submit(input: string): boolean;
  reset(): void;
}

export const initialScanState = { checking: false, result: null, error: null };

export const useHostCheckinStore = create<HostCheckinState>()((set, get) => ({
  ...createResource(() => eventService.hosting(), { data: 'hosting', prefix: 'hosting' })(set, get),
  eventId: null,
  ...initialScanState,

  choose(eventId) {
    set({ eventId, ...initialScanState });
  },

  submit(input) {
    const code = normalizeMemberCode(input.trim());
    const { eventId, checking } = get();
    if (!MEMBER_CODE_RE.test(code) || !eventId) return false;
    if (checking) return true;
    set({ checking: true, result: null, error: null });
    eventService.attend(eventId, code).then(
      (result) => {
        set({ checking: false, result });
        // The event's count on the list follows.
        void get().loadHosting({ quiet: true });
      },
      (err: unknown) => set({ checking: false, error: toLoadError(err) }),
    );
    return true;
  },

  reset() {
    set(initialScanState);
  },
}));
