/**
 * zustand in unit tests, as zustand's "Testing" guide does it: every store created records its
 * initial state, and after each test all of them go back to it, so no test sees another's
 * state and no test resets stores by hand. Jest uses this file for `zustand` by itself (a
 * manual mock of a node module); inside it, `zustand` is the real one.
 */
import { act } from 'react';
import type * as Zustand from 'zustand';

export * from 'zustand';

const actual = jest.requireActual<typeof Zustand>('zustand');

/** One reset per store created in this test file. */
export const storeResetFns = new Set<() => void>();

function createAndRecord<T>(stateCreator: Zustand.StateCreator<T>) {
  const store = actual.create(stateCreator);
  const initialState = store.getInitialState();
  storeResetFns.add(() => store.setState(initialState, true));
  return store;
}

// `create<T>()(creator)` and `create(creator)`, like the real one.
export const create = (<T>(stateCreator?: Zustand.StateCreator<T>) =>
  stateCreator ? createAndRecord(stateCreator) : createAndRecord) as typeof Zustand.create;

afterEach(() => {
  // Components still mounted re-render with the reset state inside act.
  act(() => storeResetFns.forEach((reset) => reset()));
});
