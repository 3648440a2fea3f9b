import { drawPoster, posterImages, type PosterContext } from './draw';
import { posterLayout, posterTexts, POSTER_HEIGHT, POSTER_WIDTH } from './layout';

const input = {
  nickname: '小林',
  avatarUrl: 'https://x/avatar.png',
  tier: 'advanced' as const,
  tierName: '进阶层',
  qrUrl: 'https://x/qr.png',
  code: 'K7QM2XRT',
};

it('shows the member, the tier, the code and the mini-program code — and no reward wording', () => {
  const ops = posterLayout(input);
  const texts = posterTexts(ops).join(' ');
  expect(texts).toContain('小林');
  expect(texts).toContain('进阶层');
  expect(texts).toContain('K7QM2XRT');
  expect(texts).not.toMatch(/积分|奖励|红包|福利|领取|返现/);
  expect(posterImages(ops)).toEqual(['https://x/avatar.png', 'https://x/qr.png']);
  for (const op of ops) {
    if (op.kind === 'rect' || op.kind === 'image') {
      expect(op.x + op.w).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(op.y + op.h).toBeLessThanOrEqual(POSTER_HEIGHT);
    }
  }
});

it('without a mini-program code yet, shows a placeholder frame', () => {
  const ops = posterLayout({ ...input, qrUrl: null, avatarUrl: '' });
  expect(posterTexts(ops)).toContain('小程序码生成中');
  expect(posterImages(ops)).toEqual([]);
});

it('draws every step on a 2D context, with the initial when the avatar failed to load', () => {
  const log: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, prop: string) => {
      if (prop in target) return target[prop];
      if (prop === 'createLinearGradient') return () => ({ addColorStop: () => undefined });
      return (...args: unknown[]) => log.push(`${prop}:${args.filter((a) => typeof a === 'string').join(',')}`);
    },
    set: (target, prop: string, value) => {
      target[prop] = value;
      return true;
    },
  }) as unknown as PosterContext;
  drawPoster(
    ctx,
    posterLayout(input),
    new Map([
      ['https://x/qr.png', { width: 1 }],
      ['https://x/avatar.png', null],
    ]),
  );
  expect(log).toContain('fillText:小林');
  expect(log).toContain('fillText:小');
  expect(log.filter((l) => l.startsWith('drawImage'))).toHaveLength(1);
});
