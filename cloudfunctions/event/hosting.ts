import type { EventHostingData } from '@shared/contracts/event';
import { checkInWindow, isCheckInOpen } from '@shared/domain/offlineEvents';
import { dayOf, toIso } from '@shared/time/shanghai';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { eventView } from './views';

const HOSTED_SHOWN = 10;

/**
 * `event.hosting` — for staff with role `host` or `verifier`: today's events (their check-in
 * window touches today, Shanghai), each with whether scans are accepted now and how many members
 * are checked in. Round trips: the caller (1) · staff record (1) · one count per event, in parallel (1) = 3.
 */
export const hosting = contractAction('event', 'hosting', async (_input, ctx: RequestContext): Promise<EventHostingData> => {
  const { program, now, services } = ctx;
  await services.staff.requireAny(ctx.openid, ['host', 'verifier']);
  const grace = program.settings.event.graceMinutes;
  const today = dayOf(now);
  const events = program.events
    .filter((e) => {
      const { opensAt, closesAt } = checkInWindow(e, grace);
      return e.active && dayOf(opensAt) <= today && today <= dayOf(closesAt - 1);
    })
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a._id.localeCompare(b._id))
    .slice(0, HOSTED_SHOWN);
  const counts = await Promise.all(events.map((e) => services.attendance.count(e._id)));
  return {
    graceMinutes: grace,
    events: events.map((e, i) => {
      const { opensAt, closesAt } = checkInWindow(e, grace);
      return {
        ...eventView(e, program, now),
        attended: counts[i],
        open: isCheckInOpen(e, now, grace),
        opensAt: toIso(opensAt),
        closesAt: toIso(closesAt),
      };
    }),
  };
});
