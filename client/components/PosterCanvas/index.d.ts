import type { ReactElement } from 'react';
import type { PosterCanvasProps } from './types';

export type { PosterCanvasProps };

/** weapp: the hidden 2D canvas the poster is drawn on; H5: nothing (an off-screen canvas is used). */
export declare function PosterCanvas(props: PosterCanvasProps): ReactElement | null;
