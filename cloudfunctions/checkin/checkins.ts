import type { CheckinData } from '@shared/contracts/checkin';

/** A `checkins` document: `_id` = `openid_YYYY-MM-DD` (the Shanghai day), so a day can only be written once. */
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

export function checkinId(openid: string, day: string): string {
  return `${openid}_${day}`;
}
