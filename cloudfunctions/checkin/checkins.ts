import type { CheckinData } from '@shared/contracts/checkin';
import { COLLECTIONS } from '../_common/collections';
import type { Database } from '../_common/db';

/** A `checkins` document: `_id` = `openid_YYYY-MM-DD` (the Shanghai day). */
export interface CheckinDoc {
  _id: string;
  openid: string;
  date: string;
  /** The streak reached that day. */
  streak: number;
  points: number;
  growth: number;
  /** A streak bonus paid that day. */
  bonus: boolean;
  createdAt: string;
  /** The day's answer, returned again (with `alreadyCheckedIn: true`) by any repeat that day. */
  result: Omit<CheckinData, 'alreadyCheckedIn'>;
}

export type CalendarRow = Pick<CheckinDoc, '_id' | 'date' | 'streak' | 'points' | 'growth' | 'bonus'>;

export function checkinId(openid: string, day: string): string {
  return `${openid}_${day}`;
}

export function readCheckin(db: Database, id: string): Promise<CheckinDoc | null> {
  return db.get<CheckinDoc>(COLLECTIONS.checkins, id);
}

/** The member's check-ins on the given days (a month: ≤ 31), oldest first, without the stored answers. */
export function checkinsOn(db: Database, openid: string, days: readonly string[]): Promise<CalendarRow[]> {
  return db.find<CalendarRow>(
    COLLECTIONS.checkins,
    { openid, date: db.op.in([...days]) },
    { limit: 31, orderBy: [['date', 'asc']], field: { date: true, streak: true, points: true, growth: true, bonus: true } },
  );
}
