import { formatDateTime, formatDay, formatNumber, formatOpening, formatUntil, shanghaiClock, signed } from './format';

it('shows instants in Shanghai time, whatever the phone says', () => {
  // 2026-11-23 16:30 UTC is already the 24th in Shanghai.
  expect(shanghaiClock('2026-11-23T16:30:00.000Z')?.date).toBe('2026-11-24');
  expect(formatDateTime('2026-11-23T16:30:00.000Z')).toBe('11月24日 00:30');
  expect(formatDay('2027-01-02T02:00:00.000Z', 2026)).toBe('2027年1月2日');
  expect(formatDay('not a date')).toBe('');
});

it('a voucher is good until the minute before it expires', () => {
  expect(formatUntil('2026-12-06T16:00:00.000Z')).toBe('12月6日 23:59');
});

it('opening times relative to now', () => {
  const now = Date.parse('2026-11-23T15:00:00.000Z'); // 23:00 Monday
  expect(formatOpening('2026-11-24T03:30:00.000Z', now)).toBe('明天 11:30');
});

it('numbers', () => {
  expect(formatNumber(1280)).toBe('1,280');
  expect(formatNumber(-1000000)).toBe('-1,000,000');
  expect(signed(10)).toBe('+10');
  expect(signed(-80)).toBe('-80');
});
