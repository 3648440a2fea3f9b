import type { ChallengeDoc } from '../content/challenges';
import type { TeamMetric } from '../content/ids';
import type { ErrorCode } from '../errors';
import { dayDiff, dayOf, toIso, toMs, type DayString, type Instant } from '../time/shanghai';

/**
 * 组队挑战赛 — a team of members works toward one goal between a challenge's `startAt` and `endAt`
 * (Shanghai days), counted from each member's own activity as it happens. Pure rules: who may
 * create, join or leave a team and when, what a check-in or a redemption adds to a team's bar,
 * when the team completes (once), what its status is. The functions apply them inside the
 * transaction that records the activity itself, so an activity counts exactly once.
 *
 * Timeline of a challenge:
 *   joinFrom ──(teams form)── startAt ──(counting; joining until startAt + joinGraceHours)── endAt
 * A team counts only while it has at least `teamSize.min` members; one still short of them when
 * joining closes does not run (`failed`, `TOO_FEW`). Nobody can leave once the challenge started.
 */

export interface TeamMember {
  openid: string;
  joinedAt: string;
}

/** A `teams` document; `_id` is the team's join code. */
export interface TeamRecord {
  _id: string;
  challengeId: string;
  /** Who created the team (or took it over when the creator left before the start). */
  captain: string;
  /** In join order, the captain first. */
  members: TeamMember[];
  /** Toward `goal.target`; stops moving once the team completed. */
  progress: number;
  /** What each member's own activity added (check-ins, days present, redemptions). */
  contributions: Record<string, number>;
  /** `checkinDays` goals: who checked in on the last day anyone did (older days can no longer change). */
  days: Record<DayString, string[]>;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** The members present at completion, each rewarded once. */
  rewarded: string[];
}

export function newTeam(code: string, challengeId: string, captain: string, now: Instant): TeamRecord {
  const at = toIso(now);
  return {
    _id: code,
    challengeId,
    captain,
    members: [{ openid: captain, joinedAt: at }],
    progress: 0,
    contributions: {},
    days: {},
    createdAt: at,
    updatedAt: at,
    completedAt: null,
    rewarded: [],
  };
}

const HOUR_MS = 3_600_000;

/** When joining closes: `startAt` plus the grace ops set, never after `endAt`. */
export function joinClosesAt(challenge: ChallengeDoc): number {
  return Math.min(toMs(challenge.startAt) + challenge.joinGraceHours * HOUR_MS, toMs(challenge.endAt));
}

/** `upcoming` before teams open, `open` while they form, `running` from the start, `ended` after `endAt`. */
export type ChallengePhase = 'upcoming' | 'open' | 'running' | 'ended';

export function challengePhase(challenge: ChallengeDoc, now: Instant): ChallengePhase {
  const t = toMs(now);
  if (t < toMs(challenge.joinFrom)) return 'upcoming';
  if (t < toMs(challenge.startAt)) return 'open';
  if (t < toMs(challenge.endAt)) return 'running';
  return 'ended';
}

/** Teams can be created and joined from `joinFrom` until joining closes. */
export function canJoinNow(challenge: ChallengeDoc, now: Instant): boolean {
  const t = toMs(now);
  return t >= toMs(challenge.joinFrom) && t < joinClosesAt(challenge);
}

/** Members may leave only before the start: a running team's roster is settled. */
export function canLeaveNow(challenge: ChallengeDoc, now: Instant): boolean {
  const t = toMs(now);
  return t < toMs(challenge.startAt) && t < toMs(challenge.endAt);
}

export type TeamStatus = 'forming' | 'active' | 'completed' | 'failed';
/** `TOO_FEW`: below `teamSize.min` when joining closed; `TIME_UP`: the challenge ended short of the goal. */
export type TeamFailure = 'TOO_FEW' | 'TIME_UP';

export interface TeamState {
  status: TeamStatus;
  failure: TeamFailure | null;
}

export function teamState(team: Pick<TeamRecord, 'members' | 'completedAt'>, challenge: ChallengeDoc, now: Instant): TeamState {
  if (team.completedAt) return { status: 'completed', failure: null };
  const t = toMs(now);
  if (t >= toMs(challenge.endAt))
    return { status: 'failed', failure: team.members.length < challenge.teamSize.min ? 'TOO_FEW' : 'TIME_UP' };
  if (t < toMs(challenge.startAt)) return { status: 'forming', failure: null };
  if (team.members.length >= challenge.teamSize.min) return { status: 'active', failure: null };
  return t < joinClosesAt(challenge) ? { status: 'forming', failure: null } : { status: 'failed', failure: 'TOO_FEW' };
}

/** Why this member cannot create a team in the challenge now, or null. `memberTeams`: their `challengeId → teamId`. */
export function createRefusal(challenge: ChallengeDoc, now: Instant, memberTeams: Readonly<Record<string, string>>): ErrorCode | null {
  if (!canJoinNow(challenge, now)) return 'CHALLENGE_CLOSED';
  if (memberTeams[challenge._id]) return 'ALREADY_IN_TEAM';
  return null;
}

/**
 * Why this member cannot join the team now, or null. In order: closed (outside the joining
 * window, or the team already completed: a late joiner could not share in the reward), already in
 * a team of this challenge, full.
 */
export function joinRefusal(
  team: Pick<TeamRecord, 'members' | 'completedAt'>,
  challenge: ChallengeDoc,
  openid: string,
  now: Instant,
  memberTeams: Readonly<Record<string, string>>,
): ErrorCode | null {
  if (!canJoinNow(challenge, now) || team.completedAt) return 'CHALLENGE_CLOSED';
  if (memberTeams[challenge._id] || team.members.some((m) => m.openid === openid)) return 'ALREADY_IN_TEAM';
  if (team.members.length >= challenge.teamSize.max) return 'TEAM_FULL';
  return null;
}

