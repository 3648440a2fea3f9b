/**
 * What every view shares: the environment, its collections with their counts, and the clock.
 * Refreshed on a timer and after every write the console makes.
 */
import { create } from 'zustand';
import type { OverviewAnswer } from '../src/console/protocol';
import { api, errorText } from './api';

interface OverviewState {
  overview: OverviewAnswer | null;
  error: string | null;
  /** When the overview was fetched (this page's time), to tick the clock between refreshes. */
  fetchedAt: number;
  refresh(): Promise<void>;
}

export const useOverview = create<OverviewState>()((set) => ({
  overview: null,
  error: null,
  fetchedAt: 0,
  refresh: async () => {
    try {
      const overview = await api.overview();
      set({ overview, error: null, fetchedAt: Date.now() });
    } catch (err) {
      set({ error: errorText(err) });
    }
  },
}));

/** After the clock is set, the overview's clock must follow at once. */
export function setClockOffset(offsetMs: number, now: string): void {
  useOverview.setState((s) => (s.overview ? { overview: { ...s.overview, clockOffsetMs: offsetMs, now }, fetchedAt: Date.now() } : {}));
}
