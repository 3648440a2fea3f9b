import { badgeCardLayout } from './badgeCard';
import { posterImages } from './draw';
import { POSTER_HEIGHT, POSTER_WIDTH, posterTexts, type PosterOp } from './layout';
import { teamPosterLayout } from './teamPoster';

/** No card rewards sharing (WeChat's rule): none of these words may appear on one. */
const REWARD_WORDS = /积分|奖励|红包|福利|领取|返现|成长值/;

function inBounds(ops: PosterOp[]): void {
  for (const op of ops) {
    if (op.kind === 'rect' || op.kind === 'image') {
      expect(op.x).toBeGreaterThanOrEqual(0);
      expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(op.y + op.h).toBeLessThanOrEqual(POSTER_HEIGHT);
    }
  }
}

describe('the team poster', () => {
  const input = {
    nickname: '林小满',
    avatarUrl: 'https://x/a.png',
    challengeTitle: '冬日组队签到挑战',
    icon: '⛄',
    goal: '队员累计签到 60 次',
    meta: '2–5 人 · 11月23日–2月28日',
    code: 'K7QM2X',
    qrUrl: 'https://x/qr.png',
  };

  it('shows who invites to which challenge, the goal, the team code and the join page’s code — no reward wording', () => {
    const ops = teamPosterLayout(input);
    const texts = posterTexts(ops).join(' ');
    for (const t of ['林小满', '邀你一起组队', '冬日组队签到挑战', '队员累计签到 60 次', '队伍码 K7QM2X', '加入我的队伍'])
      expect(texts).toContain(t);
    expect(texts).not.toMatch(REWARD_WORDS);
    expect(posterImages(ops)).toEqual(['https://x/a.png', 'https://x/qr.png']);
    inBounds(ops);
  });

  it('frames a placeholder while the code cannot be drawn', () => {
    const ops = teamPosterLayout({ ...input, qrUrl: null });
    expect(posterTexts(ops)).toContain('小程序码生成中');
    expect(posterImages(ops)).toEqual(['https://x/a.png']);
  });
});

describe('the badge card', () => {
  const input = {
    nickname: '林小满',
    avatarUrl: '',
    badge: { name: '七日坚持', description: '连续签到 7 天', icon: '🔥', rarity: 'rare' as const, rarityPct: 3.2 },
    earnedOn: '2026年11月24日',
    qrUrl: 'https://x/wall.png',
  };

  it('shows the badge, the day, the rarity, the nickname and the badge wall’s code — no reward wording', () => {
    const ops = badgeCardLayout(input);
    const texts = posterTexts(ops).join(' ');
    for (const t of [
      '林小满 点亮了新徽章',
      '🔥',
      '七日坚持',
      '连续签到 7 天',
      '稀有 · 仅 3.2% 的会员获得',
      '2026年11月24日 点亮',
      '看看我的徽章墙',
    ])
      expect(texts).toContain(t);
    expect(texts).not.toMatch(REWARD_WORDS);
    // Without an avatar, the initial stands in.
    expect(posterTexts(ops)).toContain('林');
    expect(posterImages(ops)).toEqual(['https://x/wall.png']);
    inBounds(ops);
  });
});
