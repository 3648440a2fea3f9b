import { codeExpiresAt, codeRefreshAt, codeWindow, formatMemberCode, MEMBER_CODE_RE, normalizeMemberCode } from './memberCode';

describe('member code windows', () => {
  it('lives 60 s from the start of its 30 s window and is replaced after 30 s', () => {
    const now = Date.parse('2026-11-23T02:00:10.500Z');
    const w = codeWindow(now);
    expect(new Date(codeRefreshAt(w)).toISOString()).toBe('2026-11-23T02:00:30.000Z');
    expect(new Date(codeExpiresAt(w)).toISOString()).toBe('2026-11-23T02:01:00.000Z');
    expect(codeWindow(now + 19_499)).toBe(w);
    expect(codeWindow(now + 19_500)).toBe(w + 1);
  });

  it('reads a code typed with spaces or dashes, and prints it in fours', () => {
    expect(normalizeMemberCode('1234 5678-9012 3456 78')).toBe('123456789012345678');
    expect(MEMBER_CODE_RE.test('123456789012345678')).toBe(true);
    expect(MEMBER_CODE_RE.test('12345678901234567')).toBe(false);
    expect(formatMemberCode('123456789012345678')).toBe('1234 5678 9012 3456 78');
  });
});
