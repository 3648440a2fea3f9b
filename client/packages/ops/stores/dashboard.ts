import { create } from 'zustand';
import type { OpsStatsData, OpsValidateData } from '@shared/contracts/ops';
import { dayOf } from '@shared/time/shanghai';
import { createResource, type Resource } from '@/stores/toolkit/resource';
import { opsService } from '../services/opsService';
import { RANGE_PRESETS, clampRange, presetRange, type DayRange, type RangePreset } from '../utils/range';

/**
 * The ops dashboard: the chosen range, its metrics (`ops.stats`: `stats`, `status`, `error`,
 * `refreshing`, `load()`) and the content report (`ops.validate`: `validation`,
 * `validationStatus`, `validationError`, `validationRefreshing`, `loadValidation()`). Figures
 * already shown stay on screen while a new range loads; a later answer never gets overwritten
 * by an earlier, slower one.
 */
export interface OpsDashboardState extends Resource<OpsStatsData, 'stats'>, Resource<OpsValidateData, 'validation', 'validation'> {
  preset: RangePreset | 'custom';
  range: DayRange;
  /** Picks one of the presets (近 7 / 30 / 90 天, ending today) and loads it. */
  choosePreset(key: RangePreset, nowMs?: number): Promise<void>;
  /** A range picked by hand (clamped to what `ops.stats` accepts) and loads it. */
  chooseRange(range: DayRange, nowMs?: number): Promise<void>;
}

/** The range the dashboard opens on at `nowMs`: the last 30 days. */
export function openingRange(nowMs: number): Pick<OpsDashboardState, 'preset' | 'range'> {
  return { preset: '30d', range: presetRange(30, dayOf(nowMs)) };
}

export const useOpsDashboard = create<OpsDashboardState>()((set, get) => ({
  ...openingRange(Date.now()),
  ...createResource(() => opsService.stats(get().range.from, get().range.to), { data: 'stats' })(set, get),
  ...createResource(() => opsService.validate(), { data: 'validation', prefix: 'validation' })(set, get),

  async choosePreset(key, nowMs = Date.now()) {
    const days = RANGE_PRESETS.find((p) => p.key === key)?.days ?? 30;
    set({ preset: key, range: presetRange(days, dayOf(nowMs)) });
    await get().load();
  },

  async chooseRange(range, nowMs = Date.now()) {
    set({ preset: 'custom', range: clampRange(range, dayOf(nowMs)) });
    await get().load();
  },
}));
