import type { Fill, PosterOp } from './layout';

/**
 * The part of a 2D context the poster uses: the browser's CanvasRenderingContext2D and
 * WeChat's Canvas 2D context both have it.
 */
export interface PosterContext {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  clip(): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(offset: number, color: string): void };
}

/** A loaded image, or null when it could not be loaded (the op's fallback is drawn). */
export type LoadedImages = Map<string, unknown | null>;

const FONT = "'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

function roundRect(ctx: PosterContext, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  if (r <= 0) {
    ctx.rect(x, y, w, h);
    return;
  }
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function fillStyle(ctx: PosterContext, fill: Fill, y: number, h: number): unknown {
  if (typeof fill === 'string') return fill;
  const g = ctx.createLinearGradient(0, y, 0, y + h);
  g.addColorStop(0, fill.from);
  g.addColorStop(1, fill.to);
  return g;
}

/** Draws the poster's steps in order. */
export function drawPoster(ctx: PosterContext, ops: PosterOp[], images: LoadedImages): void {
  ctx.textBaseline = 'alphabetic';
  for (const op of ops) {
    switch (op.kind) {
      case 'rect':
        ctx.fillStyle = fillStyle(ctx, op.fill, op.y, op.h);
        roundRect(ctx, op.x, op.y, op.w, op.h, op.r);
        ctx.fill();
        break;
      case 'circle':
        ctx.fillStyle = op.fill;
        ctx.beginPath();
        ctx.arc(op.cx, op.cy, op.r, 0, Math.PI * 2);
        ctx.fill();
        break;
      case 'text':
        ctx.fillStyle = op.color;
        ctx.font = `${op.weight === 'bold' ? 'bold ' : ''}${op.size}px ${FONT}`;
        ctx.textAlign = op.align ?? 'left';
        if (op.maxWidth) ctx.fillText(op.text, op.x, op.y, op.maxWidth);
        else ctx.fillText(op.text, op.x, op.y);
        break;
      case 'image': {
        const img = images.get(op.src);
        ctx.save();
        if (op.round) {
          ctx.beginPath();
          ctx.arc(op.x + op.w / 2, op.y + op.h / 2, op.w / 2, 0, Math.PI * 2);
          ctx.clip();
        }
        if (img) {
          ctx.drawImage(img as never, op.x, op.y, op.w, op.h);
        } else if (op.fallback) {
          ctx.fillStyle = op.fallback.fill;
          ctx.beginPath();
          ctx.rect(op.x, op.y, op.w, op.h);
          ctx.fill();
          ctx.fillStyle = op.fallback.color;
          ctx.font = `bold ${Math.round(op.h * 0.42)}px ${FONT}`;
          ctx.textAlign = 'center';
          ctx.fillText(op.fallback.text, op.x + op.w / 2, op.y + op.h * 0.64);
        }
        ctx.restore();
        break;
      }
    }
  }
}

/** The image sources a poster needs loaded. */
export function posterImages(ops: PosterOp[]): string[] {
  return [...new Set(ops.flatMap((op) => (op.kind === 'image' && op.src ? [op.src] : [])))];
}
