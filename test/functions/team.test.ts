import type { TeamPageData } from '@shared/contracts/team';
import { demoPartnerSecret, postPartner } from '../../scripts/partner-client';
import { ledgerConsistency, memberId, startTestCloud, type Doc, type TestCloud } from './support/cloud';
import { putContent, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(90_000);

/**
 * team.* on localcloud through the real SDK (strict indexes): teams form, race for places, move
 * with their members' own check-ins and redemptions — once per activity, Shanghai days — and
 * are rewarded once through the ledger when the goal is met.
 */
let cloud: TestCloud;

/** Test challenges in 2030, clear of the demo program's. */
const challenge = (id: string, over: Record<string, unknown>) => ({
  _id: id,
  title: `测试挑战 ${id}`,
  description: '队员自己的行为推进队伍',
  teamSize: { min: 2, max: 5 },
  goal: { metric: 'checkins', target: 100 },
  reward: { points: 60, growth: 40 },
  ...over,
});

const CHALLENGES = [
  // 5 free places beside the captain.
  challenge('tc_race', { joinFrom: '2030-05-01', startAt: '2030-05-10', endAt: '2030-05-31', teamSize: { min: 2, max: 6 } }),
  challenge('tc_checkins', {
    joinFrom: '2030-06-01',
    startAt: '2030-06-10',
    endAt: '2030-06-20',
    joinGraceHours: 24,
    teamSize: { min: 2, max: 3 },
    goal: { metric: 'checkins', target: 4 },
    reward: { points: 60, growth: 40, badgeId: 'team_full_house' },
  }),
  challenge('tc_redeem', {
    joinFrom: '2030-07-01',
    startAt: '2030-07-05',
    endAt: '2030-07-31',
    teamSize: { min: 2, max: 4 },
    goal: { metric: 'redemptions', target: 3 },
    reward: { points: 30, growth: 0 },
  }),
  challenge('tc_days', {
    joinFrom: '2030-08-01',
    startAt: '2030-08-10',
    endAt: '2030-08-31',
    teamSize: { min: 2, max: 3 },
    goal: { metric: 'checkinDays', target: 2 },
  }),
  challenge('tc_midnight', { joinFrom: '2030-09-01', startAt: '2030-09-05', endAt: '2030-09-06' }),
  challenge('tc_few', { joinFrom: '2030-10-01', startAt: '2030-10-05', endAt: '2030-10-20', teamSize: { min: 3, max: 4 } }),
  challenge('tc_shop', {
    joinFrom: '2030-11-01',
    startAt: '2030-11-05',
    endAt: '2030-11-30',
    teamSize: { min: 2, max: 4 },
    goal: { metric: 'purchases', target: 3 },
    reward: { points: 50, growth: 20 },
  }),
];

beforeAll(async () => {
  cloud = await startTestCloud();
  await putContent(cloud, 'challenges', CHALLENGES);
  await putContent(cloud, 'benefit_packs', [testPack('team_pack', { stock: null, cost: 0 })]);
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const at = (dayTime: string) => cloud.lc.setClock(shanghai(dayTime));
const create = (who: string, challengeId: string) => cloud.ok('team', 'create', who, { challengeId });
const join = (who: string, code: string) => cloud.call('team', who, { action: 'join', code });
const checkin = (who: string) => cloud.ok('checkin', 'checkin', who, {});
const mine = (who: string, challengeId: string) => cloud.ok('team', 'mine', who, { challengeId });
const teamDoc = async (code: string) => (await cloud.docs('teams', { _id: code }))[0];
const rewardsOf = async (who: string) => (await cloud.docs('ledger', { openid: who })).filter((e) => e.kind === 'team_reward');

async function teamOf(members: string[], challengeId: string): Promise<string> {
  const created: TeamPageData = await create(members[0], challengeId);
  const code = created.team!.code;
  for (const m of members.slice(1)) expect(await join(m, code)).toMatchObject({ ok: true });
  return code;
}

describe('forming a team', () => {
  it('creates a team with a short code and a share path without reward wording; one team per member per challenge', async () => {
    at('2030-06-02 10:00:00');
    const captain = memberId('tcCap');
    const listed = await cloud.ok('team', 'challenges', captain, {});
    expect(listed.challenges.map((c) => [c.challenge.id, c.challenge.phase, c.team])).toEqual([['tc_checkins', 'open', null]]);

    const { challenge: view, team } = await create(captain, 'tc_checkins');
    expect(team?.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(team).toMatchObject({ status: 'forming', members: 1, maxMembers: 3, isCaptain: true, canLeave: true, canInvite: true });
    expect(team?.sharePath).toMatch(new RegExp(`^packages/team/pages/join/index\\?team=${team?.code}&inviteCode=[2-9A-HJKMNP-Z]{8}$`));
    expect(team?.shareTitle).not.toMatch(/积分|奖励|领|红包/);
    expect(view).toMatchObject({ joinable: true, daysToStart: 8, goal: { metric: 'checkins', target: 4, metricName: '签到次数' } });
    expect(view.reward.badge).toMatchObject({ id: 'team_full_house', name: '全员到齐' });
    // 全员到齐 has no rule of its own: the badge wall says which challenge lights it.
    const wall = await cloud.ok('member', 'badges', captain, {});
    expect(wall.badges.find((b) => b.id === 'team_full_house')).toMatchObject({
      earned: false,
      remainingText: '和队友完成「测试挑战 tc_checkins」组队挑战获得',
    });

    expect(await cloud.fail('team', captain, { action: 'create', challengeId: 'tc_checkins' })).toMatchObject({ code: 'ALREADY_IN_TEAM' });
    expect(await cloud.fail('team', captain, { action: 'create', challengeId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    // Not open for teams yet.
    expect(await cloud.fail('team', captain, { action: 'create', challengeId: 'tc_redeem' })).toMatchObject({ code: 'CHALLENGE_CLOSED' });
    const listedAgain = await cloud.ok('team', 'challenges', captain, {});
    expect(listedAgain.challenges[0].team).toMatchObject({ teamId: team?.code, status: 'forming', members: 1 });
  });

  it('joins through the code (any case, with dashes), refuses a second team, an unknown code, and after the grace', async () => {
    at('2030-06-03 10:00:00');
    const [a, b, c] = ['tcJa', 'tcJb', 'tcJc'].map(memberId);
    const code = (await create(a, 'tc_checkins')).team!.code;
    const other = (await create(c, 'tc_checkins')).team!.code;
    const preview = await cloud.ok('team', 'preview', b, { code });
    expect(preview).toMatchObject({ inThisTeam: false, refusal: null, team: { members: 1, maxMembers: 3, status: 'forming' } });

    const joined = await join(b, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
    expect(joined).toMatchObject({ ok: true, data: { team: { members: 2, isCaptain: false } } });
    expect(await join(b, code)).toMatchObject({ ok: false, error: { code: 'ALREADY_IN_TEAM' } });
    expect(await join(b, other)).toMatchObject({ ok: false, error: { code: 'ALREADY_IN_TEAM' } });
    expect(await join(b, '23456A')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cloud.ok('team', 'preview', b, { code })).toMatchObject({ inThisTeam: true, refusal: null });
    expect(await cloud.ok('team', 'preview', b, { code: other })).toMatchObject({ refusal: 'ALREADY_IN_TEAM' });

    at('2030-06-11 00:00:00'); // start 06-10 + 24 h
    expect(await join(memberId('tcJd'), code)).toMatchObject({ ok: false, error: { code: 'CHALLENGE_CLOSED' } });
    const members = (await teamDoc(code)).members as Array<{ openid: string }>;
    expect(members.map((m) => m.openid)).toEqual([a, b]);
  });

  it('20 members racing for the 5 free places of a team: exactly 5 get in, 15 are told it is full', async () => {
    at('2030-05-02 10:00:00');
    const code = (await create(memberId('raceCap'), 'tc_race')).team!.code;
    const racers = Array.from({ length: 20 }, (_v, i) => memberId(`race${i}`));
    // Each racer exists before the race, so the race is about the team alone.
    await Promise.all(racers.map((r) => cloud.ok('member', 'home', r, {})));
    const answers = await Promise.all(racers.map((r) => join(r, code)));
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TEAM_FULL')).toHaveLength(15);
    const team = await teamDoc(code);
    const inTeam = (team.members as Array<{ openid: string }>).map((m) => m.openid);
    expect(inTeam).toHaveLength(6);
    // Each member who got in (and only they) has the team on their record.
    const joinedRacers = racers.filter((_r, i) => answers[i].ok);
    const records = await cloud.docs('members', { _id: cloud.db.op.in(racers) });
    for (const m of records) expect(((m.teams as Record<string, string>) ?? {}).tc_race === code).toBe(joinedRacers.includes(m._id));
  });

  it('leaving before the start hands the captaincy on, a captain alone dissolves the team; after the start nobody leaves', async () => {
    at('2030-08-02 10:00:00');
    const [a, b] = ['tcLa', 'tcLb'].map(memberId);
    const code = await teamOf([a, b], 'tc_days');
    expect(await cloud.ok('team', 'leave', a, { teamId: code })).toEqual({ left: true, dissolved: false });
    expect(await teamDoc(code)).toMatchObject({ captain: b, members: [expect.objectContaining({ openid: b })] });
    expect((await mine(a, 'tc_days')).team).toBeNull();
    expect(await cloud.fail('team', a, { action: 'leave', teamId: code })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await cloud.ok('team', 'leave', b, { teamId: code })).toEqual({ left: true, dissolved: true });
    expect(await cloud.docs('teams', { _id: code })).toEqual([]);

    const [c, d] = ['tcLc', 'tcLd'].map(memberId);
    const kept = await teamOf([c, d], 'tc_days');
    at('2030-08-10 00:00:00');
    expect(await cloud.fail('team', d, { action: 'leave', teamId: kept })).toMatchObject({ code: 'CHALLENGE_CLOSED' });
  });
});

describe('progress from the members’ own activity', () => {
  it('moves the bar in the check-in’s own answer, once per check-in, and completes once with one reward each (two members crossing the goal at the same moment)', async () => {
    at('2030-06-04 10:00:00');
    const [a, b, c] = ['tcPa', 'tcPb', 'tcPc'].map(memberId);
    const code = await teamOf([a, b, c], 'tc_checkins');

    at('2030-06-09 12:00:00'); // before the start: nothing counts
    expect((await checkin(a)).teams).toEqual([]);

    at('2030-06-10 09:00:00');
    const first = await checkin(a);
    expect(first.teams).toEqual([
      expect.objectContaining({ teamId: code, status: 'active', progress: 1, target: 4, remainingText: '还差 3 次签到' }),
    ]);
    // A repeat (and 20 parallel repeats) answers the day's result and counts nothing.
    await Promise.all(Array.from({ length: 20 }, () => checkin(a)));
    expect((await teamDoc(code)).progress).toBe(1);
    // Home shows the line.
    expect((await cloud.ok('member', 'home', b, {})).team).toMatchObject({ teamId: code, progress: 1, remainingText: '还差 3 次签到' });
    await checkin(b);
    await checkin(c);
    expect((await teamDoc(code)).progress).toBe(3);

    at('2030-06-11 08:00:00');
    const [ra, rb] = await Promise.all([checkin(a), checkin(b)]);
    const team = await teamDoc(code);
    expect(team).toMatchObject({ progress: 4, completedAt: expect.any(String) });
    expect((team.rewarded as string[]).sort()).toEqual([a, b, c].sort());
    // Exactly one of the two answers carries the completion; the other found the team done.
    const completedIn = [ra, rb].filter((r) => r.teams.some((t) => t.status === 'completed'));
    expect(completedIn).toHaveLength(1);
    expect(completedIn[0].newBadges.map((x) => x.id)).toEqual(expect.arrayContaining(['team_first', 'team_full_house']));
    // A completed team challenge is a metric of tree nodes too: 社群达人 lights in the same answer, with its points.
    expect(completedIn[0].newNodes).toEqual([expect.objectContaining({ id: 'community_3', unlocksText: '解锁：120 积分' })]);
    for (const who of [a, b, c]) {
      const rewards = await rewardsOf(who);
      expect(rewards).toEqual([expect.objectContaining({ points: 60, growth: 40, refId: code })]);
    }
    expect(await ledgerConsistency(cloud)).toEqual([]);

    // The member who was not checking in sees the ceremony on the next visit, once.
    const home = await cloud.ok('member', 'home', c, {});
    expect(home.teamCeremony).toMatchObject({ teamId: code, points: 60, growth: 40, badge: { id: 'team_full_house' } });
    expect(home.team).toMatchObject({ status: 'completed', remainingText: '目标达成' });
    const [cMember] = await cloud.docs('members', { _id: c });
    expect(cMember).toMatchObject({ teamChallenges: 1 });
    expect((cMember.nodes as Array<{ id: string }>).map((n) => n.id)).toContain('community_3');
    expect(await cloud.docs('ledger', { openid: c, kind: 'node_reward', refId: 'community_3' })).toEqual([
      expect.objectContaining({ points: 120 }),
    ]);
    expect((cMember.badges as Array<{ id: string }>).map((x) => x.id)).toEqual(expect.arrayContaining(['team_first', 'team_full_house']));
    expect(await cloud.ok('team', 'seen', c, { teamId: code })).toEqual({ updated: 1 });
    expect((await cloud.ok('member', 'home', c, {})).teamCeremony).toBeNull();
    const page = await mine(c, 'tc_checkins');
    expect(page.team).toMatchObject({ status: 'completed', rewardPaid: true, progress: 4 });
    // Four check-ins counted: one of a's and b's second ones found the team already done.
    const contributions = page.team?.roster.map((r) => r.contribution) ?? [];
    expect(contributions.reduce((x, y) => x + y, 0)).toBe(4);
    expect(contributions[2]).toBe(1);

    // Done: later check-ins count for nobody, and nobody is paid again.
    at('2030-06-12 08:00:00');
    expect((await checkin(c)).teams).toEqual([]);
    expect(await rewardsOf(c)).toHaveLength(1);
  });

  it('counts a redemption once, whatever the retries (same requestId, in parallel)', async () => {
    at('2030-07-02 10:00:00');
    const [a, b] = ['tcRa', 'tcRb'].map(memberId);
    const code = await teamOf([a, b], 'tc_redeem');
    at('2030-07-06 12:00:00');
    const redeem = (who: string, requestId: string) => cloud.ok('redeem', 'redeem', who, { packId: 'team_pack', requestId });
    const answers = await Promise.all(Array.from({ length: 10 }, () => redeem(a, 'team-req-0001')));
    expect((await teamDoc(code)).progress).toBe(1);
    for (const r of answers)
      expect(r.teams).toEqual([expect.objectContaining({ teamId: code, progress: 1, remainingText: '还差 2 次兑换' })]);
    await redeem(a, 'team-req-0001');
    await redeem(b, 'team-req-0002');
    expect((await teamDoc(code)).contributions).toEqual({ [a]: 1, [b]: 1 });
    // A check-in does not move a redemption goal.
    expect((await checkin(a)).teams).toEqual([]);
    const last = await redeem(b, 'team-req-0003');
    expect(last.teams[0]).toMatchObject({ status: 'completed', progress: 3 });
    // The team reward, on a free pack, and the points of 社群达人 (one team challenge completed).
    expect(last.balance.points).toBe(30 + 120);
    expect(await rewardsOf(a)).toEqual([expect.objectContaining({ points: 30 })]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('counts a purchase the brand reports once: a replayed order (even 20 at once) moves nothing, a refund takes nothing back', async () => {
    at('2030-11-02 10:00:00');
    const [a, b] = ['tcSa', 'tcSb'].map(memberId);
    const code = await teamOf([a, b], 'tc_shop');
    // paidAt: the start of the minute, so a replay carries the very same body.
    const order = async (orderId: string, openid: string, amount: number) => {
      const now = cloud.lc.now().getTime();
      const body = { orderId, openid, amount, paidAt: new Date(now - (now % 60_000)).toISOString(), storeId: 'sh-jingan-01' };
      const answer = await postPartner(`${cloud.lc.url}/http/partner`, 'orders', body, demoPartnerSecret(), {
        timestamp: Math.floor(now / 1000),
      });
      expect(answer.status).toBe(200);
    };
    // Before the start a purchase does not count.
    await order('TC-SHOP-0000', a, 1_000);
    expect((await teamDoc(code)).progress).toBe(0);
    at('2030-11-06 12:00:00');
    await Promise.all(Array.from({ length: 20 }, () => order('TC-SHOP-0001', a, 3_000)));
    expect(await teamDoc(code)).toMatchObject({ progress: 1, contributions: { [a]: 1 } });
    await order('TC-SHOP-0001', a, 3_000);
    expect((await teamDoc(code)).progress).toBe(1);
    // A full refund: the member's purchase count and growth go back, the team's bar does not.
    const refund = await postPartner(
      `${cloud.lc.url}/http/partner`,
      'refunds',
      { orderId: 'TC-SHOP-0001', refundId: 'R1', amount: 3_000 },
      demoPartnerSecret(),
      { timestamp: Math.floor(cloud.lc.now().getTime() / 1000) },
    );
    expect(refund.status).toBe(200);
    expect((await teamDoc(code)).progress).toBe(1);
    // Check-ins do not move a purchases goal; the third purchase completes it, once, for both.
    await checkin(b);
    expect((await teamDoc(code)).progress).toBe(1);
    await order('TC-SHOP-0002', b, 5_000);
    await order('TC-SHOP-0003', a, 2_000);
    expect(await teamDoc(code)).toMatchObject({ progress: 3, contributions: { [a]: 2, [b]: 1 }, completedAt: expect.any(String) });
    expect(await rewardsOf(a)).toEqual([expect.objectContaining({ points: 50, growth: 20, refId: code })]);
    expect(await rewardsOf(b)).toEqual([expect.objectContaining({ points: 50, growth: 20, refId: code })]);
    await order('TC-SHOP-0004', b, 1_000);
    expect(await rewardsOf(b)).toHaveLength(1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('checkinDays: a day counts when every member checked in', async () => {
    at('2030-08-03 10:00:00');
    const [a, b] = ['tcDa', 'tcDb'].map(memberId);
    const code = await teamOf([a, b], 'tc_days');
    at('2030-08-10 09:00:00');
    expect((await checkin(a)).teams[0]).toMatchObject({ progress: 0, remainingText: '还差 2 天全员签到' });
    expect((await checkin(b)).teams[0]).toMatchObject({ progress: 1, remainingText: '还差 1 天全员签到' });
    at('2030-08-11 09:00:00');
    await checkin(b);
    expect((await checkin(a)).teams[0]).toMatchObject({ progress: 2, status: 'completed' });
    expect((await teamDoc(code)).contributions).toEqual({ [a]: 2, [b]: 2 });
  });

  it('a team still short of members when joining closes does not run, and says so', async () => {
    at('2030-10-02 10:00:00');
    const [a, b] = ['tcFa', 'tcFb'].map(memberId);
    const code = await teamOf([a, b], 'tc_few'); // min 3
    at('2030-10-06 09:00:00');
    expect((await checkin(a)).teams).toEqual([]);
    const page = await mine(a, 'tc_few');
    expect(page.team).toMatchObject({ status: 'failed', failure: 'TOO_FEW', progress: 0, canInvite: false });
    expect((await teamDoc(code)).progress).toBe(0);
  });
});

describe('Shanghai days at the edges of a challenge', () => {
  // localcloud's clock keeps running after a jump: the last-minute calls leave 30 s of margin so a
  // slow machine cannot carry them over midnight (the domain's tests check the exact millisecond).
  it('counts from 00:00:00 of the start day to the last minute of the end day, nothing outside', async () => {
    at('2030-09-02 10:00:00');
    const [a, b, c, d] = ['tcMa', 'tcMb', 'tcMc', 'tcMd'].map(memberId);
    const code = await teamOf([a, b, c, d], 'tc_midnight');
    at('2030-09-04 23:59:30');
    expect((await checkin(a)).teams).toEqual([]);
    at('2030-09-05 00:00:00');
    expect((await checkin(b)).teams).toEqual([expect.objectContaining({ progress: 1 })]);
    at('2030-09-06 23:59:30');
    expect((await checkin(c)).teams).toEqual([expect.objectContaining({ progress: 2, daysLeft: 1 })]);
    at('2030-09-07 00:00:00');
    expect((await checkin(d)).teams).toEqual([]);
    const team = await teamDoc(code);
    expect(team.contributions).toEqual({ [b]: 1, [c]: 1 });
    expect((await mine(a, 'tc_midnight')).team).toMatchObject({ status: 'failed', failure: 'TIME_UP', daysLeft: 0 });
  });
});

describe('what a member outside any team pays', () => {
  it('a returning member’s morning check-in and home cost what they cost before teams existed', async () => {
    const who = memberId('tcSolo');
    // Two first days (the first check-in and the first tree leaf each earn a badge), seen.
    at('2030-06-12 08:00:00');
    await checkin(who);
    at('2030-06-13 08:00:00');
    await checkin(who);
    await cloud.ok('member', 'badgesSeen', who, {});
    at('2030-06-14 08:00:00');
    await cloud.ok('member', 'home', memberId('tcWarm'), {});
    await cloud.ok('checkin', 'calendar', memberId('tcWarm'), { month: '2030-06' });
    const home = await cloud.http('member', who, { action: 'home' });
    expect(home.roundTrips).toBe(3);
    const morning = await cloud.http('checkin', who, { action: 'checkin' });
    expect(morning.body).toMatchObject({ ok: true, data: { alreadyCheckedIn: false, teams: [] } });
    expect(morning.roundTrips).toBe(7);
  });
});

describe('deleting an account', () => {
  it('leaves a forming team, and is anonymised in a running one (the bar keeps its history)', async () => {
    at('2030-06-05 10:00:00');
    const [a, b, c] = ['tcXa', 'tcXb', 'tcXc'].map(memberId);
    const running = await teamOf([a, b], 'tc_checkins');
    at('2030-08-04 10:00:00');
    const forming = await teamOf([a, c], 'tc_days');
    at('2030-06-10 10:00:00');
    await checkin(a);
    at('2030-08-05 10:00:00');
    await cloud.ok('member', 'deleteAccount', a, { confirm: true });
    const kept = await teamDoc(running);
    expect(JSON.stringify(kept)).not.toContain(a);
    expect(kept).toMatchObject({ progress: 1, captain: expect.stringMatching(/^anon_/) });
    const left = await teamDoc(forming);
    expect(left).toMatchObject({ captain: c, members: [expect.objectContaining({ openid: c })] });
    const everything = JSON.stringify(await cloud.dump());
    expect(everything).not.toContain(a);
  });
});

describe('the badge card', () => {
  it('gives an earned badge with its date and the badge wall’s mini-program code; an unearned one is not found', async () => {
    at('2030-06-15 10:00:00');
    const who = memberId('tcCard');
    await checkin(who);
    const card = await cloud.ok('member', 'badgeCard', who, { badgeId: 'first_checkin' });
    expect(card).toMatchObject({
      badge: { id: 'first_checkin', name: '初次签到', earnedAt: expect.any(String) },
      nickname: expect.any(String),
    });
    expect(card.qrUrl).toMatch(/^http/);
    const image = await fetch(card.qrUrl ?? '');
    expect(image.headers.get('content-type')).toBe('image/png');
    // One image for every card, drawn once.
    await cloud.ok('member', 'badgeCard', who, { badgeId: 'first_checkin' });
    expect(await cloud.docs<Doc>('share_codes', { _id: 'badge_wall' })).toHaveLength(1);
    expect(await cloud.fail('member', who, { action: 'badgeCard', badgeId: 'streak_100' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
