import type { EventKind } from '@shared/content/ids';
import { COLLECTIONS } from './collections';
import type { Database } from './db';

/**
 * `event_attendance`: who was checked in at which offline event. `_id` = `<eventId>_<openid>`, so
 * a member is checked in once per event however many hosts scan them at once (the transaction
 * that writes it also writes the member: parallel scans conflict and the losers find it there).
 * The event's title, place, kind and start are copied: 我的活动 still reads right after ops edit
 * or remove the event.
 */
export interface AttendanceDoc {
  _id: string;
  eventId: string;
  openid: string;
  title: string;
  place: string;
  kind: EventKind;
  startAt: string;
  attendedAt: string;
  /** The host who scanned the code. */
  by: string;
  points: number;
  growth: number;
  day: string;
}

export function attendanceId(eventId: string, openid: string): string {
  return `${eventId}_${openid}`;
}

export class AttendanceRepository {
  constructor(private readonly db: Database) {}

  /** The member's attendances, newest first (one read). */
  mine(openid: string, limit: number): Promise<AttendanceDoc[]> {
    return this.db.find<AttendanceDoc>(COLLECTIONS.eventAttendance, { openid }, { orderBy: [['attendedAt', 'desc']], limit });
  }

  /** Members checked in at an event so far (one count). */
  count(eventId: string): Promise<number> {
    return this.db.count(COLLECTIONS.eventAttendance, { eventId });
  }

  /**
   * Account deletion: the attendances stay for the event's figures, moved to the anonymous id
   * (one transaction each, so a record is never both or neither).
   */
  async anonymise(openid: string, anon: string): Promise<void> {
    const docs = await this.db.pages<AttendanceDoc>(COLLECTIONS.eventAttendance, { openid }, 100_000);
    for (const doc of docs) {
      await this.db.transaction(async (tx) => {
        const current = await tx.get<AttendanceDoc>(COLLECTIONS.eventAttendance, doc._id);
        if (!current) return;
        await tx.remove(COLLECTIONS.eventAttendance, doc._id);
        const id = attendanceId(current.eventId, anon);
        await tx.set(COLLECTIONS.eventAttendance, id, { ...current, _id: id, openid: anon });
      });
    }
  }
}
