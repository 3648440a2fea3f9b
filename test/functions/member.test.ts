import fs from 'node:fs';
import path from 'node:path';
import { rarityPct } from '@shared/domain/rarity';
import { cloudForSuite, ledgerConsistency, memberId, OPS, ROOT } from './support/cloud';
import { shanghai } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * member.* and ops.adjust on localcloud through the real SDK: the home page in one call and few
 * round trips, the badge wall with rarity from counters, the tree, the ledger pages, profile,
 * account deletion, and audited adjustments.
 */
const cloud = cloudForSuite();

/** Documents of a demo collection (the seeded program). */
const demoCount = (c: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'demo', `${c}.json`), 'utf8')) as unknown[]).length;

const adjust = (openid: string, points: number, growth: number, requestId: string, reason = '线下活动奖励') =>
  cloud.call('ops', OPS, { action: 'adjust', openid, points, growth, reason, requestId });

describe('member.home', () => {
  it('answers everything in one call, with at most 6 database round trips when warm', async () => {
    const who = memberId('homer');
    cloud.lc.setClock(shanghai('2031-04-01 09:00:00')); // a Tuesday morning: no scene pack open
    const first = await cloud.http('member', who, { action: 'home' });
    expect(first.status).toBe(200);
    await cloud.ok('checkin', 'checkin', who, {});
    const warm = await cloud.http('member', who, { action: 'home' });
    expect(warm.roundTrips).toBeLessThanOrEqual(6);
    const again = await cloud.http('member', who, { action: 'home' });
    expect(again.roundTrips).toBeLessThanOrEqual(6);
    expect(warm.body.ok).toBe(true);
    if (!warm.body.ok) return;
    const home = warm.body.data as Awaited<ReturnType<typeof cloud.ok<'member', 'home'>>>;
    expect(home.member).toMatchObject({
      points: 10,
      growth: 10,
      tier: 'basic',
      tierName: '基础层',
      checkedInToday: true,
      checkinDays: 1,
      roles: [],
    });
    expect(home.member.streak.current).toBe(1);
    expect(home.member.nextTier).toEqual({ id: 'advanced', name: '进阶层', threshold: 350, growthNeeded: 340 });
    // The first check-in earns 初次签到 and lights 坚持's first node (第一片叶).
    expect(home.badges).toMatchObject({ earned: 2, total: demoCount('badges'), newestUnseen: { id: 'first_checkin', name: '初次签到' } });
    expect(home.tree).toMatchObject({
      stage: 'sprout',
      unlocked: 1,
      total: demoCount('tree_nodes'),
      // The closest node: 坚持's second (14 check-in days); 学习 waits for an offline event.
      nextNode: { id: 'persist_2', remainingText: '还差 13 天', unlocksText: '解锁：50 积分' },
    });
    expect(home.campaign).toBeNull();
    expect(home.birthdayGift).toBeNull();
    expect(home.nextStreakBonus).toEqual({ days: 7, daysLeft: 6, points: 30, growth: 20 });
    expect(home.pointsOutlook).toEqual({
      pending: 0,
      pendingReleaseOn: null,
      debt: 0,
      expiring: null,
      expiryMonths: 12,
      purchase: { pointsPerYuan: 1, growthPerYuan: 1, holdDays: 7 },
    });
    expect(home.invite).toEqual({ code: expect.stringMatching(/^[2-9A-Z]{8}$/), invited: 0, activated: 0 });
    // Nothing affordable yet: the nearest packs to reach, cheapest gap first.
    expect(home.packs.map((p) => p.id)).toEqual(['basic_points_coupon', 'basic_health_pack', 'basic_annual_kit']);

    await cloud.ok('member', 'badgesSeen', who, {});
    const seen = await cloud.ok('member', 'home', who, {});
    expect(seen.badges.newestUnseen).toBeNull();
    cloud.lc.setClock(null);
  });

  it('shows staff their roles (the entry to verification / the ops dashboard)', async () => {
    expect((await cloud.ok('member', 'home', OPS, {})).member.roles).toEqual(['ops']);
  });

  it('warns 30 days ahead when growth leaving the 12-month window will lower the tier, then lowers it', async () => {
    const who = memberId('downgrade');
    cloud.lc.setClock(shanghai('2029-01-10 10:00:00'));
    await cloud.ok('member', 'home', who, {});
    expect((await adjust(who, 0, 350, 'downgrade-0001')).ok).toBe(true);
    // The check-in's 10 growth, the same day, and 坚持's first node lit.
    await cloud.ok('checkin', 'checkin', who, {});
    expect((await cloud.ok('member', 'home', who, {})).member.tier).toBe('advanced');

    cloud.lc.setClock(shanghai('2029-12-01 10:00:00'));
    expect((await cloud.ok('member', 'home', who, {})).member.downgradeWarning).toBeNull();
    cloud.lc.setClock(shanghai('2029-12-20 10:00:00'));
    const warned = await cloud.ok('member', 'home', who, {});
    expect(warned.member.downgradeWarning).toEqual({
      date: '2030-01-10',
      fromTier: 'advanced',
      fromTierName: '进阶层',
      toTier: 'basic',
      toTierName: '基础层',
      growthLeaving: 360,
      growthToKeep: 350,
    });

    cloud.lc.setClock(shanghai('2030-01-10 00:00:05'));
    const after = await cloud.ok('member', 'home', who, {});
    expect(after.member).toMatchObject({ tier: 'basic', growth: 360, windowGrowth: 0 });
    const [stored] = await cloud.docs('members', { _id: who });
    expect(stored).toMatchObject({ tier: 'basic', growthDays: {} });
    // Lit nodes stay lit: the tree never shrinks when the tier drops (坚持's first node).
    expect((await cloud.ok('member', 'tree', who, {})).unlocked).toBe(1);
    cloud.lc.setClock(null);
  });
});

