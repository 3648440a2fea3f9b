/** localcloud's clock, ticking every second between overview refreshes (same machine, so real time + offset). */
import { useEffect, useState } from 'react';
import { useOverview } from '../overviewStore';

export function useLocalcloudNow(): { now: number; offsetMs: number } | null {
  const offsetMs = useOverview((s) => s.overview?.clockOffsetMs);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (offsetMs === undefined) return null;
  return { now: tick + offsetMs, offsetMs };
}
