import type { CalendarDay } from '@shared/contracts/checkin';
import { displayedStreak } from '@shared/domain/checkinStreak';
import { dayOf, daysInMonth } from '@shared/time/shanghai';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { checkinsOn } from './checkins';

/** `checkin.calendar` — the days of a month the member checked in, with each day's streak and reward. Round trips: the member, the month's check-ins (2). */
export const calendar = contractAction('checkin', 'calendar', async ({ month }, ctx: RequestContext) => {
  const { openid, now, member, services } = ctx;
  const days = Array.from({ length: daysInMonth(month) }, (_d, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const docs = await checkinsOn(services.db, openid, days);
  const list: CalendarDay[] = docs.map((d) => ({
    date: d.date,
    streak: d.streak,
    points: d.points,
    growth: d.growth,
    bonus: d.bonus === true,
  }));
  const today = dayOf(now);
  return {
    month,
    today,
    days: list,
    streak: { ...member.streak, current: displayedStreak(member.streak, today) },
    checkedInToday: member.streak.lastDate === today,
    totals: {
      days: list.length,
      points: list.reduce((s, d) => s + d.points, 0),
      growth: list.reduce((s, d) => s + d.growth, 0),
    },
  };
});
