import type { EventDoc } from '../content/events';
import { toMs, type Instant } from '../time/shanghai';

/**
 * Offline events (线下活动): staff with role `host` (or `verifier`) scan a member's code at the
 * door while the event runs, give or take `settings.event.graceMinutes` — a member who arrives a
 * little early or leaves late still counts; one the day after does not.
 */
export interface CheckInWindow {
  opensAt: number;
  closesAt: number;
}

export function checkInWindow(event: Pick<EventDoc, 'startAt' | 'endAt'>, graceMinutes: number): CheckInWindow {
  const grace = graceMinutes * 60_000;
  return { opensAt: toMs(event.startAt) - grace, closesAt: toMs(event.endAt) + grace };
}

/** Whether staff may check members in to the event at `now` (an inactive event: never). */
export function isCheckInOpen(event: Pick<EventDoc, 'startAt' | 'endAt' | 'active'>, now: Instant, graceMinutes: number): boolean {
  const { opensAt, closesAt } = checkInWindow(event, graceMinutes);
  const t = toMs(now);
  return event.active && t >= opensAt && t < closesAt;
}

export type EventPhase = 'upcoming' | 'running' | 'ended';

/** Where an event is in time, as members see it (without the grace). */
export function eventPhase(event: Pick<EventDoc, 'startAt' | 'endAt'>, now: Instant): EventPhase {
  const t = toMs(now);
  if (t < toMs(event.startAt)) return 'upcoming';
  return t < toMs(event.endAt) ? 'running' : 'ended';
}
