import type { EventDoc } from '@shared/content/events';
import { EVENT_KIND_NAMES } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { AttendedEventView, EventView } from '@shared/contracts/event';
import { eventPhase } from '@shared/domain/offlineEvents';
import type { AttendanceDoc } from '../_common/attendance';

/** An event as members and hosts see it. */
export function eventView(event: EventDoc, program: Program, now: number): EventView {
  const badge = event.badgeId ? program.badges.find((b) => b._id === event.badgeId && b.active) : undefined;
  return {
    id: event._id,
    title: event.title,
    place: event.place,
    description: event.description,
    kind: event.kind,
    kindName: EVENT_KIND_NAMES[event.kind],
    startAt: event.startAt,
    endAt: event.endAt,
    points: event.points,
    growth: event.growth,
    phase: eventPhase(event, now),
    badge: badge ? { id: badge._id, name: badge.name, icon: badge.icon } : null,
  };
}

export function attendedView(doc: AttendanceDoc): AttendedEventView {
  return {
    eventId: doc.eventId,
    title: doc.title,
    place: doc.place,
    kind: doc.kind,
    startAt: doc.startAt,
    attendedAt: doc.attendedAt,
    points: doc.points,
    growth: doc.growth,
  };
}
