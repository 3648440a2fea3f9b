/** Loads something from the console API, optionally again every `intervalMs`, and on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api';

export interface Polled<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): Promise<void>;
}

export function usePolled<T>(fetcher: () => Promise<T>, intervalMs: number | null, deps: readonly unknown[] = []): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(fetcher);
  latest.current = fetcher;

  const reload = useCallback(async () => {
    try {
      const value = await latest.current();
      setData(value);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setLoading(true);
    void reload();
    if (intervalMs === null) return undefined;
    const timer = window.setInterval(() => void reload(), intervalMs);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what the fetcher reads
  }, [reload, intervalMs, ...deps]);

  return { data, error, loading, reload };
}
