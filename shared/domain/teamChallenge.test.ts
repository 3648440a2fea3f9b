import fc from 'fast-check';
import { challengeSchema, type ChallengeDoc } from '../content/challenges';
import { atMinute, startOfDay } from '../time/shanghai';
import {
  anonymisedTeam,
  canJoinNow,
  canLeaveNow,
  challengeDaysLeft,
  challengeDaysToStart,
  challengePhase,
  countActivity,
  createRefusal,
  joinClosesAt,
  joinRefusal,
  newTeam,
  teamRemainingText,
  teamState,
  teamsCounting,
  withMember,
  withoutMember,
  type TeamRecord,
} from './teamChallenge';

/** Opens 12-01, starts 12-07 00:00, ends at the end of 12-20 (Shanghai); joining closes 24 h after the start. */
function challenge(overrides: Record<string, unknown> = {}): ChallengeDoc {
  return challengeSchema.parse({
    _id: 'winter',
    title: '冬日组队签到挑战',
    description: '队员签到累计 10 次即完成',
    joinFrom: '2026-12-01',
    startAt: '2026-12-07',
    endAt: '2026-12-20',
    joinGraceHours: 24,
    teamSize: { min: 2, max: 3 },
    goal: { metric: 'checkins', target: 10 },
    reward: { points: 60, growth: 40 },
    ...overrides,
  });
}

const at = (day: string, hhmm = '09:00') => atMinute(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));
const A = 'oMemberA_000000000000000000';
const B = 'oMemberB_000000000000000000';
const C = 'oMemberC_000000000000000000';
const D = 'oMemberD_000000000000000000';

function team(members: string[], over: Partial<TeamRecord> = {}): TeamRecord {
  let t = newTeam('K7QM2X', 'winter', members[0], at('2026-12-02'));
  for (const m of members.slice(1)) t = withMember(t, m, at('2026-12-03'));
  return { ...t, ...over };
}

describe('the timeline (Shanghai days)', () => {
  const c = challenge();

  it('opens for teams on joinFrom, runs from startAt, ends after the end day', () => {
    expect(challengePhase(c, at('2026-11-30', '23:59'))).toBe('upcoming');
    expect(challengePhase(c, startOfDay('2026-12-01'))).toBe('open');
    expect(challengePhase(c, startOfDay('2026-12-07') - 1)).toBe('open');
    expect(challengePhase(c, startOfDay('2026-12-07'))).toBe('running');
    expect(challengePhase(c, startOfDay('2026-12-21') - 1)).toBe('running');
    expect(challengePhase(c, startOfDay('2026-12-21'))).toBe('ended');
  });

  it('lets members join until the grace after the start, and leave only before it', () => {
    expect(joinClosesAt(c)).toBe(startOfDay('2026-12-08'));
    expect(canJoinNow(c, at('2026-11-30'))).toBe(false);
    expect(canJoinNow(c, at('2026-12-07', '23:59'))).toBe(true);
    expect(canJoinNow(c, startOfDay('2026-12-08'))).toBe(false);
    expect(canLeaveNow(c, startOfDay('2026-12-07') - 1)).toBe(true);
    expect(canLeaveNow(c, startOfDay('2026-12-07'))).toBe(false);
    // The grace never reaches past the end.
    expect(joinClosesAt(challenge({ endAt: '2026-12-07T12:00', joinGraceHours: 48 }))).toBe(at('2026-12-07', '12:00'));
  });

  it('counts days left including today, and days to the start', () => {
    expect(challengeDaysLeft(c, at('2026-12-20', '23:00'))).toBe(1);
    expect(challengeDaysLeft(c, at('2026-12-07'))).toBe(14);
    expect(challengeDaysLeft(c, startOfDay('2026-12-21'))).toBe(0);
    expect(challengeDaysToStart(c, at('2026-12-05'))).toBe(2);
    expect(challengeDaysToStart(c, at('2026-12-07'))).toBe(0);
  });
});

