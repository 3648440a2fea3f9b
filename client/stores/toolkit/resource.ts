import { toLoadError, type LoadError, type LoadStatus } from '../loadState';
import { createSequenceGuard } from './sequenceGuard';
import type { GetSlice, SetSlice } from './slice';

/** One answer a page shows (home, the badge wall, the pack list…) and where its loading is. */
export interface ResourceFields<T> {
  /** Where the page is: 'loading' only before a first answer, 'error' only with nothing to show. */
  status: LoadStatus;
  /** The last visible load's failure, also when a failed reload left the data on screen. */
  error: LoadError | null;
  data: T | null;
  /** A visible reload is on its way while the data stays shown (a range changed, a 重试). */
  refreshing: boolean;
}

export interface LoadOptions {
  /**
   * Refresh behind what is shown (the member came back to the page, pulled down, changed
   * something): nothing moves while it runs and a failure is ignored. Without data yet, it is a
   * normal load.
   */
  quiet?: boolean;
}

interface ResourceEntries<T> extends ResourceFields<T> {
  load(options?: LoadOptions): Promise<void>;
}

type Prefixed<P extends string, F extends string> = P extends '' ? F : `${P}${Capitalize<F>}`;

interface ResourceNames<D extends string, P extends string> {
  data: D;
  status: Prefixed<P, 'status'>;
  error: Prefixed<P, 'error'>;
  refreshing: Prefixed<P, 'refreshing'>;
  load: `load${Capitalize<P>}`;
}

/**
 * A resource's fields and its load action under their names in a store. By default `data`,
 * `status`, `error`, `refreshing`, `load`; `data` may take the answer's own name (`home`); a
 * prefix names a second resource of the same store (`card`, `cardStatus`, `cardError`,
 * `cardRefreshing`, `loadCard`).
 */
export type Resource<T, D extends string = 'data', P extends string = ''> = {
  [K in keyof ResourceEntries<T> as ResourceNames<D, P>[K]]: ResourceEntries<T>[K];
};

export interface ResourceNaming<D extends string, P extends string> {
  /** The field holding the answer; `data` by default. */
  data?: D;
  /** Prefix of the other fields and of the action (`validation` → `validationStatus`, `loadValidation`). */
  prefix?: P;
}

function capitalize(word: string): string {
  return word ? word[0].toUpperCase() + word.slice(1) : word;
}

/**
 * A zustand slice for one answer, `loader`'s: load it, show it, reload it visibly or quietly.
 *
 * - The first load shows `loading`, then the data or the error state (`status: 'error'`).
 * - A reload keeps the data on screen: `refreshing` while it runs; a failure keeps the data
 *   (`status: 'ready'`) and records `error`.
 * - `load({ quiet: true })` refreshes behind the data shown and ignores failures.
 * - Only the newest request's answer is applied: an older, slower one is dropped.
 *
 * ```ts
 * export const useTreeStore = create<TreeState>()(createResource(() => memberService.tree()));
 * ```
 */
export function createResource<T, D extends string = 'data', P extends string = ''>(
  loader: () => Promise<T>,
  naming: ResourceNaming<D, P> = {},
) {
  const prefix = naming.prefix ?? '';
  const prefixed = (field: string) => (prefix ? prefix + capitalize(field) : field);
  const names: Record<keyof ResourceEntries<T>, string> = {
    data: naming.data ?? 'data',
    status: prefixed('status'),
    error: prefixed('error'),
    refreshing: prefixed('refreshing'),
    load: `load${capitalize(prefix)}`,
  };
  // The only place that knows the store's names: the rest speaks of status, error, data, refreshing.
  const toStore = (fields: Partial<ResourceEntries<T>>): Record<string, unknown> => {
    const renamed: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as Array<keyof ResourceEntries<T>>) renamed[names[key]] = fields[key];
    return renamed;
  };

  return (set: SetSlice<Resource<T, D, P>>, get: GetSlice<Resource<T, D, P>>): Resource<T, D, P> => {
    const guard = createSequenceGuard();
    const shown = () => (get() as Record<string, unknown>)[names.data] !== null;
    const write = (fields: Partial<ResourceFields<T>>) => set(toStore(fields) as Partial<Resource<T, D, P>>);

    async function load(options?: LoadOptions): Promise<void> {
      const quiet = options?.quiet === true && shown();
      const isNewest = guard.start();
      if (!quiet) write({ status: shown() ? 'ready' : 'loading', error: null, refreshing: shown() });
      try {
        const data = await loader();
        if (isNewest()) write({ data, status: 'ready', error: null, refreshing: false });
      } catch (err) {
        if (!isNewest()) return;
        if (quiet) write({ refreshing: false });
        else write({ status: shown() ? 'ready' : 'error', error: toLoadError(err), refreshing: false });
      }
    }

    const initial: ResourceEntries<T> = { status: 'idle', error: null, data: null, refreshing: false, load };
    return toStore(initial) as Resource<T, D, P>;
  };
}
