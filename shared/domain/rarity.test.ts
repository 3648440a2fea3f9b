import fc from 'fast-check';
import { rarityPct, rarityText } from './rarity';

describe('rarityPct', () => {
  it('is 0 with no members or nobody holding it', () => {
    expect(rarityPct(0, 0)).toBe(0);
    expect(rarityPct(5, 0)).toBe(0);
    expect(rarityPct(0, 100)).toBe(0);
  });

  it('rounds to one decimal', () => {
    expect(rarityPct(1, 3)).toBe(33.3);
    expect(rarityPct(2, 3)).toBe(66.7);
    expect(rarityPct(125, 1000)).toBe(12.5);
  });

  it('never shows 0% for a badge someone has, nor 100% for one someone lacks', () => {
    expect(rarityPct(1, 100000)).toBe(0.1);
    expect(rarityPct(99999, 100000)).toBe(99.9);
    expect(rarityPct(10, 10)).toBe(100);
  });

  it('stays in (0, 100] whenever someone holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const [earned, members] = a <= b ? [a, b] : [b, a];
        const pct = rarityPct(earned, members);
        expect(pct).toBeGreaterThan(0);
        expect(pct).toBeLessThanOrEqual(100);
        expect(pct === 100).toBe(earned === members);
      }),
    );
  });

  it('words rarity for the wall', () => {
    expect(rarityText(0)).toBe('还没有会员获得');
    expect(rarityText(0.4)).toBe('仅 0.4% 的会员获得');
    expect(rarityText(12.5)).toBe('12.5% 的会员已获得');
  });
});
