/**
 * Share of members holding a badge, in percent, from maintained counters (never counted per
 * request). Rounding: one decimal; an earned badge never reads 0% (at least 0.1), and a badge
 * not everyone has never reads 100% (at most 99.9) — both would be false on the wall.
 * 0 when there are no members or nobody has it.
 */
export function rarityPct(earnedCount: number, memberCount: number): number {
  if (!(memberCount > 0) || !(earnedCount > 0)) return 0;
  if (earnedCount >= memberCount) return 100;
  const pct = Math.round((earnedCount / memberCount) * 1000) / 10;
  return Math.min(99.9, Math.max(0.1, pct));
}

/** "仅 0.4% 的会员获得" / "12.5% 的会员已获得" / "还没有会员获得". */
export function rarityText(pct: number): string {
  if (pct <= 0) return '还没有会员获得';
  if (pct < 5) return `仅 ${pct}% 的会员获得`;
  return `${pct}% 的会员已获得`;
}
