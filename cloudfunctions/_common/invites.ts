import { activationDeadline, inviteActivationState, inviterRewardDecision } from '@shared/domain/inviteActivation';
import { countActivation, leaderboardRowId, type InviteMonthRow } from '@shared/domain/inviteLeaderboard';
import { inviteActivatedValues, type InviteActivation } from '@shared/domain/reminders';
import type { InviteStatus } from '@shared/domain/statuses';
import { dayOf, monthOf, toIso, toMs, type MonthString } from '@shared/time/shanghai';
import type { Account, Applied } from './account';
import { COLLECTIONS } from './collections';
import type { Database } from './db';

/** An `invites` document: `_id` = the invitee's openid (successful binds only). */
export interface InviteDoc {
  _id: string;
  inviter: string;
  code: string;
  status: InviteStatus;
  boundAt: string;
  activatedAt: string | null;
  /** How the invitee activated. */
  via: 'checkins' | 'redemption' | null;
  /** The invitee's distinct check-in days inside the activation window. */
  days: string[];
  /** The inviter's reward for this invitee, once paid. */
  reward: { points: number; growth: number } | null;
  rewardedAt: string | null;
  /** Activated but not rewarded, and why. */
  rewardSkippedReason: 'DAILY_CAP' | 'NO_REWARD_CONFIGURED' | null;
}

/** `invite_caps` document: invite rewards an inviter received on one Shanghai day. */
export interface InviteCapDoc {
  _id: string;
  inviter: string;
  day: string;
  count: number;
}

export function normalizeInvite(raw: unknown): InviteDoc | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  if (typeof d._id !== 'string' || typeof d.inviter !== 'string' || typeof d.boundAt !== 'string') return null;
  const status: InviteStatus = d.status === 'activated' || d.status === 'rewarded' ? d.status : 'bound';
  const reward = typeof d.reward === 'object' && d.reward !== null ? (d.reward as { points?: unknown; growth?: unknown }) : null;
  return {
    _id: d._id,
    inviter: d.inviter,
    code: typeof d.code === 'string' ? d.code : '',
    status,
    boundAt: d.boundAt,
    activatedAt: typeof d.activatedAt === 'string' ? d.activatedAt : null,
    via: d.via === 'checkins' || d.via === 'redemption' ? d.via : null,
    days: Array.isArray(d.days) ? (d.days as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    reward: reward ? { points: Number(reward.points) || 0, growth: Number(reward.growth) || 0 } : null,
    rewardedAt: typeof d.rewardedAt === 'string' ? d.rewardedAt : null,
    rewardSkippedReason:
      d.rewardSkippedReason === 'DAILY_CAP' || d.rewardSkippedReason === 'NO_REWARD_CONFIGURED' ? d.rewardSkippedReason : null,
  };
}

/**
 * Inside the invitee's transaction (a check-in or a redemption): records progress toward
 * activation and, the moment the `settings` rule is met, activates the invite, pays the invitee's
 * own reward (`settings.invite.inviteeReward`, when set) and the inviter through the same account
 * — the inviter once, within their daily cap (over it the invite activates unrewarded, with the
 * reason). Never anything for binding or sharing, and one level only: the inviter's own inviter
 * gets nothing. The activation also counts toward the inviter's month on the invite leaderboard
 * (`invite_months`). The invitee must have been read through `account`.
 */
