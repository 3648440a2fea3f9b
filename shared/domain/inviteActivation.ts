import type { SettingsDoc } from '../content/settings';
import { addDays, startOfDay, type DayString, dayOf, toIso, toMs, type Instant } from '../time/shanghai';
import type { InviteStatus } from './statuses';

export interface InviteRecord {
  boundAt: Instant;
  status: InviteStatus;
  activatedAt?: Instant | null;
}

export interface ActivationDeadline {
  /** The last Shanghai day that counts (the day of binding is day 1). */
  lastDay: DayString;
  /** The instant the window closes (midnight after `lastDay`), ISO. */
  endsAt: string;
}

/** With `withinDays: 7`, a friend bound on the 23rd has until the end of the 29th. */
export function activationDeadline(boundAt: Instant, settings: Pick<SettingsDoc, 'invite'>): ActivationDeadline {
  const lastDay = addDays(dayOf(boundAt), settings.invite.activation.withinDays - 1);
  return { lastDay, endsAt: toIso(startOfDay(addDays(lastDay, 1))) };
}

export interface ActivationState {
  activated: boolean;
  /** How the invite activated: by check-ins, a redemption, or already stored as activated. */
  via: 'checkins' | 'redemption' | 'stored' | null;
  /** The Shanghai day the rule was met by check-ins (the N-th distinct day), when it was. */
  activatedOn: DayString | null;
  progress: { checkinDays: number; needed: number; deadline: DayString };
  /** Not activated and the window has closed: this invite will never reward. */
  expired: boolean;
}

/**
 * Activation of an invite — the only moment an inviter can be rewarded (never for sharing or
 * binding). Default rule: check-ins on 3 different Shanghai days within 7 days of binding
 * (binding day = day 1), or a first redemption in that window when `orFirstRedemption`.
 * Only check-in days inside the window count, so the answer does not depend on when it is
 * computed. `hasRedeemed` must mean "redeemed before the window closed" (compare the
 * redemption's `createdAt` with `activationDeadline().endsAt`; at redemption time it is simply
 * whether `now` is before it).
 */
export function inviteActivationState(
  invite: InviteRecord,
  inviteeCheckinDays: readonly DayString[],
  hasRedeemed: boolean,
  settings: Pick<SettingsDoc, 'invite'>,
  now: Instant,
): ActivationState {
  const { checkinDays: needed, orFirstRedemption } = settings.invite.activation;
  const { lastDay } = activationDeadline(invite.boundAt, settings);
  const firstDay = dayOf(invite.boundAt);
  const days = [...new Set(inviteeCheckinDays)].filter((d) => d >= firstDay && d <= lastDay).sort();
  const progress = { checkinDays: Math.min(days.length, needed), needed, deadline: lastDay };

  if (invite.status !== 'bound') {
    return { activated: true, via: 'stored', activatedOn: invite.activatedAt ? dayOf(invite.activatedAt) : null, progress, expired: false };
  }
  if (days.length >= needed) {
    return { activated: true, via: 'checkins', activatedOn: days[needed - 1], progress, expired: false };
  }
  if (orFirstRedemption && hasRedeemed) {
    return { activated: true, via: 'redemption', activatedOn: null, progress, expired: false };
  }
  return { activated: false, via: null, activatedOn: null, progress, expired: dayOf(now) > lastDay };
}

export type InviterRewardDecision =
  { reward: true; points: number; growth: number } | { reward: false; reason: 'DAILY_CAP' | 'NO_REWARD_CONFIGURED'; cap: number };

/**
 * Whether the inviter gets the activation reward, given how many invite rewards they already
 * received today (Shanghai day). Over the cap the invite still activates, unrewarded, with the
 * reason recorded for `invite.mine`.
 */
export function inviterRewardDecision(rewardedTodayCount: number, settings: Pick<SettingsDoc, 'invite'>): InviterRewardDecision {
  const { rewardPoints, rewardGrowth, inviterDailyRewardCap: cap } = settings.invite;
  if (rewardPoints === 0 && rewardGrowth === 0) return { reward: false, reason: 'NO_REWARD_CONFIGURED', cap };
  if (rewardedTodayCount >= cap) return { reward: false, reason: 'DAILY_CAP', cap };
  return { reward: true, points: rewardPoints, growth: rewardGrowth };
}

export type BindRejection = 'SELF_INVITE' | 'ALREADY_INVITED' | 'NOT_NEW_MEMBER';

/**
 * Whether `invitee` may bind to `inviterOpenid`. A new member is one who joined less than
 * `newMemberHours` ago (default 24), has not checked in yet and never had an account before
 * (`returning`: they deleted an earlier one — else deleting and coming back would make anyone
 * "new" again and pay their inviter twice). Checked in this order so the reason logged in
 * `invite_attempts` is the most specific one.
 */
export function bindRejection(
  inviterOpenid: string,
  invitee: { _id: string; createdAt: Instant; checkinDays: number; invitedBy: string | null; returning?: boolean },
  settings: Pick<SettingsDoc, 'invite'>,
  now: Instant,
): BindRejection | null {
  if (inviterOpenid === invitee._id) return 'SELF_INVITE';
  if (invitee.invitedBy !== null) return 'ALREADY_INVITED';
  if (invitee.returning === true) return 'NOT_NEW_MEMBER';
  const ageMs = toMs(now) - toMs(invitee.createdAt);
  if (invitee.checkinDays > 0 || ageMs >= settings.invite.newMemberHours * 3_600_000) return 'NOT_NEW_MEMBER';
  return null;
}
