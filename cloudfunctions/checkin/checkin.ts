import type { Program } from '@shared/content/validateProgram';
import type { CheckinData, EntryRewardView } from '@shared/contracts/checkin';
import { campaignBoost, campaignsToJoin } from '@shared/domain/campaigns';
import { checkinReward } from '@shared/domain/checkinReward';
import { nextStreak } from '@shared/domain/checkinStreak';
import { nodeUnlockItems, unlocksText } from '@shared/domain/growthTree';
import type { Progress } from '@shared/domain/progression';
import { dayOf, toIso } from '@shared/time/shanghai';
import { accountTransaction, type Delivered, type PaidEntryReward } from '../_common/account';
import { ceremoniesForNew } from '../_common/badgeViews';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { settleInvite } from '../_common/invites';
import type { RequestContext } from '../_common/services';
import { recordTeamActivity } from '../_common/teams';
import { checkinId, readCheckin, type CheckinDoc } from './checkins';

/** A check-in counts toward team goals on check-ins and on days every member checked in. */
const CHECKIN_METRICS = ['checkins', 'checkinDays'] as const;

/** What the entry rewards paid on the way up gave, as one line of the ceremony. */
function entryRewardView(paid: readonly PaidEntryReward[]): EntryRewardView | null {
  if (paid.length === 0) return null;
  return { points: paid.reduce((s, r) => s + r.points, 0), packTitle: paid.find((r) => r.packTitle !== null)?.packTitle ?? null };
}

/** Nodes lit, with what they unlocked. */
function litNodes(program: Program, moved: ReadonlyArray<Progress & Delivered>): CheckinData['newNodes'] {
  return moved.flatMap((m) =>
    m.newNodes.map((n) => ({
      id: n._id,
      title: n.title,
      branch: n.branch,
      branchName: n.branchName,
      unlocksText: unlocksText(nodeUnlockItems(n, program)),
    })),
  );
}

/**
 * `checkin.checkin` — one check-in per member per Shanghai day. The member document says whether
 * today is done (`streak.lastDate`, written by every check-in, so it serialises them); the day's
 * document (`openid_YYYY-MM-DD`), the ledger entry and the member commit together, and a repeat
 * (a double tap, a retry, 20 parallel calls) answers the day's stored result with
 * `alreadyCheckedIn: true`. Streak, reward (boosted by a live campaign, the multiplier written on
 * the ledger entry), campaigns joined, badges, tree nodes and what they unlock, tier and its entry
 * reward, and invite activation are all settled in that one transaction — and so is the bar of the
 * member's team, when a team challenge counts check-ins (`recordTeamActivity`: the team moves in
 * this same answer, and a repeat never reaches it, so a check-in counts once).
 *
 * Round trips, warm: the member (1) · transaction start, member, ledger entry, check-in, member,
 * commit (6) = 7; + the rarity read and one counter write when a badge is earned (first check-in:
 * 9); + the invite and cap documents while an invite is pending; + the team and its write in a
 * running team challenge on check-ins (nothing outside a team). A repeat: the member, the day's
 * document (2).
 */
export const checkin = contractAction('checkin', 'checkin', async (_input, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const day = dayOf(now);
  const id = checkinId(openid, day);

  if (ctx.member.streak.lastDate === day) {
    const done = await readCheckin(services.db, id);
    if (done) return { ...done.result, alreadyCheckedIn: true };
  }

  const outcome = await accountTransaction(services, program, now, async (account) => {
    const before = await account.get(openid);
    if (before.streak.lastDate === day) {
      // A parallel call checked in first (this attempt runs on a snapshot after its commit).
      const done = await account.tx.get<CheckinDoc>(COLLECTIONS.checkins, id);
      if (done) return { result: done.result, fresh: false };
    }
    const { streak } = nextStreak(before.streak, day);
    const reward = checkinReward(program.settings, streak.current, campaignBoost(program.campaigns, 'checkin', now));
    const joining = campaignsToJoin(before.campaigns, program.campaigns, now);
    account.edit(openid, (m) => ({
      ...m,
      streak,
      checkinDays: m.checkinDays + 1,
      campaigns: joining.length > 0 ? [...m.campaigns, ...joining] : m.campaigns,
    }));
    const boost = reward.boost ?? undefined;
    const moved = await account.apply(openid, { points: reward.points, growth: reward.growth }, { kind: 'checkin', refId: id, boost });
    // An activation on this check-in pays the friend's own reward, through the same account.
    const own = await settleInvite(account, openid, 'checkin');
    const team = await recordTeamActivity(account, openid, CHECKIN_METRICS);
    // Everything this check-in paid (a completed team's reward lands on this member too): the balance after it all.
    const steps = [moved, ...(own ? [own] : []), ...team.rewards];
    const after = await account.get(openid);
    const lastTier = [...steps].reverse().find((m) => m.tierChanged !== null)?.tierChanged ?? null;
    const iso = toIso(now);
    const doc: CheckinDoc = {
      _id: id,
      openid,
      date: day,
      streak: streak.current,
      points: reward.points,
      growth: reward.growth,
      bonus: reward.bonus !== null,
      createdAt: iso,
      result: {
        date: day,
        streak,
        reward,
        balance: { points: after.points, growth: after.growth },
        newBadges: await ceremoniesForNew(services.counters, [...steps.flatMap((m) => m.newBadges), ...team.grantedBadges], iso),
        newNodes: litNodes(program, steps),
        tierChanged: lastTier ? { ...lastTier, entryReward: entryRewardView(steps.flatMap((m) => m.entryRewards)) } : null,
        inviteeReward: own
          ? { points: program.settings.invite.inviteeReward.points, growth: program.settings.invite.inviteeReward.growth }
          : null,
        teams: team.teams,
      },
    };
    await account.tx.set(COLLECTIONS.checkins, id, { ...doc });
    return { result: doc.result, fresh: true };
  });

  return { ...outcome.result, alreadyCheckedIn: !outcome.fresh };
});