export async function settleInvite(account: Account, inviteeId: string, trigger: 'checkin' | 'redemption'): Promise<Applied | null> {
  const { tx, program, now } = account;
  const { settings } = program;
  const invitee = await account.get(inviteeId);
  if (!invitee.invitedBy || invitee.activatedAt) return null;
  // Past the window nothing can activate any more: no read needed.
  if (invitee.invitedAt && now >= toMs(activationDeadline(invitee.invitedAt, settings).endsAt)) return null;
  const invite = normalizeInvite(await tx.get<unknown>(COLLECTIONS.invites, inviteeId));
  if (!invite || invite.status !== 'bound') return null;

  const today = dayOf(now);
  const days = trigger === 'checkin' && !invite.days.includes(today) ? [...invite.days, today].sort() : invite.days;
  const state = inviteActivationState({ boundAt: invite.boundAt, status: 'bound' }, days, trigger === 'redemption', settings, now);
  if (!state.activated) {
    if (days !== invite.days) await tx.set(COLLECTIONS.invites, invite._id, { ...invite, days });
    return null;
  }

  const iso = toIso(now);
  account.edit(inviteeId, (m) => ({ ...m, activatedAt: iso }));
  // The friend's own reward for their engagement (never for a share), paid with the activation.
  const { inviteeReward } = settings.invite;
  const own =
    inviteeReward.points > 0 || inviteeReward.growth > 0
      ? await account.apply(inviteeId, inviteeReward, { kind: 'invitee_reward', refId: invite._id })
      : null;
  const activated: InviteDoc = {
    ...invite,
    days,
    status: 'activated',
    activatedAt: iso,
    via: state.via === 'redemption' ? 'redemption' : 'checkins',
  };
  if (!(await account.find(invite.inviter))) {
    // The inviter deleted their account: the friend still counts as activated.
    await tx.set(COLLECTIONS.invites, invite._id, { ...activated });
    return own;
  }
  const inviter = account.edit(invite.inviter, (m) => ({ ...m, invitesActivated: m.invitesActivated + 1 }));
  const month = monthOf(now);
  const rowId = leaderboardRowId(month, invite.inviter);
  const row = await tx.get<InviteMonthRow>(COLLECTIONS.inviteMonths, rowId);
  await tx.set(COLLECTIONS.inviteMonths, rowId, { ...countActivation(row, month, invite.inviter, iso) });
  const capId = `${invite.inviter}_${today}`;
  const cap = await tx.get<InviteCapDoc>(COLLECTIONS.inviteCaps, capId);
  const rewardedToday = typeof cap?.count === 'number' ? cap.count : 0;
  const decision = inviterRewardDecision(rewardedToday, settings);
  // The inviter asked to hear of it ("好友激活时告诉我"): told once this commits, one message per activation.
  remindInviter(account, inviter, {
    friend: invitee.nickname,
    at: now,
    reward: decision.reward ? { points: decision.points, growth: decision.growth } : decision.reason,
    invitesActivated: inviter.invitesActivated,
  });

  if (decision.reward) {
    const reward = { points: decision.points, growth: decision.growth };
    await account.apply(invite.inviter, reward, { kind: 'invite_reward', refId: inviteeId });
    await tx.set(COLLECTIONS.inviteCaps, capId, { inviter: invite.inviter, day: today, count: rewardedToday + 1 });
    await tx.set(COLLECTIONS.invites, invite._id, { ...activated, status: 'rewarded', reward, rewardedAt: iso, rewardSkippedReason: null });
    return own;
  }
  await account.refresh(invite.inviter);
  await tx.set(COLLECTIONS.invites, invite._id, { ...activated, rewardSkippedReason: decision.reason });
  return own;
}

/** A day to deliver the news of a friend's activation; later a retry would be stale. */
const ACTIVATION_NEWS_MS = 86_400_000;

function remindInviter(account: Account, inviter: { _id: string }, activation: InviteActivation): void {
  if (!account.program.settings.subscribe.inviteActivated) return;
  account.reminders.push({
    purpose: 'inviteActivated',
    openid: inviter._id,
    // The inviter's activation count is raised by this transaction alone: one reason per friend.
    reason: `n${activation.invitesActivated}`,
    message: { values: inviteActivatedValues(activation), expiresAt: account.now + ACTIVATION_NEWS_MS },
  });
}

export interface InviteTotals {
  /** By status: how many, and the rewards paid. */
  byStatus: Array<{ _id: string; n: number; points: number; growth: number }>;
}

/** The invites one member sent: the newest for the list, and totals counted by the database. */
export class InviteRepository {
  constructor(private readonly db: Database) {}

  async sentBy(inviter: string, limit: number): Promise<InviteDoc[]> {
    const docs = await this.db.find<unknown>(COLLECTIONS.invites, { inviter }, { orderBy: [['boundAt', 'desc']], limit });
    return docs.map(normalizeInvite).filter((d): d is InviteDoc => d !== null);
  }

  async totalsBy(inviter: string): Promise<InviteTotals['byStatus']> {
    const $ = this.db.op.aggregate;
    return this.db.aggregate<InviteTotals['byStatus'][number]>(
      COLLECTIONS.invites,
      { inviter },
      { _id: '$status', n: $.sum(1), points: $.sum('$reward.points'), growth: $.sum('$reward.growth') },
      10,
    );
  }

  countSentBy(inviter: string): Promise<number> {
    return this.db.count(COLLECTIONS.invites, { inviter });
  }

  /** The month's leading inviters, most activations first (earlier to reach a count first). */
  topOfMonth(month: MonthString, limit: number): Promise<InviteMonthRow[]> {
    return this.db.find<InviteMonthRow>(
      COLLECTIONS.inviteMonths,
      { month },
      {
        orderBy: [
          ['count', 'desc'],
          ['reachedAt', 'asc'],
        ],
        limit,
      },
    );
  }

  monthRow(month: MonthString, inviter: string): Promise<InviteMonthRow | null> {
    return this.db.get<InviteMonthRow>(COLLECTIONS.inviteMonths, leaderboardRowId(month, inviter));
  }

  /** How many inviters activated strictly more friends than `count` in the month (a rank, without reading them). */
  countAbove(month: MonthString, count: number): Promise<number> {
    return this.db.count(COLLECTIONS.inviteMonths, { month, count: this.db.op.gt(count) });
  }
}
