/**
 * A campaign's recap card as drawing steps (the invite poster's format and size): the member,
 * the campaign and its dates, the member's own figures, the badges they earned, and the
 * mini-program code. Like the invite poster it carries no reward wording — nothing promised for
 * sharing it; the figures are the member's own history.
 */
import type { TierId } from '@shared/content/ids';
import { colors, phaseColors } from '@/styles/tokens';
import { POSTER_HEIGHT, POSTER_WIDTH, type PosterOp } from './layout';

export interface RecapPosterInput {
  nickname: string;
  avatarUrl: string;
  tier: TierId;
  tierName: string;
  campaignTitle: string;
  /** `11月23日–12月20日`. */
  dates: string;
  checkins: number;
  points: number;
  growth: number;
  redemptions: number;
  badges: Array<{ icon: string; name: string }>;
  qrUrl: string | null;
}

export const RECAP_COPY = {
  kicker: '我的活动回顾',
  scanHint: '长按识别小程序码，来会员中心看看',
  noQr: '会员中心',
} as const;

function stat(x: number, y: number, value: string, label: string): PosterOp[] {
  return [
    { kind: 'text', x, y, text: value, size: 44, color: colors.primaryDeep, weight: 'bold', align: 'center' },
    { kind: 'text', x, y: y + 36, text: label, size: 20, color: colors.text2, align: 'center' },
  ];
}

export function recapPosterLayout(input: RecapPosterInput): PosterOp[] {
  const W = POSTER_WIDTH;
  const name = Array.from(input.nickname).slice(0, 12).join('') || '会员';
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, r: 0, fill: colors.bg },
    { kind: 'rect', x: 0, y: 0, w: W, h: 420, r: 0, fill: phaseColors.recap },
    { kind: 'circle', cx: W - 40, cy: 60, r: 130, fill: 'rgba(255,255,255,0.07)' },
    { kind: 'circle', cx: 60, cy: 380, r: 80, fill: 'rgba(255,255,255,0.05)' },
    { kind: 'text', x: W / 2, y: 70, text: RECAP_COPY.kicker, size: 24, color: 'rgba(255,255,255,0.85)', align: 'center' },
    {
      kind: 'text',
      x: W / 2,
      y: 128,
      text: `「${input.campaignTitle}」`,
      size: 44,
      color: '#FFFFFF',
      weight: 'bold',
      align: 'center',
      maxWidth: W - 60,
    },
    { kind: 'text', x: W / 2, y: 170, text: input.dates, size: 22, color: 'rgba(255,255,255,0.8)', align: 'center' },
    { kind: 'circle', cx: W / 2, cy: 262, r: 56, fill: 'rgba(255,255,255,0.9)' },
    {
      kind: 'image',
      x: W / 2 - 50,
      y: 212,
      w: 100,
      h: 100,
      src: input.avatarUrl,
      round: true,
      fallback: { text: Array.from(name)[0] ?? '会', fill: colors.primarySoft, color: colors.primaryDeep },
    },
    { kind: 'text', x: W / 2, y: 360, text: name, size: 32, color: '#FFFFFF', weight: 'bold', align: 'center', maxWidth: W - 80 },
    { kind: 'text', x: W / 2, y: 396, text: input.tierName, size: 20, color: 'rgba(255,255,255,0.85)', align: 'center' },
    { kind: 'rect', x: 40, y: 450, w: W - 80, h: 230, r: 24, fill: '#FFFFFF' },
    ...stat(W / 4 + 10, 520, String(input.checkins), '签到天数'),
    ...stat((W * 3) / 4 - 10, 520, String(input.growth), '成长值'),
    ...stat(W / 4 + 10, 620, String(input.points), '积分'),
    ...stat((W * 3) / 4 - 10, 620, String(input.redemptions), '兑换福利'),
  ];
  const shown = input.badges.slice(0, 4);
  if (shown.length) {
    ops.push({
      kind: 'text',
      x: W / 2,
      y: 720,
      text: shown.map((b) => `${b.icon} ${b.name}`).join('  '),
      size: 22,
      color: colors.text,
      align: 'center',
      maxWidth: W - 60,
    });
  }
  if (input.qrUrl) {
    ops.push({ kind: 'image', x: W / 2 - 80, y: 750, w: 160, h: 160, src: input.qrUrl, round: false });
  } else {
    ops.push({ kind: 'rect', x: W / 2 - 80, y: 750, w: 160, h: 160, r: 16, fill: colors.surfaceMuted });
    ops.push({ kind: 'text', x: W / 2, y: 838, text: RECAP_COPY.noQr, size: 22, color: colors.text3, align: 'center' });
  }
  ops.push({ kind: 'text', x: W / 2, y: 940, text: RECAP_COPY.scanHint, size: 20, color: colors.text3, align: 'center' });
  return ops;
}
