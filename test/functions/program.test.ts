import type { HomeData } from '@shared/contracts/member';
import { ledgerConsistency, memberId, OPS, startTestCloud, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(90_000);

/**
 * The brand's program on localcloud through the real SDK: campaigns in three phases (boundaries
 * to the second in Shanghai time, the check-in boost written to the ledger, the campaign badge,
 * the recap), 生日特权 (set once, the gift once a year under parallel visits, packs of the
 * birthday month, the audited ops correction), 公益同行 donations (exactly once, never below
 * zero, nodes and certificate), packs a member must unlock, and `member.program`.
 */
let cloud: TestCloud;

/** A campaign with its own dates (the demo's carry real dates; the tests set the clock around these). */
const CAMPAIGN = {
  _id: 'test_thanks',
  title: '测试感恩季',
  description: '活动期间签到积分翻倍',
  preheatAt: '2031-05-01',
  startAt: '2031-05-10T10:00',
  endAt: '2031-05-20',
  recapUntil: '2031-05-31',
  boosts: { checkin: { pointsMultiplier: 2, growthMultiplier: 1.5 } },
  packIds: ['basic_health_pack'],
  badgeId: 'thanks_season_2026',
  active: true,
};

/** The demo host (`content/demo/staff.json`, role host). */
const HOST = 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ';

/** Offline events on 2031-01-10, the day the unlock test runs: three activities and a course. */
const UNLOCK_EVENTS = ['salon', 'market', 'walk', 'course'].map((name) => ({
  _id: `unlock_${name}`,
  title: `解锁测试 ${name}`,
  place: '静安店',
  startAt: '2031-01-10T09:00',
  endAt: '2031-01-10T18:00',
  points: 0,
  growth: 0,
  kind: name === 'course' ? 'course' : 'activity',
  active: true,
}));

beforeAll(async () => {
  cloud = await startTestCloud();
  await putContent(cloud, 'campaigns', [CAMPAIGN]);
  await putContent(cloud, 'events', UNLOCK_EVENTS);
  await putContent(cloud, 'benefit_packs', [testPack('badge_pack', { title: '徽章专享', cost: 0, requires: { badgeId: 'streak_7' } })]);
  await putContent(cloud, 'charity_projects', [
    { _id: 'later_project', title: '明年的项目', story: '还没开始。', goalPoints: 1000, startAt: '2040-01-01', endAt: null },
  ]);
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const home = (who: string) => cloud.ok('member', 'home', who, {});

describe('campaigns in three phases', () => {
  const who = memberId('campaigner');

  it('answers the phase that holds at each boundary second, Shanghai time', async () => {
    const phaseAt = async (at: string): Promise<HomeData['campaign']> => {
      cloud.lc.setClock(at);
      return (await home(who)).campaign;
    };
    await home(who); // a warm instance: the clock keeps running after a jump
    expect(await phaseAt(shanghai('2031-04-30 23:59:59'))).toBeNull();
    expect(await phaseAt(shanghai('2031-05-01 00:00:00'))).toMatchObject({
      id: 'test_thanks',
      phase: 'preheat',
      daysToStart: 9,
      packs: [{ id: 'basic_health_pack', title: '健康福利包' }],
      badge: { id: 'thanks_season_2026', name: '感恩季同行' },
      boost: { pointsMultiplier: 2, growthMultiplier: 1.5 },
    });
    expect((await phaseAt(shanghai('2031-05-10 09:59:59')))?.phase).toBe('preheat');
    expect(await phaseAt(shanghai('2031-05-10 10:00:00'))).toMatchObject({ phase: 'live', daysLeft: 11, joined: false });
    expect((await phaseAt(shanghai('2031-05-20 23:59:59')))?.phase).toBe('live');
    expect(await phaseAt(shanghai('2031-05-21 00:00:00'))).toMatchObject({ phase: 'recap' });
    expect((await phaseAt(shanghai('2031-05-31 23:59:59')))?.phase).toBe('recap');
    expect(await phaseAt(shanghai('2031-06-01 00:00:00'))).toBeNull();
    // The same boundaries in UTC: 10:00 Shanghai is 02:00Z.
    expect((await phaseAt('2031-05-10T01:59:59.000Z'))?.phase).toBe('preheat');
    expect((await phaseAt('2031-05-10T02:00:00.000Z'))?.phase).toBe('live');
  });

  it('boosts a live check-in, writes the boosted amount and the multiplier to the ledger, and joins the campaign once', async () => {
    const m = memberId('booster');
    cloud.lc.setClock(shanghai('2031-05-09 09:00:00'));
    const before = await cloud.ok('checkin', 'checkin', m, {});
    expect(before.reward).toMatchObject({ points: 10, growth: 10, boost: null });

    cloud.lc.setClock(shanghai('2031-05-11 09:00:00'));
    const live = await cloud.ok('checkin', 'checkin', m, {});
    expect(live.reward).toEqual({
      points: 20,
      growth: 15,
      bonus: null,
      boost: { campaignId: 'test_thanks', title: '测试感恩季', pointsMultiplier: 2, growthMultiplier: 1.5, points: 10, growth: 5 },
    });
    // Joining the campaign (the first live check-in) earns its badge.
    expect(live.newBadges.map((b) => b.id)).toContain('thanks_season_2026');
    const ledger = await cloud.docs<Record<string, unknown>>('ledger', { openid: m });
    const entry = ledger.find((e) => e.refId === `${m}_2031-05-11`);
    expect(entry).toMatchObject({ kind: 'checkin', points: 20, growth: 15, boost: { campaignId: 'test_thanks', pointsMultiplier: 2 } });
    const page = await cloud.ok('member', 'ledger', m, { limit: 10 });
    expect(page.entries.find((e) => e.id === entry?._id)).toMatchObject({
      title: '每日签到',
      points: 20,
      boost: { title: '测试感恩季', pointsMultiplier: 2, growthMultiplier: 1.5 },
    });

    cloud.lc.setClock(shanghai('2031-05-12 09:00:00'));
    const next = await cloud.ok('checkin', 'checkin', m, {});
    expect(next.newBadges).toEqual([]);
    const [member] = await cloud.docs('members', { _id: m });
    expect(member.campaigns).toEqual(['test_thanks']);
    expect((await home(m)).campaign).toMatchObject({ joined: true });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('recaps the member’s own figures over the live phase, not before it; unknown and upcoming campaigns are refused', async () => {
    const m = memberId('booster');
    cloud.lc.setClock(shanghai('2031-05-15 12:00:00'));
    await cloud.ok('redeem', 'redeem', m, { packId: 'basic_points_coupon', requestId: 'recap-redeem-1' });
    cloud.lc.setClock(shanghai('2031-05-25 12:00:00'));
    const recap = await cloud.ok('member', 'recap', m, { campaignId: 'test_thanks' });
    // Check-ins on the 11th and 12th (20 + 20 points, 15 + 15 growth); the 9th was before it. The
    // campaign's badge and a first redemption.
    expect(recap.figures).toEqual({
      checkins: 2,
      points: 40,
      growth: 30,
      boostPoints: 20,
      redemptions: 1,
      badges: [
        { id: 'thanks_season_2026', name: '感恩季同行', icon: '🧡' },
        { id: 'first_redeem', name: '初次兑换', icon: '🎁' },
      ],
    });
    expect(recap.campaign).toMatchObject({ id: 'test_thanks', phase: 'recap' });
    expect(recap.days).toBe(11);
    expect((await cloud.fail('member', m, { action: 'recap', campaignId: 'nope' })).code).toBe('NOT_FOUND');
    cloud.lc.setClock(shanghai('2031-05-05 12:00:00'));
    const early = await cloud.fail('member', m, { action: 'recap', campaignId: 'test_thanks' });
    expect(early).toMatchObject({ code: 'NOT_AVAILABLE_NOW', message: '活动还没有开始' });
  });

  it('shows ops the campaign against the days before it', async () => {
    cloud.lc.setClock(shanghai('2031-05-25 12:00:00'));
    const stats = await cloud.ok('ops', 'stats', OPS, { from: '2031-05-01', to: '2031-05-24' });
    expect(stats.campaign).toMatchObject({
      id: 'test_thanks',
      phase: 'recap',
      during: { from: '2031-05-10', to: '2031-05-20', figures: { participants: 1, checkins: 2, redemptions: 1 } },
      before: { from: '2031-04-29', to: '2031-05-09' },
    });
  });
});

describe('生日特权', () => {
  it('is set once by the member; a different date afterwards is ALREADY_SET and changes nothing', async () => {
    const m = memberId('birthdayOnce');
    cloud.lc.setClock(shanghai('2031-02-10 09:00:00'));
    expect(await cloud.ok('member', 'profile', m, { birthday: '03-08' })).toMatchObject({ birthday: '03-08' });
    expect(await cloud.ok('member', 'profile', m, { birthday: '03-08' })).toMatchObject({ birthday: '03-08' });
    const before = await cloud.docs('members', { _id: m });
    const refused = await cloud.fail('member', m, { action: 'profile', birthday: '04-01', nickname: '改名' });
    expect(refused).toMatchObject({ code: 'ALREADY_SET', message: '生日设置后不能自行修改，如需更正请联系客服' });
    expect(await cloud.docs('members', { _id: m })).toEqual(before);
    expect((await cloud.fail('member', m, { action: 'profile', birthday: '02-30' })).code).toBe('INVALID_INPUT');
    expect((await home(m)).member).toMatchObject({ birthday: '03-08', birthdayMonth: false });
  });

  it('credits the gift once under 20 parallel visits in the birthday month, again the next year, never outside it', async () => {
    const m = memberId('birthdayGift');
    cloud.lc.setClock(shanghai('2031-02-20 09:00:00'));
    await cloud.ok('member', 'profile', m, { birthday: '03-08' });
    const outside = await cloud.http('member', m, { action: 'home' });
    expect((outside.body as { data: HomeData }).data.birthdayGift).toBeNull();

    cloud.lc.setClock(shanghai('2031-03-01 00:00:00'));
    const visits = await Promise.all(Array.from({ length: 20 }, () => home(m)));
    for (const v of visits) expect(v.birthdayGift).toMatchObject({ year: 2031, points: 88, growth: 20 });
    const gifts = (await cloud.docs('ledger', { openid: m })).filter((e) => e.kind === 'birthday_gift');
    expect(gifts).toEqual([expect.objectContaining({ points: 88, growth: 20 })]);
    expect((await home(m)).member).toMatchObject({ points: 88, growth: 20, birthdayMonth: true });

    // The last second of March, and April: no second gift; the next March, one more.
    cloud.lc.setClock(shanghai('2031-03-31 23:59:59'));
    await home(m);
    cloud.lc.setClock(shanghai('2031-04-01 00:00:00'));
    expect((await home(m)).birthdayGift).toBeNull();
    cloud.lc.setClock(shanghai('2032-03-15 12:00:00'));
    expect((await home(m)).birthdayGift).toMatchObject({ year: 2032 });
    expect((await cloud.docs('ledger', { openid: m })).filter((e) => e.kind === 'birthday_gift')).toHaveLength(2);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('costs no extra round trip on a home visit outside the birthday month', async () => {
    const plain = memberId('birthdayPlain');
    const set = memberId('birthdaySetNoGift');
    cloud.lc.setClock(shanghai('2031-07-01 09:00:00'));
    await home(plain);
    await cloud.ok('member', 'profile', set, { birthday: '12-01' });
    await home(set);
    const a = await cloud.http('member', plain, { action: 'home' });
    const b = await cloud.http('member', set, { action: 'home' });
    expect(b.roundTrips).toBe(a.roundTrips);
  });

  it('opens birthday-month packs in that month only, saying why otherwise', async () => {
    const m = memberId('birthdayPack');
    cloud.lc.setClock(shanghai('2031-08-10 12:00:00'));
    const noBirthday = (await cloud.ok('redeem', 'list', m, {})).packs.find((p) => p.id === 'birthday_month_gift');
    expect(noBirthday?.eligibility).toEqual({ eligible: false, reason: 'NOT_BIRTHDAY_MONTH', detail: { birthdaySet: false } });
    expect(noBirthday?.requires).toEqual({ node: null, badge: null, birthdayMonth: true });
    await cloud.ok('member', 'profile', m, { birthday: '09-15' });
    const refused = await cloud.fail('redeem', m, { action: 'redeem', packId: 'birthday_month_gift', requestId: 'bday-pack-0001' });
    expect(refused).toMatchObject({ code: 'NOT_BIRTHDAY_MONTH', message: '这份福利只在你的生日当月开放' });
    expect(await cloud.docs('redemptions', { openid: m })).toEqual([]);
    cloud.lc.setClock(shanghai('2031-09-01 08:00:00'));
    const voucher = await cloud.ok('redeem', 'redeem', m, { packId: 'birthday_month_gift', requestId: 'bday-pack-0002' });
    expect(voucher.voucher.packTitle).toBe('生日月礼遇');
  });

  it('is corrected by ops only, audited with who, before, after and why; members never see it of others', async () => {
    const m = memberId('birthdayOps');
    cloud.lc.setClock(shanghai('2031-02-10 09:00:00'));
    await cloud.ok('member', 'profile', m, { birthday: '06-01' });
    const fixed = await cloud.ok('ops', 'setBirthday', OPS, { openid: m, birthday: '06-10', reason: '会员来电，身份证核对后更正' });
    expect(fixed).toMatchObject({ openid: m, before: '06-01', after: '06-10', auditId: expect.any(String) });
    const [audit] = await cloud.docs('ops_audit', { _id: fixed.auditId ?? '' });
    expect(Object.keys(audit).sort()).toEqual(['_id', 'action', 'after', 'at', 'before', 'reason', 'target', 'who']);
    expect(audit).toMatchObject({ who: OPS, action: 'ops.setBirthday', target: m, before: '06-01', after: '06-10' });
    // The same value again changes nothing and audits nothing.
    expect(await cloud.ok('ops', 'setBirthday', OPS, { openid: m, birthday: '06-10', reason: '重复提交' })).toMatchObject({
      auditId: null,
    });
    expect(await cloud.docs('ops_audit', { target: m })).toHaveLength(1);
    expect((await cloud.fail('ops', m, { action: 'setBirthday', openid: m, birthday: '01-01', reason: '自己改' })).code).toBe('FORBIDDEN');
    expect(
      (await cloud.fail('ops', OPS, { action: 'setBirthday', openid: memberId('nobodyHere'), birthday: '01-01', reason: '测试' })).code,
    ).toBe('NOT_FOUND');
    expect((await home(m)).member.birthday).toBe('06-10');
  });
});

describe('公益同行', () => {
  // The demo's 山区儿童阅读角 is open from 2026-11-01 to 2027-02-28.
  const OPEN = '2026-12-10 10:00:00';

  it('gives exactly once per requestId under 20 parallel calls, and all answers agree', async () => {
    const [m] = await seedFundedMembers(cloud, 'donor', 1, 100);
    cloud.lc.setClock(shanghai(OPEN));
    const calls = Array.from({ length: 20 }, () =>
      cloud.ok('member', 'donate', m, { projectId: 'reading_corner', points: 40, requestId: 'donate-same-0001' }),
    );
    const answers = await Promise.all(calls);
    for (const a of answers) expect({ ...a, newBadges: [], newNodes: [] }).toEqual({ ...answers[0], newBadges: [], newNodes: [] });
    expect(answers[0]).toMatchObject({ points: 40, balance: { points: 60 }, pointsDonated: 40 });
    const entries = (await cloud.docs('ledger', { openid: m })).filter((e) => e.kind === 'donation');
    expect(entries).toEqual([expect.objectContaining({ points: -40, growth: 0, refId: 'reading_corner' })]);
    expect(await cloud.docs('donations', { openid: m })).toHaveLength(1);
    // 公益初心 (10 points given) lit: its certificate; the first leaf.
    expect(answers.flatMap((a) => a.newNodes.map((n) => [n.id, n.unlocksText]))).toEqual([['charity_1', '解锁：公益同行电子证书']]);
    const charity = await cloud.ok('member', 'charity', m, {});
    expect(charity.certificate).toEqual({ nickname: expect.any(String), pointsDonated: 40 });
    expect(charity.projects.find((p) => p.id === 'reading_corner')).toMatchObject({ mine: 40, status: 'open' });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('never goes below zero: of 20 parallel gifts of 30 points from 100, exactly 3 go through', async () => {
    const [m] = await seedFundedMembers(cloud, 'donorRace', 1, 100);
    cloud.lc.setClock(shanghai(OPEN));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_v, i) =>
        cloud.call('member', m, {
          action: 'donate',
          projectId: 'river_guardian',
          points: 30,
          requestId: `donate-race-${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(17).fill('INSUFFICIENT_POINTS'));
    const [member] = await cloud.docs('members', { _id: m });
    expect(member).toMatchObject({ points: 10, pointsDonated: 90 });
    expect(await cloud.docs('donations', { openid: m })).toHaveLength(3);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('counts a project’s progress over every member; refuses unknown and closed projects', async () => {
    cloud.lc.setClock(shanghai(OPEN));
    const [a, b] = await seedFundedMembers(cloud, 'donorPair', 2, 500);
    await cloud.ok('member', 'donate', a, { projectId: 'reading_corner', points: 200, requestId: 'donate-pair-a001' });
    await cloud.ok('member', 'donate', b, { projectId: 'reading_corner', points: 300, requestId: 'donate-pair-b001' });
    const view = await cloud.ok('member', 'charity', b, {});
    const reading = view.projects.find((p) => p.id === 'reading_corner');
    const all = (await cloud.docs<{ projectId: string; points: number }>('donations')).filter((d) => d.projectId === 'reading_corner');
    expect(reading).toMatchObject({ mine: 300, donated: all.reduce((s, d) => s + d.points, 0), goalPoints: 50000 });
    expect(view.projects.find((p) => p.id === 'later_project')).toMatchObject({ status: 'upcoming' });
    const [member] = await cloud.docs('members', { _id: b });
    // 300 given lights 公益 up to 公益同行 (100): its badge, awarded by the node.
    expect((member.badges as Array<{ id: string }>).map((x) => x.id)).toContain('charity_companion');

    expect((await cloud.fail('member', a, { action: 'donate', projectId: 'nope', points: 10, requestId: 'donate-pair-a002' })).code).toBe(
      'NOT_FOUND',
    );
    const closed = await cloud.fail('member', a, {
      action: 'donate',
      projectId: 'later_project',
      points: 10,
      requestId: 'donate-pair-a003',
    });
    expect(closed.code).toBe('NOT_AVAILABLE_NOW');
    expect((await cloud.docs('members', { _id: a }))[0]).toMatchObject({ points: 300, pointsDonated: 200 });
  });
});

describe('packs unlocked by what a member did', () => {
  it('says which node or badge is missing, refuses the redemption with the same reason, and opens once it is there', async () => {
    const [m] = await seedFundedMembers(cloud, 'unlocker', 1, 1000);
    cloud.lc.setClock(shanghai('2031-01-10 10:00:00'));
    const list = await cloud.ok('redeem', 'list', m, {});
    const mentor = list.packs.find((p) => p.id === 'learning_mentor_program');
    expect(mentor?.requires).toEqual({
      node: { id: 'learning_3', title: '导师计划', branchName: '学习' },
      badge: null,
      birthdayMonth: false,
    });
    // Tier first: the mentor programme is for 进阶层.
    expect(mentor?.eligibility).toMatchObject({ reason: 'TIER_TOO_LOW' });
    const course = list.packs.find((p) => p.id === 'learning_advanced_course');
    expect(course?.eligibility).toEqual({ eligible: false, reason: 'NODE_REQUIRED', detail: { nodeId: 'learning_2' } });
    const badgePack = list.packs.find((p) => p.id === 'badge_pack');
    expect(badgePack?.eligibility).toEqual({ eligible: false, reason: 'BADGE_REQUIRED', detail: { badgeId: 'streak_7' } });
    expect(badgePack?.requires).toMatchObject({ badge: { id: 'streak_7', name: '七日坚持' } });

    const refused = await cloud.fail('redeem', m, { action: 'redeem', packId: 'learning_advanced_course', requestId: 'unlock-0001' });
    expect(refused).toMatchObject({ code: 'NODE_REQUIRED', details: { nodeId: 'learning_2' } });
    expect(await cloud.docs('redemptions', { openid: m })).toEqual([]);

    // 进阶层 by growth alone does not open 导师计划: 学习 lights on offline events, not growth.
    await cloud.ok('ops', 'adjust', OPS, { openid: m, points: 0, growth: 800, reason: '线下课程结业', requestId: 'unlock-grant-01' });
    const grown = await cloud.ok('redeem', 'list', m, {});
    expect(grown.packs.find((p) => p.id === 'learning_mentor_program')?.eligibility).toMatchObject({ reason: 'NODE_REQUIRED' });
    // Four events attended at the door (the host scans the member's code), one of them a course:
    // 学习 lights up to 导师计划 (4 events), 进阶课程 on the course.
    for (const e of UNLOCK_EVENTS) {
      const { code } = await cloud.ok('member', 'code', m, {});
      await cloud.ok('event', 'attend', HOST, { eventId: e._id, memberCode: code });
    }
    const tree = await cloud.ok('member', 'tree', m, {});
    expect(
      tree.branches
        .find((b) => b.key === 'learning')
        ?.nodes.filter((n) => n.unlocked)
        .map((n) => n.id),
    ).toEqual(['learning_1', 'learning_2', 'learning_3']);
    const after = await cloud.ok('redeem', 'list', m, {});
    expect(after.packs.find((p) => p.id === 'learning_mentor_program')?.eligibility).toEqual({ eligible: true });
    expect(after.packs.find((p) => p.id === 'learning_advanced_course')?.eligibility).toMatchObject({ eligible: true });
    const voucher = await cloud.ok('redeem', 'redeem', m, { packId: 'learning_mentor_program', requestId: 'unlock-0002' });
    expect(voucher.voucher.packTitle).toBe('导师计划报名券');
  });
});

describe('invitee reward', () => {
  it('pays the invited friend at activation — their own engagement — and never at the bind', async () => {
    cloud.lc.setClock(shanghai('2031-03-01 09:00:00'));
    const inviter = memberId('inviteeRewardA');
    const friend = memberId('inviteeRewardB');
    const { code } = await cloud.ok('invite', 'card', inviter, {});
    await cloud.ok('invite', 'bind', friend, { code });
    expect((await cloud.docs('ledger', { openid: friend })).filter((e) => e.kind === 'invitee_reward')).toEqual([]);
    const answers = [];
    for (const day of ['2031-03-01', '2031-03-02', '2031-03-03']) {
      cloud.lc.setClock(shanghai(`${day} 09:00:00`));
      answers.push(await cloud.ok('checkin', 'checkin', friend, {}));
    }
    expect(answers.map((a) => a.inviteeReward)).toEqual([null, null, { points: 30, growth: 10 }]);
    const rewards = (await cloud.docs('ledger', { openid: friend })).filter((e) => e.kind === 'invitee_reward');
    expect(rewards).toEqual([expect.objectContaining({ points: 30, growth: 10 })]);
    // The answer's balance counts it: 3 check-ins and the reward.
    expect(answers[2].balance).toEqual({ points: 30 + 30, growth: 30 + 10 });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });
});

describe('member.program', () => {
  it('answers the rules from content and settings', async () => {
    cloud.lc.setClock(shanghai('2031-05-12 09:00:00'));
    const p = await cloud.ok('member', 'program', memberId('reader'), {});
    expect(p.tiers.map((t) => [t.id, t.name, t.threshold, t.entryReward])).toEqual([
      ['basic', '基础层', 0, null],
      ['advanced', '进阶层', 350, { points: 100, packTitle: '会员优先购' }],
      ['core', '核心层', 2000, { points: 300, packTitle: null }],
    ]);
    expect(p.tiers[1].benefits.length).toBeGreaterThan(0);
    expect(p.tier).toEqual({ windowMonths: 12, downgradeWarningDays: 30 });
    expect(p.invite).toMatchObject({ rewardPoints: 50, inviteeReward: { points: 30, growth: 10 }, checkinDays: 3, withinDays: 7 });
    expect(p.birthday).toEqual({ points: 88, growth: 20 });
    expect(p.campaigns.map((c) => [c.id, c.phase])).toEqual([['test_thanks', 'live']]);
  });
});