describe('badges', () => {
  it('shows the wall with live progress and rarity from the maintained counters', async () => {
    const who = memberId('waller');
    await cloud.ok('checkin', 'checkin', who, {});
    const wall = await cloud.ok('member', 'badges', who, {});
    expect(wall.total).toBe(demoCount('badges'));
    expect(wall.earned).toBe(2);
    // A badge only a node awards says how to earn it.
    expect(wall.badges.find((b) => b.id === 'knowledge_sharer')).toMatchObject({
      earned: false,
      remainingText: '点亮成长树「知识分享官」节点后获得',
    });
    const streak7 = wall.badges.find((b) => b.id === 'streak_7');
    expect(streak7).toMatchObject({ earned: false, progress: { current: 1, target: 7 }, remainingText: '还差 6 天' });

    const members = await cloud.docs('members');
    const holders = members.filter((m) => (m.badges as Array<{ id: string }>).some((b) => b.id === 'first_checkin')).length;
    const first = wall.badges.find((b) => b.id === 'first_checkin');
    expect(first).toMatchObject({ earned: true, seen: false, rarityPct: rarityPct(holders, members.length) });
    const [counter] = await cloud.docs('counters', { _id: 'badge_first_checkin' });
    expect(counter.count).toBe(holders);
    expect((await cloud.docs('counters', { _id: 'members' }))[0].count).toBe(members.length);
  });

  it('marks ceremonies seen for the given badges only', async () => {
    const who = memberId('seer');
    await cloud.ok('checkin', 'checkin', who, {});
    await adjust(who, 0, 20, 'seer-grant-01');
    expect(await cloud.ok('member', 'badgesSeen', who, { badgeIds: ['tree_first_leaf'] })).toEqual({ updated: 1 });
    const wall = await cloud.ok('member', 'badges', who, {});
    expect(wall.badges.filter((b) => b.earned).map((b) => [b.id, b.seen])).toEqual([
      ['first_checkin', false],
      ['tree_first_leaf', true],
    ]);
    expect(await cloud.ok('member', 'badgesSeen', who, {})).toEqual({ updated: 1 });
    expect(await cloud.ok('member', 'badgesSeen', who, {})).toEqual({ updated: 0 });
  });
});

