/** The birthday field's words and picker columns (month, day; no year: only the month matters). */
import { birthdayText as text } from '@shared/domain/birthday';
import { isMonthDay } from '@shared/domain/monthDay';

export const BIRTHDAY_MONTHS = Array.from({ length: 12 }, (_v, i) => `${i + 1}月`);
export const BIRTHDAY_DAYS = Array.from({ length: 31 }, (_v, i) => `${i + 1}日`);

/** `3月8日`. */
export const birthdayText = text;

/** `MM-DD` of the picker's [month index, day index]; the day is clipped to the month (2月31日 → 2月29日). */
export function birthdayFromPicker([month, day]: number[]): string {
  const mm = String(Math.min(11, Math.max(0, month ?? 0)) + 1).padStart(2, '0');
  for (let d = Math.min(30, Math.max(0, day ?? 0)) + 1; d >= 1; d--) {
    const value = `${mm}-${String(d).padStart(2, '0')}`;
    if (isMonthDay(value)) return value;
  }
  return `${mm}-01`;
}
