import { z } from 'zod';
import type { TeamMetric } from '../content/ids';
import { normalizeCode, TEAM_CODE_RE } from '../domain/codes';
import type { TeamRewardNote } from '../domain/member';
import type { ChallengePhase, TeamFailure, TeamStatus } from '../domain/teamChallenge';
import { contentIdSchema, emptyInput } from './common';

/** A team code as shared or typed: spaces, dashes and lower case accepted. */
export const teamCodeSchema = z.string().max(20).transform(normalizeCode).pipe(z.string().regex(TEAM_CODE_RE));

export const teamInputs = {
  /** Challenges open for teams or running, each with the caller's team in it (or none). */
  challenges: emptyInput,
  /** A new team with the caller as captain; one team per member per challenge. */
  create: z.object({ challengeId: contentIdSchema }).strict(),
  /** Joins the team of a shared code (the join page, a scanned poster). */
  join: z.object({ code: teamCodeSchema }).strict(),
  /** What the join page shows before 加入: who invites, the challenge, the team so far. Changes nothing. */
  preview: z.object({ code: teamCodeSchema }).strict(),
  /** Leaves a team before the challenge starts (the captain hands over, or dissolves a team of one). */
  leave: z.object({ teamId: teamCodeSchema }).strict(),
  /** The caller's team in a challenge: members and contributions, the bar, status, the reward. */
  mine: z.object({ challengeId: contentIdSchema }).strict(),
  /** The share card and poster of the caller's team: path, title, mini-program code. */
  card: z.object({ teamId: teamCodeSchema }).strict(),
  /** The completion ceremony was shown. */
  seen: z.object({ teamId: teamCodeSchema }).strict(),
};

export interface ChallengeView {
  id: string;
  title: string;
  description: string;
  icon: string;
  joinFrom: string;
  startAt: string;
  endAt: string;
  /** When joining closes (startAt + the grace ops set). */
  joinUntil: string;
  phase: ChallengePhase;
  /** Teams can be created or joined right now. */
  joinable: boolean;
  teamSize: { min: number; max: number };
  goal: { metric: TeamMetric; target: number; metricName: string };
  reward: { points: number; growth: number; badge: { id: string; name: string; icon: string } | null };
  /** Shanghai days left including today; 0 once over. */
  daysLeft: number;
  /** Shanghai days until the start day; 0 once started. */
  daysToStart: number;
}

/** A team's bar, as home, the challenge list and a check-in's answer show it. */
export interface TeamProgress {
  teamId: string;
  challengeId: string;
  title: string;
  icon: string;
  metric: TeamMetric;
  status: TeamStatus;
  failure: TeamFailure | null;
  progress: number;
  target: number;
  /** "还差 6 次签到" / "目标达成". */
  remainingText: string;
  members: number;
  minMembers: number;
  daysLeft: number;
  daysToStart: number;
}

export interface TeamMemberView {
  nickname: string;
  avatarUrl: string;
  /** What their own activity added to the team. */
  contribution: number;
  captain: boolean;
  me: boolean;
}

export interface TeamView extends TeamProgress {
  code: string;
  members: number;
  roster: TeamMemberView[];
  maxMembers: number;
  isCaptain: boolean;
  /** Before the start only. */
  canLeave: boolean;
  /** Joining is open and the team has room. */
  canInvite: boolean;
  /** This member was in the team at completion and got the reward. */
  rewardPaid: boolean;
  completedAt: string | null;
  /** `packages/team/pages/join/index?team=…&inviteCode=…` for onShareAppMessage. */
  sharePath: string;
  /** No reward wording (WeChat forbids rewarding a share). */
  shareTitle: string;
}

export interface TeamPageData {
  challenge: ChallengeView;
  team: TeamView | null;
}

export interface ChallengesData {
  challenges: Array<{ challenge: ChallengeView; team: TeamProgress | null }>;
}

export interface TeamPreviewData {
  challenge: ChallengeView;
  team: {
    code: string;
    captain: { nickname: string; avatarUrl: string };
    roster: Array<{ nickname: string; avatarUrl: string }>;
    members: number;
    maxMembers: number;
    status: TeamStatus;
  };
  /** The caller is in this very team already. */
  inThisTeam: boolean;
  /** Why the caller could not join it now (`TEAM_FULL`, `ALREADY_IN_TEAM`, `CHALLENGE_CLOSED`), or null. */
  refusal: 'TEAM_FULL' | 'ALREADY_IN_TEAM' | 'CHALLENGE_CLOSED' | null;
}

export interface TeamCardData {
  code: string;
  sharePath: string;
  shareTitle: string;
  /** The mini-program code of the join page for this team (null while it cannot be drawn). */
  qrUrl: string | null;
  challengeTitle: string;
  captainNickname: string;
  nickname: string;
  avatarUrl: string;
}

/** A team reward waiting for its ceremony (home shows it on the member's next visit): the stored note, with its badge named. */
export interface TeamCeremony extends Omit<TeamRewardNote, 'badgeId' | 'at'> {
  badge: { id: string; name: string; icon: string } | null;
}

export interface TeamOutputs {
  challenges: ChallengesData;
  create: TeamPageData;
  join: TeamPageData;
  preview: TeamPreviewData;
  leave: { left: true; dissolved: boolean };
  mine: TeamPageData;
  card: TeamCardData;
  seen: { updated: number };
}
