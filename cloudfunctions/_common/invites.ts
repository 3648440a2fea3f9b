import type { BadgeDoc } from '@shared/content/badges';
import type { Program } from '@shared/content/validateProgram';
import { dayOf, toIso, toMs } from '@shared/time/shanghai';
import { activationDeadline, inviteActivationState, inviterRewardDecision } from '@shared/domain/inviteActivation';
import type { InviteStatus } from '@shared/domain/statuses';
import { COLLECTIONS } from './collections';
import type { Tx } from './db';
import { ledgerEntry, writeLedger } from './ledger';
import { normalizeMember, type StoredMember } from './members';
import { progress, reevaluate } from './progression';

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

export interface InviteSettlement {
  inviter: string;
  /** Badges the inviter earned (their rarity counters are raised after commit). */
  inviterBadges: BadgeDoc[];
}

/**
 * Inside the invitee's transaction (a check-in or a redemption): records progress toward
 * activation and, the moment the `settings` rule is met, activates the invite and pays the
 * inviter — once, within their daily cap (over it the invite activates unrewarded, with the
 * reason). Never anything for binding or sharing, and one level only: the inviter's own inviter
 * gets nothing. Sets `invitee.activatedAt`; the caller writes the invitee afterwards.
 */
export async function settleInvite(
  tx: Tx,
  invitee: StoredMember,
  trigger: 'checkin' | 'redemption',
  program: Program,
  now: number,
): Promise<InviteSettlement | null> {
  const { settings } = program;
  if (!invitee.invitedBy || invitee.activatedAt) return null;
  // Past the window nothing can activate any more: no read needed.
  if (invitee.invitedAt && now >= toMs(activationDeadline(invitee.invitedAt, settings).endsAt)) return null;
  const invite = normalizeInvite(await tx.get<unknown>(COLLECTIONS.invites, invitee._id));
  if (!invite || invite.status !== 'bound') return null;

  const today = dayOf(now);
  const days = trigger === 'checkin' && !invite.days.includes(today) ? [...invite.days, today].sort() : invite.days;
  const state = inviteActivationState({ boundAt: invite.boundAt, status: 'bound' }, days, trigger === 'redemption', settings, now);
  if (!state.activated) {
    if (days !== invite.days) await tx.set(COLLECTIONS.invites, invite._id, { ...invite, days });
    return null;
  }

  const iso = toIso(now);
  invitee.activatedAt = iso;
  const activated: InviteDoc = {
    ...invite,
    days,
    status: 'activated',
    activatedAt: iso,
    via: state.via === 'redemption' ? 'redemption' : 'checkins',
  };
  const inviterRaw = await tx.get<unknown>(COLLECTIONS.members, invite.inviter);
  if (!inviterRaw) {
    // The inviter deleted their account: the friend still counts as activated.
    await tx.set(COLLECTIONS.invites, invite._id, { ...activated });
    return null;
  }
  const inviter = normalizeMember(inviterRaw);
  inviter.invitesActivated += 1;
  const capId = `${inviter._id}_${today}`;
  const cap = await tx.get<InviteCapDoc>(COLLECTIONS.inviteCaps, capId);
  const rewardedToday = typeof cap?.count === 'number' ? cap.count : 0;
  const decision = inviterRewardDecision(rewardedToday, settings);

  if (decision.reward) {
    const paid = progress(inviter, { points: decision.points, growth: decision.growth }, program, now);
    await writeLedger(
      tx,
      ledgerEntry({
        openid: inviter._id,
        kind: 'invite_reward',
        points: decision.points,
        growth: decision.growth,
        refId: invitee._id,
        now,
      }),
    );
    await tx.set(COLLECTIONS.inviteCaps, capId, { inviter: inviter._id, day: today, count: rewardedToday + 1 });
    await tx.set(COLLECTIONS.invites, invite._id, {
      ...activated,
      status: 'rewarded',
      reward: { points: decision.points, growth: decision.growth },
      rewardedAt: iso,
      rewardSkippedReason: null,
    });
    await tx.set(COLLECTIONS.members, inviter._id, { ...paid.member });
    return { inviter: inviter._id, inviterBadges: paid.newBadges };
  }
  const counted = reevaluate(inviter, program, now);
  await tx.set(COLLECTIONS.invites, invite._id, { ...activated, rewardSkippedReason: decision.reason });
  await tx.set(COLLECTIONS.members, inviter._id, { ...counted.member });
  return { inviter: inviter._id, inviterBadges: counted.newBadges };
}
