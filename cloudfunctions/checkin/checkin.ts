import type { BadgeDoc } from '@shared/content/badges';
import { checkinReward } from '@shared/domain/checkinReward';
import { nextStreak } from '@shared/domain/checkinStreak';
import { dayOf, toIso } from '@shared/time/shanghai';
import { ceremoniesForNew, countAwards } from '../_common/badgeViews';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { settleInvite } from '../_common/invites';
import { ledgerEntry, writeLedger } from '../_common/ledger';
import { normalizeMember } from '../_common/members';
import { progress } from '../_common/progression';
import type { RequestContext } from '../_common/services';
import { checkinId, type CheckinDoc } from './checkins';

/**
 * `checkin.checkin` — one check-in per member per Shanghai day. The day's document
 * (`openid_YYYY-MM-DD`), the ledger entry and the member update commit together; a repeat (a
 * double tap, a retry, 20 parallel calls) finds the document and answers the same result with
 * `alreadyCheckedIn: true`. Streak, reward, badges, tree nodes, tier and invite activation are
 * all settled in that one transaction.
 */
export const checkin = contractAction('checkin', 'checkin', async (_input, ctx: RequestContext) => {
  const { openid, now, program, services } = ctx;
  const { db, counters } = services;
  const day = dayOf(now);
  const id = checkinId(openid, day);

  if (ctx.member.streak.lastDate === day) {
    const done = await db.get<CheckinDoc>(COLLECTIONS.checkins, id);
    if (done) return { ...done.result, alreadyCheckedIn: true };
  }

  const outcome = await db.transaction(async (tx) => {
    const existing = await tx.get<CheckinDoc>(COLLECTIONS.checkins, id);
    if (existing) return { doc: existing, fresh: false, awarded: [] as BadgeDoc[] };
    const raw = await tx.get<unknown>(COLLECTIONS.members, openid);
    if (!raw) throw new Error('member record vanished during check-in');
    const before = normalizeMember(raw);

    const { streak } = nextStreak(before.streak, day);
    const reward = checkinReward(program.settings, streak.current);
    const stepped = { ...before, streak, checkinDays: before.checkinDays + 1 };
    const moved = progress(stepped, { points: reward.points, growth: reward.growth }, program, now);
    const settlement = await settleInvite(tx, moved.member, 'checkin', program, now);
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
        balance: { points: moved.member.points, growth: moved.member.growth },
        newBadges: await ceremoniesForNew(counters, moved.newBadges, iso),
        newNodes: moved.newNodes.map((n) => ({ id: n._id, title: n.title, branch: n.branch, branchName: n.branchName })),
        tierChanged: moved.tierChanged,
      },
    };
    await tx.set(COLLECTIONS.checkins, id, { ...doc });
    await writeLedger(tx, ledgerEntry({ openid, kind: 'checkin', points: reward.points, growth: reward.growth, refId: id, now }));
    await tx.set(COLLECTIONS.members, openid, { ...moved.member });
    return { doc, fresh: true, awarded: [...moved.newBadges, ...(settlement?.inviterBadges ?? [])] };
  });

  await countAwards(counters, outcome.awarded);
  return { ...outcome.doc.result, alreadyCheckedIn: !outcome.fresh };
});
