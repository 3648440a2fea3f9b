import type { BadgeDoc } from '@shared/content/badges';
import type { ChallengeDoc } from '@shared/content/challenges';
import type { TeamMetric } from '@shared/content/ids';
import type { TeamProgress } from '@shared/contracts/team';
import type { StoredMember, TeamRewardNote } from '@shared/domain/member';
import type { Progress } from '@shared/domain/progression';
import { anonymisedTeam, canLeaveNow, countActivity, teamsCounting, withoutMember, type TeamRecord } from '@shared/domain/teamChallenge';
import { toIso } from '@shared/time/shanghai';
import type { Account, Delivered } from './account';
import { COLLECTIONS } from './collections';
import type { Database } from './db';
import type { WxCloud } from './sdk';
import { teamProgress } from './teamViews';

/** A `teams` document (`_id` = the join code): the domain's `TeamRecord`, as stored. */
export type TeamDoc = TeamRecord;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);

/** Reads a stored team defensively (a hand-edited document misses fields); null when it is not a team. */
export function normalizeTeam(raw: unknown): TeamDoc | null {
  const d = record(raw);
  if (typeof d._id !== 'string' || typeof d.challengeId !== 'string' || typeof d.captain !== 'string') return null;
  const contributions: Record<string, number> = {};
  for (const [k, v] of Object.entries(record(d.contributions))) if (typeof v === 'number' && Number.isFinite(v)) contributions[k] = v;
  const days: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(record(d.days))) days[k] = strings(v);
  const members = Array.isArray(d.members)
    ? (d.members as unknown[]).flatMap((m) => {
        const o = record(m);
        return typeof o.openid === 'string' ? [{ openid: o.openid, joinedAt: typeof o.joinedAt === 'string' ? o.joinedAt : '' }] : [];
      })
    : [];
  return {
    _id: d._id,
    challengeId: d.challengeId,
    captain: d.captain,
    members,
    progress: typeof d.progress === 'number' ? d.progress : 0,
    contributions,
    days,
    createdAt: typeof d.createdAt === 'string' ? d.createdAt : '',
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
    completedAt: typeof d.completedAt === 'string' ? d.completedAt : null,
    rewarded: strings(d.rewarded),
  };
}

/** Teams outside transactions: by code, several at once. */
export class TeamRepository {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<TeamDoc | null> {
    return normalizeTeam(await this.db.get<unknown>(COLLECTIONS.teams, id));
  }

  /** Teams by id (a member's teams: a handful), one read. */
  async many(ids: readonly string[]): Promise<Map<string, TeamDoc>> {
    const unique = [...new Set(ids)].slice(0, 100);
    if (unique.length === 0) return new Map();
    const docs = await this.db.find<unknown>(COLLECTIONS.teams, { _id: this.db.op.in(unique) }, { limit: 100 });
    return new Map(docs.map(normalizeTeam).flatMap((t) => (t ? [[t._id, t] as const] : [])));
  }
}

/** What a team activity gave the member who did it: the bars it moved, and what a team reward paid them. */
export interface TeamActivityResult {
  teams: TeamProgress[];
  /** The reward's balance change for them (badges and tree nodes it lit, a tier it reached, what those delivered). */
  rewards: Array<Progress & Delivered>;
  /** The challenge's reward badge (`reward.badgeId`), lit directly. */
  grantedBadges: BadgeDoc[];
}

/**
 * Inside the member's own transaction (the one that records the check-in, the redemption or the
 * purchase, so the activity counts exactly once — a repeat, a retry or a replayed order never
 * reaches here): moves the bar of
 * each of the member's teams whose goal counts this activity, and when one reaches its target,
 * rewards its members through the same account. Teams are known from the member document
 * (`teams`), already read: outside a team this costs no round trip.
 */
export async function recordTeamActivity(account: Account, openid: string, metrics: readonly TeamMetric[]): Promise<TeamActivityResult> {
  const { tx, program, now } = account;
  const member = await account.get(openid);
  const counting = teamsCounting(member.teams, program.challenges, metrics, now);
  const result: TeamActivityResult = { teams: [], rewards: [], grantedBadges: [] };
  for (const { challenge, teamId } of counting) {
    const team = normalizeTeam(await tx.get<unknown>(COLLECTIONS.teams, teamId));
    if (!team) continue;
    const outcome = countActivity(team, challenge, openid, challenge.goal.metric, now);
    if (!outcome.counted) continue;
    await tx.set(COLLECTIONS.teams, team._id, { ...outcome.team });
    if (outcome.completed) {
      const paid = await payTeamReward(account, outcome.team, challenge, openid);
      result.rewards.push(...paid.rewards);
      result.grantedBadges.push(...paid.grantedBadges);
    }
    result.teams.push(teamProgress(outcome.team, challenge, now));
  }
  return result;
}

