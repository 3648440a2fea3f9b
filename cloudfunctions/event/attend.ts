import type { EventDoc } from '@shared/content/events';
import type { AttendData } from '@shared/contracts/event';
import { checkInWindow, isCheckInOpen } from '@shared/domain/offlineEvents';
import { AppError } from '@shared/errors';
import { dayOf, toIso } from '@shared/time/shanghai';
import { accountTransaction, type Account } from '../_common/account';
import { attendanceId, type AttendanceDoc } from '../_common/attendance';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { MEMBER_CODE_RATE } from '../_common/rateLimit';
import type { RequestContext } from '../_common/services';

/** The event open for check-in now, or why not. */
function openEvent(ctx: RequestContext, eventId: string): EventDoc {
  const event = ctx.program.events.find((e) => e._id === eventId && e.active);
  if (!event) throw new AppError('NOT_FOUND', '没有找到这场活动');
  const grace = ctx.program.settings.event.graceMinutes;
  if (!isCheckInOpen(event, ctx.now, grace)) {
    const { opensAt, closesAt } = checkInWindow(event, grace);
    throw new AppError('NOT_AVAILABLE_NOW', '不在本场活动的签到时间内', { opensAt: toIso(opensAt), closesAt: toIso(closesAt) });
  }
  return event;
}

/** The member's side: once per event (ALREADY_ATTENDED with the first time), the reward, the counts, the event's badge. */
async function checkIn(account: Account, event: EventDoc, openid: string, host: string): Promise<AttendData> {
  const { tx, program, now } = account;
  const id = attendanceId(event._id, openid);
  const first = await tx.get<AttendanceDoc>(COLLECTIONS.eventAttendance, id);
  if (first) throw new AppError('ALREADY_ATTENDED', undefined, { attendedAt: first.attendedAt });
  const member = await account.find(openid);
  if (!member) throw new AppError('NOT_FOUND', '没有找到这位会员');
  account.edit(openid, (m) => ({
    ...m,
    eventsAttended: m.eventsAttended + 1,
    coursesAttended: m.coursesAttended + (event.kind === 'course' ? 1 : 0),
  }));
  if (event.points > 0 || event.growth > 0) {
    await account.apply(openid, { points: event.points, growth: event.growth }, { kind: 'event_reward', refId: event._id });
  } else await account.refresh(openid);
  const badge = event.badgeId ? program.badges.find((b) => b._id === event.badgeId && b.active) : undefined;
  const granted = badge ? account.grantBadge(openid, badge) : false;
  const doc: AttendanceDoc = {
    _id: id,
    eventId: event._id,
    openid,
    title: event.title,
    place: event.place,
    kind: event.kind,
    startAt: event.startAt,
    attendedAt: toIso(now),
    by: host,
    points: event.points,
    growth: event.growth,
    day: dayOf(now),
  };
  await tx.set(COLLECTIONS.eventAttendance, id, { ...doc });
  return {
    eventId: event._id,
    eventTitle: event.title,
    memberNickname: member.nickname,
    attendedAt: doc.attendedAt,
    points: event.points,
    growth: event.growth,
    badgeName: granted && badge ? badge.name : null,
  };
}

/**
 * `event.attend {eventId, memberCode}` — staff with role `host` or `verifier` check a member in
 * at the door by scanning their 会员码: once per member per event, only while the event runs
 * (± `settings.event.graceMinutes`). Code lookups are rate-limited per staff member.
 * Round trips: the caller (1) · staff record (1) · rate limit (1) · the code (1) · the
 * transaction: start, attendance, member, ledger, member, attendance, commit (7) = 11.
 */
export const attend = contractAction('event', 'attend', async ({ eventId, memberCode }, ctx: RequestContext) => {
  const { services, now } = ctx;
  await services.staff.requireAny(ctx.openid, ['host', 'verifier']);
  await services.rateLimiter.hit('memberCode', ctx.openid, MEMBER_CODE_RATE, now);
  const event = openEvent(ctx, eventId);
  const openid = await services.memberCodes.resolve(memberCode, now);
  return accountTransaction(services, ctx.program, now, (account) => checkIn(account, event, openid, ctx.openid));
});