describe('tree and ledger', () => {
  it('pages the ledger newest first without gaps or repeats', async () => {
    const who = memberId('pager');
    await cloud.ok('member', 'home', who, {});
    for (let i = 0; i < 45; i++)
      expect((await adjust(who, i + 1, 0, `pager-${String(i).padStart(4, '0')}`, `补发 ${i + 1}`)).ok).toBe(true);
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const res = await cloud.ok('member', 'ledger', who, cursor ? { cursor, limit: 20 } : { limit: 20 });
      seen.push(...res.entries.map((e) => e.points));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 45 }, (_v, i) => 45 - i));
    const one = await cloud.ok('member', 'ledger', who, { limit: 1 });
    expect(one.entries[0]).toMatchObject({ kind: 'ops_adjust', title: '补发 45', points: 45, growth: 0 });
  });

  it('shows the growth tree with its stage and what is next', async () => {
    const who = memberId('treeer');
    await cloud.ok('member', 'home', who, {});
    await adjust(who, 0, 320, 'treeer-0001');
    await cloud.ok('checkin', 'checkin', who, {});
    const tree = await cloud.ok('member', 'tree', who, {});
    // Growth lights no branch on its own: each follows its own metric (坚持 check-in days, 学习 events
    // and courses, 社群 invites and team challenges, 公益 donations).
    expect(tree).toMatchObject({
      growth: 330,
      unlocked: 1,
      total: demoCount('tree_nodes'),
      stage: 'sprout',
      nextNode: { id: 'persist_2' },
    });
    expect(tree.branches.map((b) => [b.key, b.unlocked])).toEqual([
      ['persist', 1],
      ['learning', 0],
      ['community', 0],
      ['charity', 0],
    ]);
    const mentor = tree.branches[1].nodes.find((n) => n.id === 'learning_3');
    expect(mentor).toMatchObject({
      unlocked: false,
      ruleText: '累计参加 4 场线下活动',
      remainingText: '还差 4 场活动',
      unlocksText: '解锁：导师计划报名券',
    });
    expect(tree.branches[1].next).toMatchObject({ id: 'learning_1', ruleText: '累计参加 1 场线下活动', unlocksText: '解锁：20 积分' });
  });
});

describe('profile', () => {
  it('saves a nickname that passes the content check, and the avatar fileID', async () => {
    const who = memberId('profiler');
    const saved = await cloud.ok('member', 'profile', who, { nickname: '  林小满 ', avatarFileId: 'cloud://local-env.abc/avatars/x.png' });
    expect(saved).toEqual({
      nickname: '林小满',
      avatarUrl: 'cloud://local-env.abc/avatars/x.png',
      leaderboardOptIn: false,
      birthday: null,
    });
    expect((await cloud.ok('member', 'home', who, {})).member.nickname).toBe('林小满');
    const rejected = await cloud.fail('member', who, { action: 'profile', nickname: 'localcloud-risky' });
    expect(rejected.code).toBe('CONTENT_REJECTED');
    expect((await cloud.docs('members', { _id: who }))[0].nickname).toBe('林小满');
  });
});

describe('nicknames staff and friends see', () => {
  it('refuses control and bidi characters with INVALID_INPUT, changing nothing', async () => {
    const who = memberId('bidi');
    await cloud.ok('member', 'profile', who, { nickname: '林小满' });
    const before = await cloud.docs('members', { _id: who });
    for (const c of ['\u0000', '\u202E', '\u202A', '\u2066', '\u2069']) {
      const refused = await cloud.fail('member', who, { action: 'profile', nickname: `核销${c}成功` });
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { fields: ['nickname'] } });
    }
    expect(await cloud.docs('members', { _id: who })).toEqual(before);
  });
});

