import { DEFAULT_SETTINGS } from '../content/settings';
import { birthdayGiftDue, birthdayText, isBirthday, isBirthdayMonth } from './birthday';

const settings = { ...DEFAULT_SETTINGS, birthday: { points: 88, growth: 20 } };
const sh = (wall: string) => `${wall.replace(' ', 'T')}+08:00`;

describe('birthday', () => {
  it('is a real day of the year, 29 February included', () => {
    for (const ok of ['01-01', '02-29', '12-31', '04-30']) expect(isBirthday(ok)).toBe(true);
    for (const bad of ['02-30', '04-31', '13-01', '00-10', '1-1', '2000-01-01', 101, null]) expect(isBirthday(bad)).toBe(false);
  });

  it('knows its month in Shanghai time', () => {
    expect(isBirthdayMonth('03-08', sh('2031-03-01 00:00:00'))).toBe(true);
    expect(isBirthdayMonth('03-08', '2031-02-28T16:00:00Z')).toBe(true); // 03-01 00:00 Shanghai
    expect(isBirthdayMonth('03-08', '2031-02-28T15:59:59Z')).toBe(false);
    expect(isBirthdayMonth(null, sh('2031-03-01 00:00:00'))).toBe(false);
    expect(birthdayText('03-08')).toBe('3月8日');
  });

  it('gives the gift in the birthday month, once a year, and not when none is configured', () => {
    const member = { birthday: '03-08', birthdayGift: null };
    expect(birthdayGiftDue(member, settings, sh('2031-03-20 12:00:00'))).toEqual({ year: 2031, points: 88, growth: 20 });
    expect(birthdayGiftDue(member, settings, sh('2031-04-01 00:00:00'))).toBeNull();
    const given = { ...member, birthdayGift: { year: 2031, points: 88, growth: 20, at: '2031-03-01T00:00:00.000Z' } };
    expect(birthdayGiftDue(given, settings, sh('2031-03-31 23:59:59'))).toBeNull();
    expect(birthdayGiftDue(given, settings, sh('2032-03-01 00:00:00'))).toMatchObject({ year: 2032 });
    expect(birthdayGiftDue(member, DEFAULT_SETTINGS, sh('2031-03-20 12:00:00'))).toBeNull();
    expect(birthdayGiftDue({ birthday: null, birthdayGift: null }, settings, sh('2031-03-20 12:00:00'))).toBeNull();
  });
});