describe('creating, joining and leaving', () => {
  const c = challenge();

  it('refuses outside the window, a second team in the same challenge, and a full team — in that order', () => {
    expect(createRefusal(c, at('2026-11-30'), {})).toBe('CHALLENGE_CLOSED');
    expect(createRefusal(c, at('2026-12-02'), { winter: 'OTHER1' })).toBe('ALREADY_IN_TEAM');
    expect(createRefusal(c, at('2026-12-02'), { spring: 'OTHER1' })).toBeNull();
    const full = team([A, B, C]);
    expect(joinRefusal(full, c, D, at('2026-12-04'), {})).toBe('TEAM_FULL');
    expect(joinRefusal(full, c, D, at('2026-12-04'), { winter: 'OTHER1' })).toBe('ALREADY_IN_TEAM');
    expect(joinRefusal(full, c, A, at('2026-12-04'), {})).toBe('ALREADY_IN_TEAM');
    expect(joinRefusal(full, c, D, startOfDay('2026-12-08'), {})).toBe('CHALLENGE_CLOSED');
    expect(joinRefusal(team([A]), c, D, at('2026-12-04'), {})).toBeNull();
    // A team that already completed takes nobody: the reward belongs to who was there.
    expect(joinRefusal(team([A, B], { completedAt: '2026-12-07T10:00:00.000Z' }), c, D, at('2026-12-07', '12:00'), {})).toBe(
      'CHALLENGE_CLOSED',
    );
  });

  it('hands the team to the next member when the captain leaves, and dissolves a team of one', () => {
    const t = team([A, B, C]);
    const left = withoutMember(t, A, at('2026-12-05'));
    expect(left?.captain).toBe(B);
    expect(left?.members.map((m) => m.openid)).toEqual([B, C]);
    expect(withoutMember(t, C, at('2026-12-05'))?.captain).toBe(A);
    expect(withoutMember(team([A]), A, at('2026-12-05'))).toBeNull();
  });
});

describe('status', () => {
  const c = challenge();

  it('forms before the start, runs with enough members, fails when short at the close of joining or at the end', () => {
    expect(teamState(team([A]), c, at('2026-12-03')).status).toBe('forming');
    expect(teamState(team([A, B]), c, at('2026-12-07'))).toEqual({ status: 'active', failure: null });
    // Short of members after the start but still within the grace: still recruiting.
    expect(teamState(team([A]), c, at('2026-12-07', '12:00'))).toEqual({ status: 'forming', failure: null });
    expect(teamState(team([A]), c, startOfDay('2026-12-08'))).toEqual({ status: 'failed', failure: 'TOO_FEW' });
    expect(teamState(team([A, B]), c, startOfDay('2026-12-21'))).toEqual({ status: 'failed', failure: 'TIME_UP' });
    expect(teamState(team([A, B], { completedAt: '2026-12-10T01:00:00.000Z' }), c, startOfDay('2026-12-21')).status).toBe('completed');
  });
});

