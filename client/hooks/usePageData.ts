import { useRef } from 'react';
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro';

/**
 * A page's data: loaded when the page opens, refreshed quietly when the member comes back to
 * it (e.g. after redeeming on another page), and on pull-down.
 */
export function usePageData(load: (options: { quiet: boolean }) => Promise<unknown> | void): void {
  const shown = useRef(false);
  useLoad(() => {
    void load({ quiet: false });
  });
  useDidShow(() => {
    if (shown.current) void load({ quiet: true });
    shown.current = true;
  });
  usePullDownRefresh(async () => {
    try {
      await load({ quiet: true });
    } finally {
      Taro.stopPullDownRefresh();
    }
  });
}
