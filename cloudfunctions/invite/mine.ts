import type { InviteeView } from '@shared/contracts/invite';
import { inviteActivationState } from '@shared/domain/inviteActivation';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';

/** How many invitees the list shows (totals count them all, in the database). */
const LIST_SIZE = 50;

/** `invite.mine` — the friends this member invited, each with status and progress, and totals. Round trips: the member · the list and the totals, in parallel · their nicknames (4). */
export const mine = contractAction('invite', 'mine', async (_input, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const [invites, byStatus] = await Promise.all([services.invites.sentBy(openid, LIST_SIZE), services.invites.totalsBy(openid)]);
  const people = await services.members.many(invites.map((i) => i._id));
  const { settings } = program;
  const invitees: InviteeView[] = invites.map((invite) => {
    const friend = people.get(invite._id);
    const state = inviteActivationState(invite, invite.days, false, settings, now);
    return {
      nickname: friend?.nickname ?? '已注销会员',
      avatarUrl: friend?.avatarUrl ?? '',
      boundAt: invite.boundAt,
      status: invite.status,
      expired: state.expired,
      progress: state.progress,
      reward: invite.reward,
      rewardSkippedReason: invite.rewardSkippedReason,
    };
  });
  const count = (status: string) => byStatus.find((s) => s._id === status)?.n ?? 0;
  return {
    invitees,
    totals: {
      invited: byStatus.reduce((s, t) => s + t.n, 0),
      activated: count('activated') + count('rewarded'),
      rewarded: count('rewarded'),
      pointsEarned: byStatus.reduce((s, t) => s + (t.points || 0), 0),
      growthEarned: byStatus.reduce((s, t) => s + (t.growth || 0), 0),
    },
    rule: {
      checkinDays: settings.invite.activation.checkinDays,
      withinDays: settings.invite.activation.withinDays,
      orFirstRedemption: settings.invite.activation.orFirstRedemption,
      dailyRewardCap: settings.invite.inviterDailyRewardCap,
      rewardPoints: settings.invite.rewardPoints,
      rewardGrowth: settings.invite.rewardGrowth,
    },
  };
});
