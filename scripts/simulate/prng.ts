/**
 * A small seeded generator (mulberry32): the same seed gives the same members, personas and
 * choices, so a run can be repeated. Never Math.random (STYLE.md). Each member draws from its own
 * stream (seeded by the run seed and the member's number), so the order in which concurrent
 * answers come back does not change what a member decides.
 */
export interface Rng {
  /** 0 ≤ x < 1. */
  next(): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** A stream of its own for member `n` of the run seeded `seed` (hash mixing, so neighbours differ). */
export function memberRng(seed: number, n: number): Rng {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}
