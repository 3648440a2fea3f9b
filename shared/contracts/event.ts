import { z } from 'zod';
import type { EventKind } from '../content/ids';
import type { EventPhase } from '../domain/offlineEvents';
import { contentIdSchema, emptyInput, memberCodeSchema } from './common';

// ---- inputs ---------------------------------------------------------------------------------

export const eventInputs = {
  /** Staff (role host or verifier) check a member in at an event's door by scanning their 会员码. */
  attend: z.object({ eventId: contentIdSchema, memberCode: memberCodeSchema }).strict(),
  /** 我的活动: events attended and events to come. */
  mine: emptyInput,
  /** Staff (role host or verifier): today's events to check members in to. */
  hosting: emptyInput,
};

// ---- outputs --------------------------------------------------------------------------------

export interface EventView {
  id: string;
  title: string;
  place: string;
  description: string;
  kind: EventKind;
  /** 活动 / 课程. */
  kindName: string;
  startAt: string;
  endAt: string;
  points: number;
  growth: number;
  phase: EventPhase;
  /** The badge every attendee gets, if any. */
  badge: { id: string; name: string; icon: string } | null;
}

export interface AttendedEventView {
  eventId: string;
  /** As it was when the member attended (the event may since be gone from content). */
  title: string;
  place: string;
  kind: EventKind;
  startAt: string;
  attendedAt: string;
  points: number;
  growth: number;
}

export interface EventMineData {
  /** Newest first, the last 50. */
  attended: AttendedEventView[];
  /** Active events not over yet, soonest first. */
  upcoming: EventView[];
  /** Lifetime counts (the badge metrics). */
  totals: { events: number; courses: number };
}

export interface HostedEventView extends EventView {
  /** Members checked in so far. */
  attended: number;
  /** Scans are accepted now (the event runs, give or take the grace). */
  open: boolean;
  /** When scans start and stop being accepted. */
  opensAt: string;
  closesAt: string;
}

export interface EventHostingData {
  events: HostedEventView[];
  graceMinutes: number;
}

export interface AttendData {
  eventId: string;
  eventTitle: string;
  memberNickname: string;
  attendedAt: string;
  points: number;
  growth: number;
  /** The event's badge, when the member got it now. */
  badgeName: string | null;
}

export interface EventOutputs {
  attend: AttendData;
  mine: EventMineData;
  hosting: EventHostingData;
}
