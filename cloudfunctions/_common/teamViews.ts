import type { ChallengeDoc } from '@shared/content/challenges';
import { TEAM_METRIC_NAMES } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { ChallengeView, TeamCeremony, TeamMemberView, TeamProgress, TeamView } from '@shared/contracts/team';
import type { StoredMember, TeamRewardNote } from '@shared/domain/member';
import {
  canJoinNow,
  canLeaveNow,
  challengeDaysLeft,
  challengeDaysToStart,
  challengePhase,
  joinClosesAt,
  remaining,
  teamRemainingText,
  teamState,
  type TeamRecord,
} from '@shared/domain/teamChallenge';
import { toIso } from '@shared/time/shanghai';

/** The page a friend lands on from a team's share card or poster. */
export const TEAM_JOIN_PAGE = 'packages/team/pages/join/index';

/** The share path of a team, carrying the sharer's invite code so a new member is bound by the invite rules. */
export function teamSharePath(code: string, inviteCode: string): string {
  return `${TEAM_JOIN_PAGE}?team=${code}&inviteCode=${inviteCode}`;
}

/** Share title: who invites to what, never a reward for sharing (WeChat's rule). */
export function teamShareTitle(nickname: string, challenge: ChallengeDoc): string {
  return `${nickname} 邀你组队参加「${challenge.title}」`;
}

function rewardBadge(challenge: ChallengeDoc, program: Program): ChallengeView['reward']['badge'] {
  const badge = challenge.reward.badgeId ? program.badges.find((b) => b._id === challenge.reward.badgeId && b.active) : undefined;
  return badge ? { id: badge._id, name: badge.name, icon: badge.icon } : null;
}

export function challengeView(challenge: ChallengeDoc, program: Program, now: number): ChallengeView {
  return {
    id: challenge._id,
    title: challenge.title,
    description: challenge.description,
    icon: challenge.icon,
    joinFrom: challenge.joinFrom,
    startAt: challenge.startAt,
    endAt: challenge.endAt,
    joinUntil: toIso(joinClosesAt(challenge)),
    phase: challengePhase(challenge, now),
    joinable: canJoinNow(challenge, now),
    teamSize: { ...challenge.teamSize },
    goal: { metric: challenge.goal.metric, target: challenge.goal.target, metricName: TEAM_METRIC_NAMES[challenge.goal.metric] },
    reward: { points: challenge.reward.points, growth: challenge.reward.growth, badge: rewardBadge(challenge, program) },
    daysLeft: challengeDaysLeft(challenge, now),
    daysToStart: challengeDaysToStart(challenge, now),
  };
}

export function teamProgress(team: TeamRecord, challenge: ChallengeDoc, now: number): TeamProgress {
  const state = teamState(team, challenge, now);
  return {
    teamId: team._id,
    challengeId: challenge._id,
    title: challenge.title,
    icon: challenge.icon,
    metric: challenge.goal.metric,
    status: state.status,
    failure: state.failure,
    progress: Math.min(team.progress, challenge.goal.target),
    target: challenge.goal.target,
    remainingText: teamRemainingText(challenge.goal.metric, remaining(team, challenge)),
    members: team.members.length,
    minMembers: challenge.teamSize.min,
    daysLeft: challengeDaysLeft(challenge, now),
    daysToStart: challengeDaysToStart(challenge, now),
  };
}

/**
 * The team page as `viewer` sees it: the roster in join order with each member's contribution
 * (nicknames from `people`; a member who left the program shows as 已注销会员).
 */
export function teamView(
  team: TeamRecord,
  challenge: ChallengeDoc,
  viewer: Pick<StoredMember, '_id' | 'inviteCode' | 'nickname'>,
  people: ReadonlyMap<string, Pick<StoredMember, 'nickname' | 'avatarUrl'>>,
  now: number,
): TeamView {
  const roster: TeamMemberView[] = team.members.map((m) => {
    const person = people.get(m.openid);
    return {
      nickname: person?.nickname ?? '已注销会员',
      avatarUrl: person?.avatarUrl ?? '',
      contribution: team.contributions[m.openid] ?? 0,
      captain: m.openid === team.captain,
      me: m.openid === viewer._id,
    };
  });
  const inTeam = team.members.some((m) => m.openid === viewer._id);
  return {
    ...teamProgress(team, challenge, now),
    code: team._id,
    roster,
    maxMembers: challenge.teamSize.max,
    isCaptain: team.captain === viewer._id,
    canLeave: inTeam && canLeaveNow(challenge, now),
    canInvite: canJoinNow(challenge, now) && !team.completedAt && team.members.length < challenge.teamSize.max,
    rewardPaid: team.rewarded.includes(viewer._id),
    completedAt: team.completedAt,
    sharePath: teamSharePath(team._id, viewer.inviteCode),
    shareTitle: teamShareTitle(viewer.nickname, challenge),
  };
}

/** The ceremony of a reward note, with the badge as the program names it now. */
export function teamCeremony(note: TeamRewardNote, program: Program): TeamCeremony {
  const badge = note.badgeId ? program.badges.find((b) => b._id === note.badgeId) : undefined;
  return {
    teamId: note.teamId,
    challengeId: note.challengeId,
    title: note.title,
    icon: note.icon,
    points: note.points,
    growth: note.growth,
    badge: badge ? { id: badge._id, name: badge.name, icon: badge.icon } : null,
  };
}
