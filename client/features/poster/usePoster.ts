import { useState } from 'react';
import Taro from '@tarojs/taro';
import { renderPoster, savePoster } from '@/platform/poster';
import type { PosterOp } from './layout';

export interface PosterState {
  open: boolean;
  /** The drawn image (a temp file in WeChat, a data URL in a browser); null while drawing. */
  src: string | null;
  busy: boolean;
}

/**
 * A poster on a page: draw it from its steps (`make`), show it in a sheet, save it to the album
 * (WeChat) or download it (browser). `canvasId` is the page's `<PosterCanvas id>`.
 */
export function usePoster(canvasId: string, fileName: string) {
  const [state, setState] = useState<PosterState>({ open: false, src: null, busy: false });

  const make = async (steps: () => PosterOp[] | Promise<PosterOp[]>) => {
    if (state.busy) return;
    setState({ open: true, src: null, busy: true });
    try {
      const src = await renderPoster(await steps(), canvasId);
      setState({ open: true, src, busy: false });
    } catch {
      setState({ open: false, src: null, busy: false });
      void Taro.showToast({ title: '海报生成失败，请重试', icon: 'none' });
    }
  };

  const save = async () => {
    if (!state.src) return;
    try {
      const result = await savePoster(state.src, fileName);
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
      if (result === 'downloaded') void Taro.showToast({ title: '海报已下载', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
    }
  };

  const close = () => setState({ open: false, src: state.src, busy: false });

  return { ...state, make, save, close };
}
