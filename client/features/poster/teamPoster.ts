/**
 * The team poster: who invites to which challenge, what the team sets out to do, and the
 * mini-program code of the team's join page. Like every card, it carries no reward wording: a
 * team's reward comes from its members' own activity, never from sharing (WeChat's rules).
 */
import { colors } from '@/styles/tokens';
import { POSTER_HEIGHT, POSTER_WIDTH, qrCodeOps, type PosterOp } from './layout';

export interface TeamPosterInput {
  nickname: string;
  avatarUrl: string;
  challengeTitle: string;
  icon: string;
  /** "队员累计签到 60 次". */
  goal: string;
  /** "2–5 人 · 11月23日–2月28日". */
  meta: string;
  code: string;
  qrUrl: string | null;
}

export const TEAM_POSTER_COPY = {
  invite: '邀你一起组队',
  scanHint: '长按识别或扫码，加入我的队伍',
  together: '每个人的坚持，汇成队伍的进度',
} as const;

export function teamPosterLayout(input: TeamPosterInput): PosterOp[] {
  const W = POSTER_WIDTH;
  const name = Array.from(input.nickname).slice(0, 12).join('') || '会员';
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, r: 0, fill: colors.bg },
    { kind: 'rect', x: 0, y: 0, w: W, h: 520, r: 0, fill: { from: '#2B6F8F', to: colors.primaryDeep } },
    { kind: 'circle', cx: W - 40, cy: 60, r: 140, fill: 'rgba(255,255,255,0.07)' },
    { kind: 'circle', cx: 60, cy: 470, r: 110, fill: 'rgba(255,255,255,0.05)' },
    {
      kind: 'image',
      x: 40,
      y: 44,
      w: 72,
      h: 72,
      src: input.avatarUrl,
      round: true,
      fallback: { text: Array.from(name)[0] ?? '会', fill: colors.primarySoft, color: colors.primaryDeep },
    },
    { kind: 'text', x: 128, y: 76, text: name, size: 28, color: '#FFFFFF', weight: 'bold', maxWidth: W - 170 },
    { kind: 'text', x: 128, y: 108, text: TEAM_POSTER_COPY.invite, size: 22, color: 'rgba(255,255,255,0.8)' },
    { kind: 'circle', cx: W / 2, cy: 236, r: 82, fill: 'rgba(255,255,255,0.92)' },
    { kind: 'text', x: W / 2, y: 272, text: input.icon, size: 96, color: colors.text, align: 'center' },
    {
      kind: 'text',
      x: W / 2,
      y: 380,
      text: input.challengeTitle,
      size: 40,
      color: '#FFFFFF',
      weight: 'bold',
      align: 'center',
      maxWidth: W - 60,
    },
    { kind: 'text', x: W / 2, y: 428, text: input.goal, size: 24, color: 'rgba(255,255,255,0.88)', align: 'center', maxWidth: W - 60 },
    { kind: 'text', x: W / 2, y: 470, text: input.meta, size: 22, color: 'rgba(255,255,255,0.7)', align: 'center', maxWidth: W - 60 },
    { kind: 'rect', x: 40, y: 556, w: W - 80, h: 370, r: 24, fill: '#FFFFFF' },
  ];
  ops.push(...qrCodeOps(input.qrUrl, W / 2 - 110, 580, 220));
  ops.push({ kind: 'text', x: W / 2, y: 832, text: TEAM_POSTER_COPY.scanHint, size: 24, color: colors.text, align: 'center' });
  ops.push({ kind: 'text', x: W / 2, y: 868, text: `队伍码 ${input.code}`, size: 22, color: colors.text3, align: 'center' });
  ops.push({ kind: 'text', x: W / 2, y: 904, text: TEAM_POSTER_COPY.together, size: 20, color: colors.text3, align: 'center' });
  return ops;
}
