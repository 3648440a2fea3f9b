import { posterImages } from './draw';
import { POSTER_HEIGHT, POSTER_WIDTH, posterTexts } from './layout';
import { recapPosterLayout } from './recapLayout';

const input = {
  nickname: '林小满',
  avatarUrl: 'https://x/avatar.png',
  tier: 'basic' as const,
  tierName: '基础层',
  campaignTitle: '会员感恩季',
  dates: '11月23日–12月20日',
  checkins: 8,
  points: 160,
  growth: 120,
  redemptions: 1,
  badges: [{ icon: '🧡', name: '感恩季同行' }],
  qrUrl: 'https://x/qr.png',
};

it('shows the member’s own figures and badges, the campaign and the mini-program code — and nothing promised for sharing', () => {
  const ops = recapPosterLayout(input);
  const texts = posterTexts(ops).join(' ');
  for (const s of ['林小满', '「会员感恩季」', '11月23日–12月20日', '8', '160', '120', '🧡 感恩季同行', '签到天数'])
    expect(texts).toContain(s);
  expect(texts).not.toMatch(/分享|转发|奖励|红包|领取|返现|好友/);
  expect(posterImages(ops)).toEqual(['https://x/avatar.png', 'https://x/qr.png']);
  for (const op of ops) {
    if (op.kind === 'rect' || op.kind === 'image') {
      expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(op.y + op.h).toBeLessThanOrEqual(POSTER_HEIGHT);
    }
  }
});

it('without a mini-program code, a plain frame', () => {
  const ops = recapPosterLayout({ ...input, qrUrl: null, badges: [] });
  expect(posterTexts(ops)).toContain('会员中心');
  expect(posterImages(ops)).toEqual(['https://x/avatar.png']);
});
