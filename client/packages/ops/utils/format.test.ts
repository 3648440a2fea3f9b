import { count, liftText, meanOf, percent, yuan } from './format';

describe('dashboard number formats', () => {
  it('writes shares as percentages and a missing figure as a dash', () => {
    expect(percent(0.4251)).toBe('42.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });

  it('groups thousands', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(count(12)).toBe('12');
  });

  it('writes fen as yuan', () => {
    expect(yuan(123_450)).toBe('¥1,234.50');
    expect(yuan(42_000)).toBe('¥420');
    expect(yuan(5)).toBe('¥0.05');
  });

  it('averages the figures that exist', () => {
    expect(meanOf([0.5, null, 0.25])).toBe(0.375);
    expect(meanOf([null])).toBeNull();
  });

  it('writes a campaign lift with its sign', () => {
    expect(liftText(0.5)).toBe('+50%');
    expect(liftText(-0.125)).toBe('-12.5%');
    expect(liftText(0)).toBe('0%');
    expect(liftText(null)).toBe('—');
  });
});
