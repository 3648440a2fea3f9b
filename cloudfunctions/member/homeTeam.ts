import type { Program } from '@shared/content/validateProgram';
import type { TeamProgress } from '@shared/contracts/team';
import type { StoredMember } from '@shared/domain/member';
import { challengePhase, type TeamStatus } from '@shared/domain/teamChallenge';
import type { TeamDoc } from '../_common/teams';
import { teamProgress } from '../_common/teamViews';

/** The member's teams in challenges that are not over: what home may show a line for (no read when none). */
export function homeTeamIds(member: Pick<StoredMember, 'teams'>, program: Program, now: number): string[] {
  return program.challenges.filter((c) => member.teams[c._id] && challengePhase(c, now) !== 'ended').map((c) => member.teams[c._id]);
}

/** What needs the member most: a running bar first, then a team still forming, then one done, then one that could not start. */
const PRIORITY: Record<TeamStatus, number> = { active: 0, forming: 1, completed: 2, failed: 3 };

/** The team home shows in one line ("你的队伍还差 6 次签到"), or null. */
export function homeTeam(teams: ReadonlyMap<string, TeamDoc>, program: Program, now: number): TeamProgress | null {
  const lines = [...teams.values()].flatMap((team) => {
    const challenge = program.challenges.find((c) => c._id === team.challengeId);
    return challenge ? [{ line: teamProgress(team, challenge, now), endAt: challenge.endAt }] : [];
  });
  lines.sort((a, b) => PRIORITY[a.line.status] - PRIORITY[b.line.status] || a.endAt.localeCompare(b.endAt));
  return lines[0]?.line ?? null;
}