describe('ops.adjust', () => {
  it('grants through an audited ledger entry, once per requestId, never below zero', async () => {
    const who = memberId('adjusted');
    await cloud.ok('member', 'home', who, {});
    // (Growth lights no node on its own, so the balance is the grant alone.)
    const granted = await adjust(who, 120, 15, 'adjust-00000001', '门店消费 120 元');
    expect(granted).toEqual({ ok: true, data: { entryId: 'adjust_adjust-00000001', balance: { points: 120, growth: 15 }, tier: 'basic' } });
    expect(await adjust(who, 120, 15, 'adjust-00000001', '门店消费 120 元')).toEqual(granted);
    const entries = await cloud.docs('ledger', { openid: who });
    expect(entries).toEqual([expect.objectContaining({ kind: 'ops_adjust', points: 120, growth: 15, by: OPS, reason: '门店消费 120 元' })]);

    expect(await adjust(who, -121, 0, 'adjust-00000002', '更正')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
    expect(await adjust(who, 0, -16, 'adjust-00000003', '更正')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
    expect(await adjust(who, -20, -10, 'adjust-00000004', '更正')).toMatchObject({
      ok: true,
      data: { balance: { points: 100, growth: 5 } },
    });
    expect(await adjust(memberId('nobody'), 10, 0, 'adjust-00000005')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await cloud.docs('members', { _id: memberId('nobody') })).toEqual([]);
    expect(
      await cloud.call('ops', who, {
        action: 'adjust',
        openid: who,
        points: 999,
        growth: 0,
        reason: '自己加分',
        requestId: 'adjust-00000006',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });
});

describe('member.deleteAccount', () => {
  it('removes personal data and keeps an anonymised ledger', async () => {
    const who = memberId('leaver');
    const friend = memberId('leaverFriend');
    await cloud.ok('checkin', 'checkin', who, {});
    await adjust(who, 200, 0, 'leaver-grant-01');
    await cloud.ok('redeem', 'redeem', who, { packId: 'basic_health_pack', requestId: 'leaver-redeem-1' });
    const card = await cloud.ok('invite', 'card', who, {});
    await cloud.ok('invite', 'bind', friend, { code: card.code });
    // A donation stays with its project; a birthday and the audit of its correction are personal.
    await cloud.ok('member', 'donate', who, { projectId: 'river_guardian', points: 30, requestId: 'leaver-donate-1' });
    await cloud.ok('member', 'profile', who, { birthday: '05-20' });
    await cloud.ok('ops', 'setBirthday', OPS, { openid: who, birthday: '05-21', reason: '会员来电更正' });
    const membersBefore = Number((await cloud.docs('counters', { _id: 'members' }))[0].count);
    const ledgerBefore = await cloud.docs('ledger', { openid: who });
    expect(ledgerBefore).toHaveLength(4);

    expect((await cloud.fail('member', who, { action: 'deleteAccount' })).code).toBe('INVALID_INPUT');
    expect(await cloud.ok('member', 'deleteAccount', who, { confirm: true })).toEqual({ deleted: true });

    expect(await cloud.docs('members', { _id: who })).toEqual([]);
    // (Redemption counts live on the member document, removed with it.)
    for (const c of ['checkins', 'redemptions']) expect(await cloud.docs(c, { openid: who })).toEqual([]);
    expect(await cloud.docs('invite_cards', { _id: who })).toEqual([]);
    expect(await cloud.docs('ledger', { openid: who })).toEqual([]);
    const dump = JSON.stringify(await cloud.dump());
    expect(dump).not.toContain(who);

    const anon = (await cloud.docs('ledger')).filter((e) => ledgerBefore.some((b) => b._id === e._id));
    expect(anon).toHaveLength(4);
    expect(new Set(anon.map((e) => e.openid)).size).toBe(1);
    expect(String(anon[0].openid)).toMatch(/^anon_[0-9a-f]{24}$/);
    expect(anon.reduce((s, e) => s + Number(e.points), 0)).toBe(10 + 200 - 80 - 30);
    const [donation] = await cloud.docs('donations', { openid: anon[0].openid });
    expect(donation).toMatchObject({ projectId: 'river_guardian', points: 30 });
    // Every ops change about the member stays, anonymised, its values cleared (the birthday, the balance).
    const audits = await cloud.docs('ops_audit', { target: anon[0].openid });
    expect(audits.map((a) => a.action).sort()).toEqual(['ops.adjust', 'ops.setBirthday']);
    for (const audit of audits) expect(audit).toMatchObject({ who: OPS, before: null, after: null });
    expect(audits.find((a) => a.action === 'ops.setBirthday')).toMatchObject({ reason: '会员来电更正' });
    const [invite] = await cloud.docs('invites', { _id: friend });
    expect(invite.inviter).toBe(anon[0].openid);
    expect(Number((await cloud.docs('counters', { _id: 'members' }))[0].count)).toBe(membersBefore - 1);

    // The next call starts a new, empty membership.
    const fresh = await cloud.ok('member', 'home', who, {});
    expect(fresh.member).toMatchObject({ points: 0, growth: 0, checkinDays: 0 });
  });
});
