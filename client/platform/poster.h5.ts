import { drawPoster, posterImages, type PosterContext } from '@/features/poster/draw';
import { POSTER_HEIGHT, POSTER_WIDTH, type PosterOp } from '@/features/poster/layout';
import type { PosterSaveResult } from './poster';

export const SAVE_POSTER_LABEL = '下载海报';

const SCALE = 2;

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new window.Image();
    img.crossOrigin = 'anonymous';
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

export async function renderPoster(ops: PosterOp[], _canvasId: string): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH * SCALE;
  canvas.height = POSTER_HEIGHT * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.scale(SCALE, SCALE);
  const sources = posterImages(ops);
  const loaded = await Promise.all(sources.map(loadImage));
  drawPoster(ctx as unknown as PosterContext, ops, new Map(sources.map((s, i) => [s, loaded[i]])));
  return canvas.toDataURL('image/png');
}

export async function savePoster(image: string, fileName = '邀请海报.png'): Promise<PosterSaveResult> {
  const a = document.createElement('a');
  a.href = image;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return 'downloaded';
}
