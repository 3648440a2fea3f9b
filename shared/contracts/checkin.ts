import { z } from 'zod';
import type { TierId } from '../content/ids';
import type { CheckinReward } from '../domain/checkinReward';
import type { Streak } from '../domain/member';
import type { DayString, MonthString } from '../time/shanghai';
import { emptyInput, monthSchema, type BalanceView } from './common';
import type { BadgeCeremony } from './member';
import type { TeamProgress } from './team';

export const checkinInputs = {
  /** Idempotent per member per Shanghai day: the day comes from the server clock, never the client. */
  checkin: emptyInput,
  calendar: z.object({ month: monthSchema }).strict(),
};

export interface CheckinData {
  /** The Shanghai day checked in. */
  date: DayString;
  /** false on the day's first call; true on every repeat, which answers the same result. */
  alreadyCheckedIn: boolean;
  streak: Streak;
  /** points/growth are totals (base + bonus); `bonus` is the streak-bonus part or null. */
  reward: CheckinReward;
  balance: BalanceView;
  newBadges: BadgeCeremony[];
  /** Growth-tree nodes this check-in lit, with what they unlocked ("解锁：…"). */
  newNodes: Array<{ id: string; title: string; branch: string; branchName: string; unlocksText: string }>;
  /**
   * Set when this check-in moved the tier (up, or down after growth left the window), with the
   * entry reward credited on the way up (once per tier and calendar year).
   */
  tierChanged: { from: TierId; to: TierId; toName: string; entryReward: EntryRewardView | null } | null;
  /** This check-in activated the member's own invite and paid them `settings.invite.inviteeReward`. */
  inviteeReward: { points: number; growth: number } | null;
  /** The member's teams this check-in moved (their bar as it now is); [] outside a team. */
  teams: TeamProgress[];
}

/** What a tier's entry reward gave: points, and a voucher of a pack. */
export interface EntryRewardView {
  points: number;
  packTitle: string | null;
}

export interface CalendarDay {
  date: DayString;
  /** The streak reached that day. */
  streak: number;
  points: number;
  growth: number;
  /** True on a streak-bonus day. */
  bonus: boolean;
}

export interface CalendarData {
  month: MonthString;
  /** The server's Shanghai day, so the client marks "today" and disables future days right. */
  today: DayString;
  days: CalendarDay[];
  streak: Streak;
  checkedInToday: boolean;
  totals: { days: number; points: number; growth: number };
}

export interface CheckinOutputs {
  checkin: CheckinData;
  calendar: CalendarData;
}
