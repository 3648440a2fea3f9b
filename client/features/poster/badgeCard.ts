/**
 * The shareable badge card: the badge, its name, the day it was earned, its rarity, the member's
 * nickname and the mini-program code of the badge wall. It shows what was earned — no reward
 * wording, nothing to gain by sharing it.
 */
import type { BadgeRarity } from '@shared/content/ids';
import { BADGE_RARITY_NAMES } from '@shared/content/ids';
import { rarityText } from '@shared/domain/rarity';
import { rarityColors } from '@/styles/tokens';
import { POSTER_HEIGHT, POSTER_WIDTH, qrCodeOps, type PosterOp } from './layout';

export interface BadgeCardInput {
  nickname: string;
  avatarUrl: string;
  badge: { name: string; description: string; icon: string; rarity: BadgeRarity; rarityPct: number };
  /** "2026年11月20日". */
  earnedOn: string;
  qrUrl: string | null;
}

export const BADGE_CARD_COPY = {
  scan: '长按识别小程序码',
  scanHint: '看看我的徽章墙',
} as const;

export function badgeCardLayout(input: BadgeCardInput): PosterOp[] {
  const W = POSTER_WIDTH;
  const color = rarityColors[input.badge.rarity];
  const name = Array.from(input.nickname).slice(0, 12).join('') || '会员';
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, r: 0, fill: { from: '#2B2A3A', to: '#14131C' } },
    { kind: 'circle', cx: W / 2, cy: 300, r: 230, fill: `${color}22` },
    { kind: 'circle', cx: W / 2, cy: 300, r: 170, fill: `${color}33` },
    {
      kind: 'image',
      x: W / 2 - 28,
      y: 40,
      w: 56,
      h: 56,
      src: input.avatarUrl,
      round: true,
      fallback: { text: Array.from(name)[0] ?? '会', fill: '#3A3950', color: '#FFFFFF' },
    },
    {
      kind: 'text',
      x: W / 2,
      y: 132,
      text: `${name} 点亮了新徽章`,
      size: 24,
      color: 'rgba(255,255,255,0.8)',
      align: 'center',
      maxWidth: W - 80,
    },
    { kind: 'circle', cx: W / 2, cy: 300, r: 120, fill: color },
    { kind: 'circle', cx: W / 2, cy: 300, r: 108, fill: '#F6F1E7' },
    { kind: 'text', x: W / 2, y: 344, text: input.badge.icon, size: 112, color: '#1F1D1A', align: 'center' },
    {
      kind: 'text',
      x: W / 2,
      y: 490,
      text: input.badge.name,
      size: 46,
      color: '#FFFFFF',
      weight: 'bold',
      align: 'center',
      maxWidth: W - 60,
    },
    {
      kind: 'text',
      x: W / 2,
      y: 536,
      text: input.badge.description,
      size: 24,
      color: 'rgba(255,255,255,0.75)',
      align: 'center',
      maxWidth: W - 80,
    },
    { kind: 'rect', x: W / 2 - 170, y: 560, w: 340, h: 44, r: 22, fill: `${color}33` },
    {
      kind: 'text',
      x: W / 2,
      y: 590,
      text: `${BADGE_RARITY_NAMES[input.badge.rarity]} · ${rarityText(input.badge.rarityPct)}`,
      size: 22,
      color,
      weight: 'bold',
      align: 'center',
      maxWidth: 320,
    },
    { kind: 'text', x: W / 2, y: 640, text: `${input.earnedOn} 点亮`, size: 22, color: 'rgba(255,255,255,0.6)', align: 'center' },
    { kind: 'rect', x: 60, y: 676, w: W - 120, h: 250, r: 24, fill: '#FFFFFF' },
  ];
  ops.push(...qrCodeOps(input.qrUrl, 90, 706, 190));
  ops.push({ kind: 'text', x: 306, y: 770, text: BADGE_CARD_COPY.scan, size: 24, color: '#1F1D1A', weight: 'bold', maxWidth: 226 });
  ops.push({ kind: 'text', x: 306, y: 808, text: BADGE_CARD_COPY.scanHint, size: 24, color: '#1F1D1A', maxWidth: 226 });
  ops.push({ kind: 'text', x: 306, y: 850, text: '会员中心 · 徽章墙', size: 20, color: '#A39E95', maxWidth: 226 });
  return ops;
}
