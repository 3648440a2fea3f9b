import { createHmac } from 'node:crypto';
import { codeExpiresAt, codeWindow } from '@shared/domain/memberCode';
import { codeFromDigest } from '../../cloudfunctions/_common/memberCodes';
import { ledgerConsistency, memberId, startTestCloud, VERIFIER, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(120_000);

/**
 * The 会员码 and offline events on localcloud through the real SDK: a code names its member for
 * 60 seconds and never reveals the openid; forged, hand-written and expired codes are refused;
 * hosts (and verifiers) check a member in once per event — under 20 parallel scans too — only
 * while it runs, ± the grace; the reward, the counters and the event's badge follow once; the
 * member sees 我的活动.
 */
let cloud: TestCloud;
const HOST = 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ';
const OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';

const events = [
  {
    _id: 'evt_salon',
    title: '周末读书会',
    place: '静安店二楼',
    startAt: '2031-06-07T14:00',
    endAt: '2031-06-07T16:00',
    points: 50,
    growth: 30,
    badgeId: 'evt_badge',
    active: true,
  },
  {
    _id: 'evt_course',
    title: '咖啡品鉴课',
    place: '静安店',
    startAt: '2031-06-07T10:00',
    endAt: '2031-06-07T12:00',
    points: 0,
    growth: 0,
    kind: 'course',
    active: true,
  },
  {
    _id: 'evt_later',
    title: '新春市集',
    place: '中庭',
    startAt: '2031-07-01T10:00',
    endAt: '2031-07-01T17:00',
    points: 30,
    growth: 20,
    active: true,
  },
  {
    _id: 'evt_off',
    title: '已取消',
    place: '中庭',
    startAt: '2031-06-07T14:00',
    endAt: '2031-06-07T16:00',
    points: 30,
    growth: 20,
    active: false,
  },
];

const codeOf = async (who: string) => (await cloud.ok('member', 'code', who, {})).code;
const attend = (staff: string, eventId: string, memberCode: string) =>
  cloud.call('event', staff, { action: 'attend', eventId, memberCode });

beforeAll(async () => {
  cloud = await startTestCloud({ maxWorkersPerFunction: 6 });
  await putContent(cloud, 'events', events);
  await putContent(cloud, 'badges', [
    {
      _id: 'evt_badge',
      name: '读书会纪念',
      description: '参加周末读书会',
      icon: '📚',
      rarity: 'rare',
      // Given only at the door: no rule of its own (the active event awards it).
      rule: null,
      order: 900,
      active: true,
    },
  ]);
  // 14:10 on the salon's day, Shanghai.
  cloud.lc.setClock(shanghai('2031-06-07 14:10:00'));
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

describe('the member code', () => {
  it('is 18 digits for 60 s from its 30 s window, the same within the window, and says nothing of the openid', async () => {
    const [who] = await seedFundedMembers(cloud, 'code', 1, 0);
    const first = await cloud.ok('member', 'code', who, {});
    expect(first.code).toMatch(/^\d{18}$/);
    const window = codeWindow(cloud.lc.now().getTime());
    expect(first.expiresAt).toBe(new Date(codeExpiresAt(window)).toISOString());
    expect(Date.parse(first.refreshAt)).toBe(codeExpiresAt(window) - 30_000);
    expect((await cloud.ok('member', 'code', who, {})).code).toBe(first.code);
    // Another member in the same window gets another code.
    const [other] = await seedFundedMembers(cloud, 'code2', 1, 0);
    expect(await codeOf(other)).not.toBe(first.code);
    // Not derivable without the environment's secret (an HMAC under another key gives another code).
    const guess = codeFromDigest(createHmac('sha256', 'guess').update(`${who}:${window}:0`).digest('hex'));
    expect(guess).not.toBe(first.code);
    const [lookup] = await cloud.docs('member_codes', { _id: first.code });
    expect(lookup).toMatchObject({ openid: who, window, expiresAt: first.expiresAt });
  });
});

describe('event.attend', () => {
  it('checks a member in once: reward, counters, the event’s badge, and a second scan says when the first was', async () => {
    const [who] = await seedFundedMembers(cloud, 'att', 1, 0);
    // The wall says how the event's badge is earned.
    const wall = await cloud.ok('member', 'badges', who, {});
    expect(wall.badges.find((b) => b.id === 'evt_badge')).toMatchObject({ earned: false, remainingText: '到场参加「周末读书会」获得' });
    const code = await codeOf(who);
    const ok = await cloud.ok('event', 'attend', HOST, { eventId: 'evt_salon', memberCode: code });
    expect(ok).toEqual({
      eventId: 'evt_salon',
      eventTitle: '周末读书会',
      memberNickname: expect.stringMatching(/^会员/),
      attendedAt: expect.stringMatching(/^2031-06-07T06:1\d:/),
      points: 50,
      growth: 30,
      badgeName: '读书会纪念',
    });
    const [stored] = await cloud.docs('members', { _id: who });
    // The event's 50 points and 学习's first node (an event attended), 20 more — delivered in the same transaction.
    expect(stored).toMatchObject({ points: 50 + 20, growth: 30, eventsAttended: 1, coursesAttended: 0 });
    expect((stored.nodes as Array<{ id: string }>).map((n) => n.id)).toEqual(['learning_1']);
    expect((stored.badges as Array<{ id: string }>).map((b) => b.id)).toEqual(expect.arrayContaining(['evt_badge', 'first_event']));
    expect((await cloud.docs('ledger', { openid: who })).filter((e) => e.kind === 'event_reward')).toEqual([
      expect.objectContaining({ points: 50, growth: 30, refId: 'evt_salon' }),
    ]);

    const again = await attend(VERIFIER, 'evt_salon', await codeOf(who));
    expect(again).toEqual({
      ok: false,
      error: { code: 'ALREADY_ATTENDED', message: expect.stringMatching(/签到过/), details: { attendedAt: ok.attendedAt } },
    });
    // Home shows the event's badge ceremony.
    expect((await cloud.ok('member', 'home', who, {})).badges.newestUnseen).not.toBeNull();
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('checks a member in exactly once under 20 parallel scans', async () => {
    const [who] = await seedFundedMembers(cloud, 'race', 1, 0);
    const code = await codeOf(who);
    const answers = await Promise.all(Array.from({ length: 20 }, () => attend(HOST, 'evt_salon', code)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(19).fill('ALREADY_ATTENDED'));
    expect(await cloud.docs('event_attendance', { eventId: 'evt_salon', openid: who })).toHaveLength(1);
    expect((await cloud.docs('ledger', { openid: who })).filter((e) => e.kind === 'event_reward')).toHaveLength(1);
    expect((await cloud.docs('members', { _id: who }))[0]).toMatchObject({ points: 50 + 20, eventsAttended: 1 });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('refuses a forged, hand-written or expired code, changing nothing', async () => {
    const [who] = await seedFundedMembers(cloud, 'forge', 1, 0);
    const before = await cloud.docs('members', { _id: who });
    expect((await attend(HOST, 'evt_salon', '123456789012345678')).ok).toBe(false);
    expect(await attend(HOST, 'evt_salon', '1234 5678 9012 3456 78')).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
    // A lookup document someone wrote by hand (no HMAC behind it) names nobody.
    const window = codeWindow(cloud.lc.now().getTime());
    await cloud.db.add('member_codes', {
      _id: '999999999999999999',
      openid: who,
      window,
      variant: 0,
      expiresAt: new Date(codeExpiresAt(window)).toISOString(),
    });
    expect(await attend(HOST, 'evt_salon', '999999999999999999')).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });

    const code = await codeOf(who);
    cloud.lc.setClock(new Date(cloud.lc.now().getTime() + 61_000));
    expect(await attend(HOST, 'evt_salon', code)).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_EXPIRED' } });
    expect(await cloud.docs('members', { _id: who })).toEqual(before);
    expect(await cloud.docs('event_attendance', { openid: who })).toEqual([]);
    cloud.lc.setClock(shanghai('2031-06-07 14:10:00'));
  });

  it('only while the event runs, ± the grace; only for staff with role host or verifier; code lookups rate-limited', async () => {
    const [who] = await seedFundedMembers(cloud, 'when', 1, 0);
    const code = await codeOf(who);
    expect(await attend(HOST, 'evt_later', code)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AVAILABLE_NOW', details: { opensAt: shanghai('2031-07-01 09:30:00') } },
    });
    expect(await attend(HOST, 'evt_off', code)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await attend(OPS, 'evt_salon', code)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await attend(memberId('plain'), 'evt_salon', code)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The course ended at 12:00: within the 30-minute grace at 12:25, not at 12:31.
    cloud.lc.setClock(shanghai('2031-06-07 12:25:00'));
    expect((await attend(HOST, 'evt_course', await codeOf(who))).ok).toBe(true);
    // A course lights 学习's first two nodes: 20 points, and 进阶课程 opened.
    expect((await cloud.docs('members', { _id: who }))[0]).toMatchObject({ eventsAttended: 1, coursesAttended: 1, points: 20 });
    const [late] = await seedFundedMembers(cloud, 'late', 1, 0);
    cloud.lc.setClock(shanghai('2031-06-07 12:31:00'));
    expect(await attend(HOST, 'evt_course', await codeOf(late))).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE_NOW' } });

    // 30 lookups a minute per staff member.
    cloud.lc.setClock(shanghai('2031-06-07 14:20:00'));
    const guesses = await Promise.all(Array.from({ length: 31 }, (_v, i) => attend(VERIFIER, 'evt_salon', String(100000000000000000 + i))));
    const codes = guesses.map((g) => (g.ok ? 'ok' : g.error.code));
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(1);
    expect(codes.filter((c) => c === 'MEMBER_CODE_INVALID')).toHaveLength(30);
    cloud.lc.setClock(shanghai('2031-06-07 14:10:00'));
  });
});

describe('我的活动 and hosting', () => {
  it('shows the member their events and what is coming, and hosts today’s events with their counts', async () => {
    const [who] = await seedFundedMembers(cloud, 'mine', 1, 0);
    await cloud.ok('event', 'attend', HOST, { eventId: 'evt_salon', memberCode: await codeOf(who) });
    const mine = await cloud.ok('event', 'mine', who, {});
    expect(mine.attended).toEqual([expect.objectContaining({ eventId: 'evt_salon', title: '周末读书会', points: 50, growth: 30 })]);
    expect(mine.upcoming.map((e) => [e.id, e.phase])).toEqual([
      ['evt_salon', 'running'],
      ['evt_later', 'upcoming'],
    ]);
    expect(mine.totals).toEqual({ events: 1, courses: 0 });

    const hosting = await cloud.ok('event', 'hosting', HOST, {});
    expect(hosting.events.map((e) => [e.id, e.open])).toEqual([
      ['evt_course', false],
      ['evt_salon', true],
    ]);
    const salon = hosting.events.find((e) => e.id === 'evt_salon');
    expect(salon?.attended).toBe((await cloud.docs('event_attendance', { eventId: 'evt_salon' })).length);
    expect(salon?.badge).toEqual({ id: 'evt_badge', name: '读书会纪念', icon: '📚' });
    expect((await cloud.fail('event', memberId('plain2'), { action: 'hosting' })).code).toBe('FORBIDDEN');
  });

  it('cleans up expired code lookups in the jobs timer, keeping live ones', async () => {
    const [who] = await seedFundedMembers(cloud, 'clean', 1, 0);
    const live = await codeOf(who);
    cloud.lc.setClock(shanghai('2031-06-07 15:00:00'));
    const { outcome } = await cloud.lc.fireTrigger('jobs', 'schedule');
    expect(outcome.kind).toBe('ok');
    expect(await cloud.docs('member_codes', { _id: live })).toEqual([]);
    const fresh = await codeOf(who);
    expect(await cloud.docs('member_codes', { _id: fresh })).toHaveLength(1);
    cloud.lc.setClock(shanghai('2031-06-07 14:10:00'));
  });
});
