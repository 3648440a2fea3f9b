import { create } from 'zustand';
import type { CalendarData, CheckinData } from '@shared/contracts/checkin';
import { checkinService } from '@/services/checkin';
import { useMemberStore } from './member';
import { publishMemberEvent } from './memberEvents';
import { toLoadError, type LoadError, type LoadStatus } from './loadState';
import { createSequenceGuard } from './toolkit/sequenceGuard';

export interface CheckinState {
  /** The month shown (`YYYY-MM`); null until the first calendar answer names the server's month. */
  month: string | null;
  calendars: Record<string, CalendarData>;
  status: LoadStatus;
  error: LoadError | null;
  /** A check-in is on its way: the button ignores further taps. */
  checking: boolean;
  /** Today's check-in answer, for the reward shown on the card. */
  lastResult: CheckinData | null;
  checkinError: LoadError | null;
  loadMonth(month?: string): Promise<void>;
  /** Checks in once; repeated taps while a call is out are ignored. */
  checkin(): Promise<CheckinData | null>;
}

/** The calendar with today's check-in added, so the page updates without another call. */
export function calendarWithCheckin(calendar: CalendarData, result: CheckinData): CalendarData {
  if (calendar.days.some((d) => d.date === result.date)) return { ...calendar, streak: result.streak, checkedInToday: true };
  const day = {
    date: result.date,
    streak: result.streak.current,
    points: result.reward.points,
    growth: result.reward.growth,
    bonus: result.reward.bonus !== null,
  };
  return {
    ...calendar,
    days: [...calendar.days, day].sort((a, b) => a.date.localeCompare(b.date)),
    streak: result.streak,
    checkedInToday: true,
    totals: {
      days: calendar.totals.days + 1,
      points: calendar.totals.points + result.reward.points,
      growth: calendar.totals.growth + result.reward.growth,
    },
  };
}

// One month's answer at a time: flipping months quickly never shows an older month's outcome.
const monthGuard = createSequenceGuard();

export const useCheckinStore = create<CheckinState>()((set, get) => ({
  month: null,
  calendars: {},
  status: 'idle',
  error: null,
  checking: false,
  lastResult: null,
  checkinError: null,

  async loadMonth(month) {
    const target = month ?? get().month ?? useMemberStore.getState().home?.today.slice(0, 7);
    if (target) set({ month: target });
    const cached = target ? get().calendars[target] : undefined;
    const isNewest = monthGuard.start();
    set({ status: cached ? 'ready' : 'loading', error: null });
    try {
      // Without a known month, ask for the phone's month: the answer's `today` corrects it.
      const asked = target ?? new Date().toISOString().slice(0, 7);
      const calendar = await checkinService.calendar(asked);
      if (!isNewest()) return;
      const current = get().month ?? calendar.month;
      set({ calendars: { ...get().calendars, [calendar.month]: calendar }, month: current, status: 'ready' });
      if (!target && calendar.today.slice(0, 7) !== calendar.month) await get().loadMonth(calendar.today.slice(0, 7));
    } catch (err) {
      if (isNewest()) set({ status: 'error', error: toLoadError(err) });
    }
  },

  async checkin() {
    if (get().checking) return null;
    set({ checking: true, checkinError: null });
    let result: CheckinData;
    try {
      result = await checkinService.checkin();
    } catch (err) {
      set({ checking: false, checkinError: toLoadError(err) });
      return null;
    }
    const month = result.date.slice(0, 7);
    const calendar = get().calendars[month];
    set({
      checking: false,
      lastResult: result,
      calendars: calendar ? { ...get().calendars, [month]: calendarWithCheckin(calendar, result) } : get().calendars,
    });
    // The card, its quiet refresh and the badge ceremony follow from the answer (memberEvents).
    publishMemberEvent('checkedIn', result);
    if (result.teams.length) publishMemberEvent('teamProgressed', result.teams);
    return result;
  },
}));