/**
 * The reward of a completed team, once (the transaction that set `completedAt` pays it; a
 * concurrent one conflicts on the team document and finds it completed): each member present at
 * completion gets `reward.points`/`growth` through the ledger (`team_reward`), one more completed
 * team challenge (the `teamChallenges` metric of badges and tree nodes), the reward badge if any, and a ceremony waiting for their next
 * visit. A member who deleted their account meanwhile is skipped. Answers what it paid `caller`.
 */
async function payTeamReward(
  account: Account,
  team: TeamDoc,
  challenge: ChallengeDoc,
  caller: string,
): Promise<Pick<TeamActivityResult, 'rewards' | 'grantedBadges'>> {
  const { points, growth, badgeId } = challenge.reward;
  const badge = badgeId ? account.program.badges.find((b) => b._id === badgeId && b.active) : undefined;
  const note: TeamRewardNote = {
    teamId: team._id,
    challengeId: challenge._id,
    title: challenge.title,
    icon: challenge.icon,
    points,
    growth,
    badgeId: badge?._id ?? null,
    at: toIso(account.now),
  };
  const paid: Pick<TeamActivityResult, 'rewards' | 'grantedBadges'> = { rewards: [], grantedBadges: [] };
  for (const openid of team.rewarded) {
    if (!(await account.find(openid))) continue;
    // The counter first, so a badge on `teamChallenges` is earned by this very change.
    account.edit(openid, (m) => ({ ...m, teamChallenges: m.teamChallenges + 1, teamRewards: [...m.teamRewards, note].slice(-10) }));
    const moved =
      points > 0 || growth > 0
        ? await account.apply(openid, { points, growth }, { kind: 'team_reward', refId: team._id })
        : await account.refresh(openid);
    const granted = badge && account.grantBadge(openid, badge) ? [badge] : [];
    if (openid === caller) {
      paid.rewards.push(moved);
      paid.grantedBadges.push(...granted);
    }
  }
  return paid;
}

/**
 * A member deleting their account leaves their teams: a team not started yet simply loses them
 * (handed over, or dissolved when they were alone); a started one keeps its bar, with their
 * openid replaced by `anon` everywhere. Their share-card codes (`share_codes`, keyed by team and
 * invite code) go too. One transaction per team (a member is in a handful).
 */
export async function forgetTeamMember(
  services: { db: Database; cloud: WxCloud },
  member: Pick<StoredMember, '_id' | 'teams' | 'inviteCode'>,
  challenges: readonly ChallengeDoc[],
  anon: string,
  now: number,
): Promise<void> {
  const { db, cloud } = services;
  for (const [challengeId, teamId] of Object.entries(member.teams)) {
    const challenge = challenges.find((c) => c._id === challengeId);
    await db.transaction(async (tx) => {
      const team = normalizeTeam(await tx.get<unknown>(COLLECTIONS.teams, teamId));
      if (!team || !team.members.some((m) => m.openid === member._id)) return;
      if (challenge && canLeaveNow(challenge, now)) {
        const rest = withoutMember(team, member._id, now);
        if (rest) await tx.set(COLLECTIONS.teams, teamId, { ...rest });
        else await tx.remove(COLLECTIONS.teams, teamId);
      } else {
        await tx.set(COLLECTIONS.teams, teamId, { ...anonymisedTeam(team, member._id, anon) });
      }
    });
    const key = `team_${teamId}_${member.inviteCode}`;
    const code = await db.get<{ fileId?: unknown }>(COLLECTIONS.shareCodes, key);
    if (code) {
      if (typeof code.fileId === 'string') {
        await cloud
          .deleteFile({ fileList: [code.fileId] })
          .catch((err: unknown) => console.warn('[teams] share code image not deleted', err));
      }
      await db.remove(COLLECTIONS.shareCodes, key);
    }
  }
}
