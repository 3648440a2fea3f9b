export interface PosterCanvasProps {
  /** The id `renderPoster` draws on. */
  id: string;
}
