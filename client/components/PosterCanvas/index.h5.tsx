import type { PosterCanvasProps } from './types';

export function PosterCanvas(_props: PosterCanvasProps) {
  return null;
}
