import { create } from 'zustand';
import type { OpsStatsData, OpsValidateData } from '@shared/contracts/ops';
import { toLoadError, type LoadError, type LoadStatus } from '@/stores/loadState';
import { opsService } from '../services/opsService';
import { dayOf } from '@shared/time/shanghai';
import { RANGE_PRESETS, clampRange, presetRange, type DayRange, type RangePreset } from '../utils/range';

/**
 * The ops dashboard: the chosen range, its metrics (`ops.stats`) and the content report
 * (`ops.validate`). A later answer never gets overwritten by an earlier, slower one.
 */
export interface OpsDashboardState {
  preset: RangePreset | 'custom';
  range: DayRange;
  status: LoadStatus;
  error: LoadError | null;
  stats: OpsStatsData | null;
  validationStatus: LoadStatus;
  validationError: LoadError | null;
  validation: OpsValidateData | null;
  /** Picks one of the presets (近 7 / 30 / 90 天, ending today) and loads it. */
  choosePreset(key: RangePreset, nowMs?: number): Promise<void>;
  /** A range picked by hand (clamped to what `ops.stats` accepts) and loads it. */
  chooseRange(range: DayRange, nowMs?: number): Promise<void>;
  load(): Promise<void>;
  loadValidation(): Promise<void>;
}

const DEFAULT_PRESET: RangePreset = '30d';

function initialRange(nowMs: number): DayRange {
  return presetRange(30, dayOf(nowMs));
}

export const initialOpsDashboardState = (nowMs = Date.now()) => ({
  preset: DEFAULT_PRESET as RangePreset | 'custom',
  range: initialRange(nowMs),
  status: 'idle' as LoadStatus,
  error: null,
  stats: null,
  validationStatus: 'idle' as LoadStatus,
  validationError: null,
  validation: null,
});

let statsSeq = 0;
let validateSeq = 0;

export const useOpsDashboard = create<OpsDashboardState>()((set, get) => ({
  ...initialOpsDashboardState(),

  async choosePreset(key, nowMs = Date.now()) {
    const days = RANGE_PRESETS.find((p) => p.key === key)?.days ?? 30;
    set({ preset: key, range: presetRange(days, dayOf(nowMs)) });
    await get().load();
  },

  async chooseRange(range, nowMs = Date.now()) {
    set({ preset: 'custom', range: clampRange(range, dayOf(nowMs)) });
    await get().load();
  },

  async load() {
    const seq = ++statsSeq;
    const { from, to } = get().range;
    // Figures already shown stay on screen while the new range loads.
    set({ status: 'loading', error: null });
    try {
      const stats = await opsService.stats(from, to);
      if (seq === statsSeq) set({ stats, status: 'ready' });
    } catch (err) {
      if (seq === statsSeq) set({ status: 'error', error: toLoadError(err) });
    }
  },

  async loadValidation() {
    const seq = ++validateSeq;
    set({ validationStatus: 'loading', validationError: null });
    try {
      const validation = await opsService.validate();
      if (seq === validateSeq) set({ validation, validationStatus: 'ready' });
    } catch (err) {
      if (seq === validateSeq) set({ validationStatus: 'error', validationError: toLoadError(err) });
    }
  },
}));
