import type { SettingsDoc } from '../content/settings';
import { monthOf, yearOf, type Instant } from '../time/shanghai';
import type { BirthdayGift } from './member';
import { isMonthDay } from './monthDay';

/**
 * 生日特权. A member sets their birthday once (`MM-DD`, no year: we need the month, not their
 * age); changing it later is an ops action, audited. In the birthday month (Shanghai) packs that
 * require it open, and the gift of `settings.birthday` is credited once per calendar year, on the
 * first visit of that month — the year of the last gift, kept on the member document, makes it
 * once without any read outside the birthday month.
 */
export const isBirthday = isMonthDay;

/** Whether `now` falls in the birthday's month (Shanghai); false without a birthday. */
export function isBirthdayMonth(birthday: string | null, now: Instant): boolean {
  return birthday !== null && monthOf(now).slice(5, 7) === birthday.slice(0, 2);
}

export interface DueBirthdayGift {
  year: number;
  points: number;
  growth: number;
}

/** The gift to credit now, or null (no birthday, not its month, no gift configured, or already credited this year). */
export function birthdayGiftDue(
  member: { birthday: string | null; birthdayGift: BirthdayGift | null },
  settings: Pick<SettingsDoc, 'birthday'>,
  now: Instant,
): DueBirthdayGift | null {
  const { points, growth } = settings.birthday;
  if (points <= 0 && growth <= 0) return null;
  if (!isBirthdayMonth(member.birthday, now)) return null;
  const year = yearOf(now);
  if (member.birthdayGift?.year === year) return null;
  return { year, points, growth };
}

/** "3月8日". */
export function birthdayText(birthday: string): string {
  return `${Number(birthday.slice(0, 2))}月${Number(birthday.slice(3, 5))}日`;
}
