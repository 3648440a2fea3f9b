/** localcloud's clock, ticking every second between overview refreshes (same machine, so real time + offset). */
import { useEffect, useState } from 'react';
import { useOverview } from '../overviewStore';

export function useLocalcloudNow(): { now: number; offsetMs: number } | null {
  const offsetMs = useOverview((s) => s.overview?.clockOffsetMs);
  // Re-render every second; the time itself is read at render, so a new offset shows at once.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (offsetMs === undefined) return null;
  return { now: Date.now() + offsetMs, offsetMs };
}