export function withMember(team: TeamRecord, openid: string, now: Instant): TeamRecord {
  const at = toIso(now);
  return { ...team, members: [...team.members, { openid, joinedAt: at }], updatedAt: at };
}

/**
 * The team without this member (before the start, so nothing of theirs counted yet). The
 * captain's leaving hands the team to the member who joined next; null when they were alone
 * (the team is dissolved).
 */
export function withoutMember(team: TeamRecord, openid: string, now: Instant): TeamRecord | null {
  const members = team.members.filter((m) => m.openid !== openid);
  if (members.length === 0) return null;
  const { [openid]: _gone, ...contributions } = team.contributions;
  void _gone;
  const captain = team.captain === openid ? members[0].openid : team.captain;
  return { ...team, members, captain, contributions, updatedAt: toIso(now) };
}

export interface ActivityOutcome {
  team: TeamRecord;
  /** The activity moved the team (its contribution and maybe the bar). */
  counted: boolean;
  /** This activity completed the team: reward `team.rewarded`, once. */
  completed: boolean;
}

/**
 * What one activity of a member (a check-in, a redemption…) does to their team. It counts when
 * the goal is on that metric and the team is active (running, enough members, not done).
 * `checkins`/`redemptions`/`purchases` add 1; `checkinDays` adds 1 on the first check-in that
 * makes a day complete (every member checked in that Shanghai day). Reaching the target
 * completes the team: the members present then are the ones rewarded.
 */
export function countActivity(
  team: TeamRecord,
  challenge: ChallengeDoc,
  openid: string,
  metric: TeamMetric,
  now: Instant,
): ActivityOutcome {
  const unchanged = { team, counted: false, completed: false };
  if (challenge.goal.metric !== metric || !team.members.some((m) => m.openid === openid)) return unchanged;
  if (teamState(team, challenge, now).status !== 'active') return unchanged;

  const at = toIso(now);
  const contributions = { ...team.contributions, [openid]: (team.contributions[openid] ?? 0) + 1 };
  let progress = team.progress + 1;
  let days = team.days;
  if (metric === 'checkinDays') {
    const day = dayOf(now);
    const present = team.days[day] ?? [];
    if (present.includes(openid)) return unchanged;
    const next = [...present, openid];
    const full = (list: string[]) => team.members.every((m) => list.includes(m.openid));
    progress = team.progress + (full(next) && !full(present) ? 1 : 0);
    // Only the latest day can still change: earlier ones are dropped, so the document stays small.
    days = { [day]: next };
  }
  const completed = progress >= challenge.goal.target;
  const moved: TeamRecord = {
    ...team,
    contributions,
    progress,
    days,
    updatedAt: at,
    completedAt: completed ? at : null,
    rewarded: completed ? team.members.map((m) => m.openid) : [],
  };
  return { team: moved, counted: true, completed };
}

export function remaining(team: Pick<TeamRecord, 'progress'>, challenge: ChallengeDoc): number {
  return Math.max(0, challenge.goal.target - team.progress);
}

const UNITS: Record<TeamMetric, string> = {
  checkins: '次签到',
  checkinDays: '天全员签到',
  redemptions: '次兑换',
  purchases: '次消费',
};

/** "还差 6 次签到", "还差 2 天全员签到"; "目标达成" when nothing is left. */
export function teamRemainingText(metric: TeamMetric, left: number): string {
  return left <= 0 ? '目标达成' : `还差 ${left} ${UNITS[metric]}`;
}

/** Shanghai days left including today (the end day counts), 0 once the challenge is over. */
export function challengeDaysLeft(challenge: ChallengeDoc, now: Instant): number {
  if (toMs(now) >= toMs(challenge.endAt)) return 0;
  const lastDay = dayOf(toMs(challenge.endAt) - 1);
  return dayDiff(dayOf(now), lastDay) + 1;
}

/** Shanghai days until the start day (0 on it and after). */
export function challengeDaysToStart(challenge: ChallengeDoc, now: Instant): number {
  return toMs(now) >= toMs(challenge.startAt) ? 0 : Math.max(0, dayDiff(dayOf(now), dayOf(challenge.startAt)));
}

/**
 * The team once a member deleted their account: their openid replaced by `anon` wherever it
 * appears (roster, captain, contributions, days, rewarded), so the bar keeps its history and no
 * trace of who they were remains.
 */
export function anonymisedTeam(team: TeamRecord, openid: string, anon: string): TeamRecord {
  const swap = (id: string) => (id === openid ? anon : id);
  const contributions: Record<string, number> = {};
  for (const [id, n] of Object.entries(team.contributions)) contributions[swap(id)] = n;
  const days: Record<string, string[]> = {};
  for (const [day, ids] of Object.entries(team.days)) days[day] = ids.map(swap);
  return {
    ...team,
    captain: swap(team.captain),
    members: team.members.map((m) => ({ ...m, openid: swap(m.openid) })),
    contributions,
    days,
    rewarded: team.rewarded.map(swap),
  };
}

/** The member's teams whose bar an activity could move now: the goal on one of its `metrics`, the challenge running. */
export function teamsCounting(
  teams: Readonly<Record<string, string>>,
  challenges: readonly ChallengeDoc[],
  metrics: readonly TeamMetric[],
  now: Instant,
): Array<{ challenge: ChallengeDoc; teamId: string }> {
  return challenges
    .filter((c) => teams[c._id] && metrics.includes(c.goal.metric) && challengePhase(c, now) === 'running')
    .map((c) => ({ challenge: c, teamId: teams[c._id] }));
}
