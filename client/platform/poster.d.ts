import type { PosterOp } from '@/features/poster/layout';

/**
 * Draws a poster (the invite poster, a campaign's recap card) and keeps it: in WeChat on the page's hidden 2D canvas
 * (`<PosterCanvas id>`), exported to a temp file and saved to the photo album; in a browser on
 * an off-screen canvas, exported as a PNG data URL and downloaded.
 */
export declare function renderPoster(ops: PosterOp[], canvasId: string): Promise<string>;

export type PosterSaveResult = 'saved' | 'downloaded' | 'denied' | 'cancelled';

/** Saves what `renderPoster` returned (`fileName`: the download's name in a browser). */
export declare function savePoster(image: string, fileName?: string): Promise<PosterSaveResult>;

/** The button label for saving on this platform. */
export declare const SAVE_POSTER_LABEL: string;
