/**
 * A stand-in for `@tarojs/taro` in unit tests: `jest.mock('@tarojs/taro', () => require('@/testing/taro'))`.
 * Storage is in memory, toasts and navigation are recorded, page hooks run their callback
 * once on mount (useLoad / useDidShow), when the test scrolls (`reachBottom()`) or never
 * (pull-down, share).
 */
import { useEffect, useRef } from 'react';

export const calls = {
  toasts: [] as string[],
  navigations: [] as string[],
  clipboard: [] as string[],
};

const storage = new Map<string, unknown>();

export function resetTaro(): void {
  calls.toasts.length = 0;
  calls.navigations.length = 0;
  calls.clipboard.length = 0;
  storage.clear();
  router.params = {};
}

export const router: { params: Record<string, string | undefined> } = { params: {} };

const Taro = {
  pxTransform: (n: number) => `${n / 2}px`,
  showToast: async ({ title }: { title: string }) => {
    calls.toasts.push(title);
  },
  showModal: async () => ({ confirm: true, cancel: false }),
  navigateTo: async ({ url }: { url: string }) => {
    calls.navigations.push(url);
  },
  reLaunch: async ({ url }: { url: string }) => {
    calls.navigations.push(url);
  },
  redirectTo: async ({ url }: { url: string }) => {
    calls.navigations.push(url);
  },
  stopPullDownRefresh: () => undefined,
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value);
  },
  setClipboardData: async ({ data }: { data: string }) => {
    calls.clipboard.push(data);
  },
};

export default Taro;

function useOnce(cb: () => unknown) {
  const first = useRef(cb);
  useEffect(() => void first.current(), []);
}

export const useLoad = useOnce;
export const useDidShow = useOnce;
export const useReady = useOnce;
export function usePullDownRefresh(_cb: () => unknown): void {}
const reachBottomHandlers = new Set<() => unknown>();

/** The member scrolled to the bottom of the page: every mounted `useReachBottom` runs. */
export function reachBottom(): void {
  reachBottomHandlers.forEach((handler) => handler());
}

export function useReachBottom(cb: () => unknown): void {
  const latest = useRef(cb);
  latest.current = cb;
  useEffect(() => {
    const handler = () => latest.current();
    reachBottomHandlers.add(handler);
    return () => {
      reachBottomHandlers.delete(handler);
    };
  }, []);
}
export function useShareAppMessage(_cb: () => unknown): void {}
export function useRouter() {
  return { params: router.params, path: '' };
}
