import { atMinute } from '../time/shanghai';
import { clip, fitsKind, keywordType, keywordValue, templateData } from './templateFields';

describe('template keywords', () => {
  it('knows a keyword by its type and number', () => {
    expect(keywordType('thing1')).toBe('thing');
    expect(keywordType('character_string12')).toBe('character_string');
    expect(keywordType('thing0')).toBeNull();
    expect(keywordType('amount1')).toBeNull();
    expect(keywordType('thing')).toBeNull();
  });

  it('lets text fill only a thing, and a date no number', () => {
    expect(fitsKind('text', 'thing')).toBe(true);
    expect(fitsKind('text', 'phrase')).toBe(false);
    expect(fitsKind('date', 'number')).toBe(false);
    expect(fitsKind('code', 'character_string')).toBe(true);
  });
});

describe('values within WeChat limits', () => {
  it('clips a thing to 20 characters with an ellipsis, never splitting an emoji', () => {
    const long = '感恩季限定礼盒🎁感恩季限定礼盒🎁感恩季限定礼盒';
    const out = keywordValue('thing', { kind: 'text', text: long });
    expect([...out]).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
    expect(clip('a\nb\u0000c', 20)).toBe('a b c');
    expect(keywordValue('thing', { kind: 'text', text: '   ' })).toBe('—');
  });

  it('keeps only Chinese characters in a phrase, at most 5', () => {
    expect(keywordValue('phrase', { kind: 'phrase', text: '即将到期啦了吧' })).toBe('即将到期啦');
    expect(keywordValue('phrase', { kind: 'phrase', text: 'soon' })).toBe('提醒');
  });

  it('writes times and dates in Shanghai time', () => {
    const at = atMinute('2026-11-30', 23 * 60 + 59);
    expect(keywordValue('time', { kind: 'time', at })).toBe('2026年11月30日 23:59');
    expect(keywordValue('thing', { kind: 'time', at })).toBe('11月30日 23:59');
    expect(keywordValue('date', { kind: 'date', day: '2026-12-03' })).toBe('2026年12月3日');
  });

  it('writes numbers as digits and codes as printable ASCII', () => {
    expect(keywordValue('number', { kind: 'number', n: 7.4 })).toBe('7');
    expect(keywordValue('number', { kind: 'number', n: -3 })).toBe('0');
    expect(keywordValue('character_string', { kind: 'code', text: 'K7QM-2XRT 9PAB' })).toBe('K7QM-2XRT9PAB');
  });

  it('fills each mapped keyword and skips a name with no value', () => {
    expect(
      templateData(
        { thing1: 'pack', number2: 'count', thing3: 'missing' },
        { pack: { kind: 'text', text: '礼盒' }, count: { kind: 'number', n: 2 } },
      ),
    ).toEqual({ thing1: { value: '礼盒' }, number2: { value: '2' } });
  });
});
