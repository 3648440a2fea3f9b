import type { EventMineData } from '@shared/contracts/event';
import { toMs } from '@shared/time/shanghai';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { attendedView, eventView } from './views';

const ATTENDED_SHOWN = 50;
const UPCOMING_SHOWN = 20;

/**
 * `event.mine` — 我的活动: the events the member attended (newest first) and active events not
 * over yet (soonest first; an event's badge only when the member does not have it yet).
 * Round trips: the member (1) · their attendances (1) = 2.
 */
export const mine = contractAction('event', 'mine', async (_input, ctx: RequestContext): Promise<EventMineData> => {
  const { program, now, member } = ctx;
  const attended = await ctx.services.attendance.mine(ctx.openid, ATTENDED_SHOWN);
  const upcoming = program.events
    .filter((e) => e.active && toMs(e.endAt) > now)
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a._id.localeCompare(b._id))
    .slice(0, UPCOMING_SHOWN)
    .map((e) => eventView(e, program, now))
    // A badge the member already has is nothing to look forward to.
    .map((v) => (v.badge && member.badges.some((b) => b.id === v.badge?.id) ? { ...v, badge: null } : v));
  return {
    attended: attended.map(attendedView),
    upcoming,
    totals: { events: member.eventsAttended, courses: member.coursesAttended },
  };
});
