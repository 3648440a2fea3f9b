import { Canvas } from '@tarojs/components';
import type { PosterCanvasProps } from './types';

export function PosterCanvas({ id }: PosterCanvasProps) {
  return <Canvas type="2d" id={id} className="mc-poster-canvas" />;
}
