/**
 * Orders the answers of requests that may come back in any order: only the newest request's
 * answer may be applied, so a later answer is never overwritten by an earlier, slower one.
 */
export interface SequenceGuard {
  /** A new request: every earlier one is stale from now on. The check says whether it still is the newest. */
  start(): () => boolean;
  /** A request that extends the newest one (a list's next page): stale as soon as another one starts. */
  join(): () => boolean;
}

export function createSequenceGuard(): SequenceGuard {
  let newest = 0;
  return {
    start() {
      const mine = ++newest;
      return () => mine === newest;
    },
    join() {
      const mine = newest;
      return () => mine === newest;
    },
  };
}
