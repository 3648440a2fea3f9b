import type { OpsMemberData } from '@shared/contracts/ops';
import { growthTree } from '@shared/domain/growthTree';
import { normalizeMember, type StoredMember } from '@shared/domain/member';
import { memberDowngradeWarning, memberMetrics, memberWindowGrowth } from '@shared/domain/progression';
import { pointsOutlook } from '@shared/domain/settlement';
import { staffStateOf } from '@shared/domain/staffChange';
import { nextTierProgress } from '@shared/domain/tiers';
import type { Program } from '@shared/content/validateProgram';
import { AppError } from '@shared/errors';
import { COLLECTIONS } from '../_common/collections';
import { contractAction } from '../_common/entry';
import { normalizeInvite } from '../_common/invites';
import type { LedgerDoc } from '../_common/ledger';
import { newestFirstPage } from '../_common/paging';
import type { RequestContext } from '../_common/services';
import type { TeamDoc } from '../_common/teams';
import { teamProgress } from '../_common/teamViews';
import { balanceExtras, inviteLine, ledgerPeople, opsLedgerEntry, opsVoucher } from './memberViews';
import { peopleByOpenid } from './people';

/** Rows of each list on the first screen (more through `ops.ledger` / `ops.vouchers`). */
export const MEMBER_PAGE_ROWS = 20;

const DEFAULT_TIER_COLOR = '#8A9BA8';

function tierView(member: StoredMember, program: Program, now: number): OpsMemberData['tier'] {
  const progress = nextTierProgress(program.tiers, memberWindowGrowth(member, program, now));
  const warning = memberDowngradeWarning(member, program, now);
  return {
    id: progress.tier,
    name: progress.tierName,
    color: program.tiers.find((t) => t._id === progress.tier)?.color ?? DEFAULT_TIER_COLOR,
    windowGrowth: progress.windowGrowth,
    windowMonths: program.settings.tier.windowMonths,
    next: progress.next ? { name: progress.next.name, threshold: progress.next.threshold, growthNeeded: progress.next.growthNeeded } : null,
    downgrade: warning ? { date: warning.date, toTierName: warning.toTierName, growthToKeep: warning.growthToKeep } : null,
  };
}

function teamsView(member: StoredMember, teams: ReadonlyMap<string, TeamDoc>, program: Program, now: number): OpsMemberData['teams'] {
  return Object.entries(member.teams).flatMap(([challengeId, teamId]) => {
    const team = teams.get(teamId);
    const challenge = program.challenges.find((c) => c._id === challengeId);
    if (!team || !challenge) return [];
    const p = teamProgress(team, challenge, now);
    return [
      {
        teamId,
        challengeTitle: challenge.title,
        status: p.status,
        failure: p.failure,
        progress: p.progress,
        target: p.target,
        captain: team.captain === member._id,
      },
    ];
  });
}

/**
 * `ops.member {openid}` — one member's page in the back office: profile and staff roles, tier and
 * its growth window, balance (with pending points, a refund debt and points about to expire when
 * the member has them), activity counters, the first page of the ledger and of the vouchers,
 * invites both ways, badges, tree, teams and campaigns — everything named in Chinese.
 *
 * Round trips: the staff record and the caller's member (2) · the member, their ledger page,
 * vouchers page, invites sent (list and totals), the invite that brought them and their staff
 * record, in parallel (1) · the names in them and their teams, in parallel (1).
 */
export const member = contractAction('ops', 'member', async ({ openid }, ctx: RequestContext): Promise<OpsMemberData> => {
  const { services, program, now } = ctx;
  const { db } = services;
  const [raw, ledger, vouchers, sent, totals, invitedBy, staffDoc] = await Promise.all([
    db.get<unknown>(COLLECTIONS.members, openid),
    newestFirstPage<LedgerDoc>(db, COLLECTIONS.ledger, [{ openid }], undefined, MEMBER_PAGE_ROWS),
    services.redemptions.page(openid, undefined, now, undefined, MEMBER_PAGE_ROWS),
    services.invites.sentBy(openid, MEMBER_PAGE_ROWS),
    services.invites.totalsBy(openid),
    db.get<unknown>(COLLECTIONS.invites, openid).then(normalizeInvite),
    db.get<unknown>(COLLECTIONS.staff, openid),
  ]);
  if (!raw) throw new AppError('NOT_FOUND', '没有找到这位会员');
  const m = normalizeMember(raw);

  const teamIds = Object.values(m.teams);
  const [people, teams] = await Promise.all([
    peopleByOpenid(services, [...ledgerPeople(ledger.items), ...sent.map((i) => i._id), ...(invitedBy ? [invitedBy.inviter] : [])]),
    teamIds.length ? services.teams.many(teamIds) : Promise.resolve(new Map<string, TeamDoc>()),
  ]);

  const staff = staffStateOf(staffDoc, openid);
  const badgeDocs = new Map(program.badges.map((b) => [b._id, b]));
  const tree = growthTree(program, m.nodes, memberMetrics(m, program, now));
  return {
    openid,
    profile: {
      nickname: m.nickname,
      avatarUrl: m.avatarUrl,
      joinedAt: m.createdAt,
      birthday: m.birthday,
      inviteCode: m.inviteCode,
      deleting: m.deleting !== null,
      staff,
    },
    tier: tierView(m, program, now),
    balance: { points: m.points, growth: m.growth, ...balanceExtras(pointsOutlook(m, program.settings, now)) },
    activity: {
      streak: m.streak,
      checkinDays: m.checkinDays,
      redemptions: m.redemptions,
      invitesActivated: m.invitesActivated,
      pointsDonated: m.pointsDonated,
      purchases: m.purchases,
      eventsAttended: m.eventsAttended,
    },
    ledger: { entries: ledger.items.map((d) => opsLedgerEntry(d, people)), nextCursor: ledger.nextCursor },
    vouchers: { vouchers: vouchers.items.map((d) => opsVoucher(d, now)), nextCursor: vouchers.nextCursor },
    invitedBy: invitedBy ? inviteLine(invitedBy, invitedBy.inviter, people) : null,
    invites: {
      total: totals.reduce((s, t) => s + t.n, 0),
      activated: totals.filter((t) => t._id !== 'bound').reduce((s, t) => s + t.n, 0),
      latest: sent.map((i) => inviteLine(i, i._id, people)),
    },
    badges: m.badges.flatMap((e) => {
      const badge = badgeDocs.get(e.id);
      return badge ? [{ id: badge._id, name: badge.name, icon: badge.icon, earnedAt: e.earnedAt }] : [];
    }),
    tree: { unlocked: tree.unlocked, total: tree.total, stageName: tree.stageName },
    teams: teamsView(m, teams, program, now),
    campaigns: m.campaigns.flatMap((id) => {
      const c = program.campaigns.find((x) => x._id === id);
      return c ? [{ id, title: c.title }] : [];
    }),
  };
});
