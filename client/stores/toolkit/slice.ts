/**
 * What a toolkit slice gets from the store it is part of (zustand's slices pattern): a `set` that
 * merges a patch of the slice's own fields, and a `get` that reads them. Pass the store creator's
 * own `set` and `get`.
 */
export type SetSlice<S> = (patch: Partial<S>) => void;
export type GetSlice<S> = () => S;