describe('counting activity', () => {
  it('counts each member check-in of an active team, and nothing else', () => {
    const c = challenge();
    const t = team([A, B]);
    const once = countActivity(t, c, A, 'checkins', at('2026-12-07'));
    expect(once).toMatchObject({ counted: true, completed: false });
    expect(once.team.progress).toBe(1);
    expect(once.team.contributions).toEqual({ [A]: 1 });
    // Before the start, after the end, another metric, a stranger, a team below the minimum: nothing.
    expect(countActivity(t, c, A, 'checkins', startOfDay('2026-12-07') - 1).counted).toBe(false);
    expect(countActivity(t, c, A, 'checkins', startOfDay('2026-12-21')).counted).toBe(false);
    expect(countActivity(t, c, A, 'redemptions', at('2026-12-07')).counted).toBe(false);
    expect(countActivity(t, c, D, 'checkins', at('2026-12-07')).counted).toBe(false);
    expect(countActivity(team([A]), c, A, 'checkins', at('2026-12-07')).counted).toBe(false);
  });

  it('completes exactly when the target is reached, rewarding the members present, and stops counting', () => {
    const c = challenge({ goal: { metric: 'checkins', target: 3 } });
    let t = team([A, B, C]);
    const steps = [A, B, C].map((who) => {
      const out = countActivity(t, c, who, 'checkins', at('2026-12-08'));
      t = out.team;
      return out.completed;
    });
    expect(steps).toEqual([false, false, true]);
    expect(t.progress).toBe(3);
    expect(t.completedAt).toBe(new Date(at('2026-12-08')).toISOString());
    expect(t.rewarded).toEqual([A, B, C]);
    expect(countActivity(t, c, A, 'checkins', at('2026-12-09'))).toEqual({ team: t, counted: false, completed: false });
  });

  it('checkinDays: a day counts once, when its last member checks in', () => {
    const c = challenge({ goal: { metric: 'checkinDays', target: 2 } });
    let t = team([A, B]);
    const step = (who: string, day: string) => {
      const out = countActivity(t, c, who, 'checkinDays', at(day));
      t = out.team;
      return [t.progress, out.completed];
    };
    expect(step(A, '2026-12-07')).toEqual([0, false]);
    expect(step(A, '2026-12-07')).toEqual([0, false]); // the same member twice that day changes nothing
    expect(step(B, '2026-12-07')).toEqual([1, false]);
    expect(step(B, '2026-12-08')).toEqual([1, false]);
    expect(Object.keys(t.days)).toEqual(['2026-12-08']); // only the open day is kept
    expect(step(A, '2026-12-08')).toEqual([2, true]);
    expect(t.contributions).toEqual({ [A]: 2, [B]: 2 });
  });

  it('never counts beyond the target nor completes twice, whatever the order of activities', () => {
    const c = challenge({ goal: { metric: 'checkins', target: 5 }, teamSize: { min: 2, max: 3 } });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(A, B, C, D), { maxLength: 30 }), (who) => {
        let t = team([A, B, C]);
        let completions = 0;
        for (const w of who) {
          const out = countActivity(t, c, w, 'checkins', at('2026-12-10'));
          t = out.team;
          if (out.completed) completions++;
        }
        const members = who.filter((w) => w !== D).length;
        expect(t.progress).toBe(Math.min(members, 5));
        expect(completions).toBe(members >= 5 ? 1 : 0);
        expect(Object.values(t.contributions).reduce((s, n) => s + n, 0)).toBe(t.progress);
      }),
    );
  });
});

describe('what moves on an activity, and what the member sees', () => {
  it('picks the running challenges whose goal counts the activity, from the member record alone', () => {
    const checkins = challenge();
    const redeems = challenge({ _id: 'shop', goal: { metric: 'redemptions', target: 5 } });
    const later = challenge({ _id: 'later', joinFrom: '2027-01-01', startAt: '2027-01-05', endAt: '2027-01-20' });
    const mine = { winter: 'T1', shop: 'T2', later: 'T3' };
    const now = at('2026-12-10');
    expect(teamsCounting(mine, [checkins, redeems, later], ['checkins', 'checkinDays'], now)).toEqual([
      { challenge: checkins, teamId: 'T1' },
    ]);
    expect(teamsCounting(mine, [checkins, redeems, later], ['redemptions'], now)).toEqual([{ challenge: redeems, teamId: 'T2' }]);
    expect(teamsCounting({}, [checkins, redeems], ['checkins'], now)).toEqual([]);
  });

  it('says what is left in the goal’s own unit', () => {
    expect(teamRemainingText('checkins', 6)).toBe('还差 6 次签到');
    expect(teamRemainingText('checkinDays', 2)).toBe('还差 2 天全员签到');
    expect(teamRemainingText('redemptions', 1)).toBe('还差 1 次兑换');
    expect(teamRemainingText('checkins', 0)).toBe('目标达成');
  });

  it('anonymises a deleted member everywhere, keeping the bar', () => {
    const c = challenge({ goal: { metric: 'checkinDays', target: 5 } });
    const t = countActivity(team([A, B]), c, A, 'checkinDays', at('2026-12-07')).team;
    const anon = anonymisedTeam({ ...t, rewarded: [A, B] }, A, 'anon_1');
    expect(JSON.stringify(anon)).not.toContain(A);
    expect(anon.captain).toBe('anon_1');
    expect(anon.contributions).toEqual({ anon_1: 1 });
    expect(anon.days['2026-12-07']).toEqual(['anon_1']);
    expect(anon.progress).toBe(t.progress);
  });
});
