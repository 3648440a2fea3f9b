import Taro from '@tarojs/taro';
import { drawPoster, posterImages, type PosterContext } from '@/features/poster/draw';
import { POSTER_HEIGHT, POSTER_WIDTH, type PosterOp } from '@/features/poster/layout';
import type { PosterSaveResult } from './poster';

export const SAVE_POSTER_LABEL = '保存到相册';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): PosterContext & { scale(x: number, y: number): void };
  createImage(): { src: string; onload: () => void; onerror: () => void };
}

function canvasNode(canvasId: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode } | null>) => {
        const node = res?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('poster canvas not found'));
      });
  });
}

function loadImage(canvas: CanvasNode, src: string): Promise<unknown | null> {
  return new Promise((resolve) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

export async function renderPoster(ops: PosterOp[], canvasId: string): Promise<string> {
  const canvas = await canvasNode(canvasId);
  const scale = Math.min(3, Taro.getWindowInfo().pixelRatio || 2);
  canvas.width = POSTER_WIDTH * scale;
  canvas.height = POSTER_HEIGHT * scale;
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  const sources = posterImages(ops);
  const loaded = await Promise.all(sources.map((s) => loadImage(canvas, s)));
  drawPoster(ctx, ops, new Map(sources.map((s, i) => [s, loaded[i]])));
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' });
  return tempFilePath;
}

export async function savePoster(image: string, _fileName?: string): Promise<PosterSaveResult> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: image });
    return 'saved';
  } catch (err) {
    const msg = (err as { errMsg?: string }).errMsg ?? '';
    if (/cancel/.test(msg)) return 'cancelled';
    if (/auth|deny|denied/.test(msg)) {
      const { confirm } = await Taro.showModal({
        title: '需要相册权限',
        content: '请在设置中允许保存到相册，再保存海报',
        confirmText: '去设置',
      });
      if (confirm) await Taro.openSetting();
      return 'denied';
    }
    throw err;
  }
}
