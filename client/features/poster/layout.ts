/**
 * The invite poster as a list of drawing steps, independent of any canvas: the member's avatar
 * and name, their tier, a line of copy, the mini-program code and the invite code. By WeChat's
 * rules it carries no reward wording (nothing about points or gifts for inviting).
 */
import type { TierId } from '@shared/content/ids';
import { colors, tierColor } from '@/styles/tokens';

export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 960;

export type Fill = string | { from: string; to: string };

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number; fill: Fill }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      weight?: 'normal' | 'bold';
      align?: 'left' | 'center';
      maxWidth?: number;
    }
  | {
      kind: 'image';
      x: number;
      y: number;
      w: number;
      h: number;
      src: string;
      round: boolean;
      fallback?: { text: string; fill: string; color: string };
    };

export interface PosterInput {
  nickname: string;
  avatarUrl: string;
  tier: TierId;
  tierName: string;
  tierColor?: string;
  /** The mini-program code image (from `invite.card`); a placeholder frame when null. */
  qrUrl: string | null;
  code: string;
}

export const POSTER_COPY = {
  headline: '邀你一起加入会员社群',
  features: '每日签到 · 会员徽章 · 能力成长树',
  scanHint: '长按识别或扫码，一起来',
  noQr: '小程序码生成中',
} as const;

export function posterLayout(input: PosterInput): PosterOp[] {
  const W = POSTER_WIDTH;
  const tint = tierColor(input.tier, input.tierColor);
  const name = Array.from(input.nickname).slice(0, 12).join('') || '会员';
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, r: 0, fill: colors.bg },
    { kind: 'rect', x: 0, y: 0, w: W, h: 470, r: 0, fill: { from: colors.primary, to: colors.primaryDeep } },
    { kind: 'circle', cx: W - 60, cy: 70, r: 120, fill: 'rgba(255,255,255,0.06)' },
    { kind: 'circle', cx: 40, cy: 420, r: 90, fill: 'rgba(255,255,255,0.05)' },
    { kind: 'circle', cx: W / 2, cy: 150, r: 70, fill: 'rgba(255,255,255,0.9)' },
    {
      kind: 'image',
      x: W / 2 - 64,
      y: 86,
      w: 128,
      h: 128,
      src: input.avatarUrl,
      round: true,
      fallback: { text: Array.from(name)[0] ?? '会', fill: colors.primarySoft, color: colors.primaryDeep },
    },
    { kind: 'text', x: W / 2, y: 268, text: name, size: 36, color: '#FFFFFF', weight: 'bold', align: 'center', maxWidth: W - 80 },
    { kind: 'rect', x: W / 2 - 70, y: 298, w: 140, h: 44, r: 22, fill: tint },
    { kind: 'text', x: W / 2, y: 328, text: input.tierName, size: 22, color: '#FFFFFF', weight: 'bold', align: 'center' },
    { kind: 'text', x: W / 2, y: 400, text: POSTER_COPY.headline, size: 30, color: '#FFFFFF', weight: 'bold', align: 'center' },
    { kind: 'text', x: W / 2, y: 442, text: POSTER_COPY.features, size: 22, color: 'rgba(255,255,255,0.78)', align: 'center' },
    { kind: 'rect', x: 40, y: 510, w: W - 80, h: 410, r: 24, fill: '#FFFFFF' },
  ];
  ops.push(...qrCodeOps(input.qrUrl, W / 2 - 130, 540, 260));
  ops.push({ kind: 'text', x: W / 2, y: 846, text: POSTER_COPY.scanHint, size: 24, color: colors.text, align: 'center' });
  ops.push({ kind: 'text', x: W / 2, y: 886, text: `邀请码 ${input.code}`, size: 22, color: colors.text3, align: 'center' });
  return ops;
}

/** The mini-program code at (x, y), `size` square — or, while it cannot be drawn, a framed placeholder that says so. */
export function qrCodeOps(qrUrl: string | null, x: number, y: number, size: number): PosterOp[] {
  if (qrUrl) return [{ kind: 'image', x, y, w: size, h: size, src: qrUrl, round: false }];
  return [
    { kind: 'rect', x, y, w: size, h: size, r: 16, fill: colors.surfaceMuted },
    {
      kind: 'text',
      x: x + size / 2,
      y: y + size / 2 + 8,
      text: POSTER_COPY.noQr,
      size: size >= 240 ? 22 : 18,
      color: colors.text3,
      align: 'center',
    },
  ];
}

/** Every text the poster shows (tests check it for reward wording). */
export function posterTexts(ops: PosterOp[]): string[] {
  return ops.flatMap((op) => (op.kind === 'text' ? [op.text] : op.kind === 'image' && op.fallback ? [op.fallback.text] : []));
}
