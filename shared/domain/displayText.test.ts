import { hasUnsafeText, safeDisplayText } from './displayText';

describe('displayText', () => {
  const unsafe = ['\u0000', '\u0007', '\n', '\u007F', '\u0085', '\u061C', '\u200E', '\u200F', '\u2028', '\u2029'];
  const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it.each([...unsafe, ...bidi].map((c) => [`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    'refuses %s and strips it from stored text',
    (_name, c) => {
      expect(hasUnsafeText(`林${c}小满`)).toBe(true);
      expect(safeDisplayText(`林${c}小满${c}`)).toBe('林小满');
    },
  );

  it('keeps Chinese, emoji with joiners, spaces and punctuation', () => {
    for (const ok of ['林小满', 'Alex · 小林', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} 一家人', 'a\u200Cb', '（小满）！']) {
      expect(hasUnsafeText(ok)).toBe(false);
      expect(safeDisplayText(ok)).toBe(ok);
    }
  });
});
