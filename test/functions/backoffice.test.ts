import type { AuditEntryView } from '@shared/contracts/ops';
import { demoPartnerSecret, postPartner } from '../../scripts/partner-client';
import { ledgerConsistency, memberId, OPS, startTestCloud, VERIFIER, type Doc, type TestCloud } from './support/cloud';
import { putContent, shanghai, testPack } from './support/seed';

// Calls go through real worker threads; a busy 2-core machine needs generous timeouts.
jest.setTimeout(120_000);

/**
 * The in-app back office on localcloud through the real SDK, strict indexes on (a query no index
 * of `content/indexes.json` covers fails): finding members, a member's page, corrections with
 * their audit in the same transaction (once under 20 parallel confirms), voucher cancels, staff
 * roles (taking effect on the next call; never one's own ops role; never the last ops member,
 * even when two ops remove each other at once), the audit list and the CSV export.
 */
let cloud: TestCloud;

const OPS_NAME = '运营小林（演示）';

beforeAll(async () => {
  cloud = await startTestCloud();
  await putContent(cloud, 'benefit_packs', [testPack('office_pack', { title: '后台测试券', cost: 30, stock: 5 })]);
}, 180_000);

afterAll(async () => {
  await cloud.close();
});

/** A member with a nickname (set through `member.profile`, the member's own way). */
async function named(tag: string, nickname: string): Promise<string> {
  const who = memberId(tag);
  await cloud.ok('member', 'profile', who, { nickname });
  return who;
}

async function grant(openid: string, points: number, requestId: string): Promise<void> {
  await cloud.ok('ops', 'adjust', OPS, { openid, points, growth: 0, reason: '测试初始积分', requestId });
}

const audits = (where: Record<string, unknown>) => cloud.docs<Doc>('ops_audit', where);

describe('ops.members: finding a member, index-backed', () => {
  let lin: string;
  let linYu: string;
  let wang: string;

  beforeAll(async () => {
    lin = await named('searchLin', '林小满');
    linYu = await named('searchLinYu', '林小雨');
    wang = await named('searchWang', '王五');
    await named('searchLinEmoji', '林🌱');
  });

  it('finds nickname prefixes in nickname order, and only them', async () => {
    const { hits } = await cloud.ok('ops', 'members', OPS, { query: '林小' });
    expect(hits.map((h) => h.nickname)).toEqual(['林小满', '林小雨']);
    expect(hits[0]).toMatchObject({ openid: lin, matchedBy: 'nickname', tierName: '基础层', deleting: false });
    const all = await cloud.ok('ops', 'members', OPS, { query: '林' });
    expect(all.hits.map((h) => h.nickname).sort()).toEqual(['林小满', '林小雨', '林🌱'].sort());
    expect(all.hits.map((h) => h.openid)).not.toContain(wang);
    // A prefix ending in an emoji (outside the range's safe characters) still finds exactly its members.
    expect((await cloud.ok('ops', 'members', OPS, { query: '林🌱' })).hits.map((h) => h.nickname)).toEqual(['林🌱']);
    expect((await cloud.ok('ops', 'members', OPS, { query: '赵' })).hits).toEqual([]);
  });

  it('finds a member by openid, by invite code as typed, and by a voucher code', async () => {
    expect((await cloud.ok('ops', 'members', OPS, { query: linYu })).hits).toEqual([
      expect.objectContaining({ openid: linYu, matchedBy: 'openid' }),
    ]);
    const code = (await cloud.ok('member', 'home', wang, {})).invite.code;
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    expect((await cloud.ok('ops', 'members', OPS, { query: typed })).hits).toEqual([
      expect.objectContaining({ openid: wang, matchedBy: 'inviteCode' }),
    ]);
    await grant(lin, 100, 'search-grant-0001');
    const { voucher } = await cloud.ok('redeem', 'redeem', lin, { packId: 'office_pack', requestId: 'search-redeem-01' });
    expect((await cloud.ok('ops', 'members', OPS, { query: voucher.code.toLowerCase() })).hits).toEqual([
      expect.objectContaining({ openid: lin, matchedBy: 'voucherCode', nickname: '林小满' }),
    ]);
  });

  it('refuses an empty or overlong query and a query object, in Chinese', async () => {
    for (const query of ['', '   ', 'x'.repeat(65), { $gt: '' }]) {
      const refused = await cloud.fail('ops', OPS, { action: 'members', query });
      expect([JSON.stringify(query), refused.code]).toEqual([JSON.stringify(query), 'INVALID_INPUT']);
      expect(refused.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers at most 20 members', async () => {
    await Promise.all(Array.from({ length: 23 }, (_v, i) => named(`many${i}`, `批量会员${String(i).padStart(2, '0')}`)));
    const { hits } = await cloud.ok('ops', 'members', OPS, { query: '批量' });
    expect(hits).toHaveLength(20);
    expect(hits[0].nickname).toBe('批量会员00');
  });
});

describe("a member's page and corrections", () => {
  let who: string;
  let friend: string;

  beforeAll(async () => {
    who = await named('pageMember', '页面会员');
    friend = memberId('pageFriend');
    const code = (await cloud.ok('member', 'home', who, {})).invite.code;
    await cloud.ok('invite', 'bind', friend, { code });
    await cloud.ok('checkin', 'checkin', who, {});
    await cloud.ok('ops', 'setBirthday', OPS, { openid: who, birthday: '03-08', reason: '会员来电登记' });
  });

  it('shows profile, tier, balance, ledger with who corrected it, vouchers, invites both ways, badges — in Chinese', async () => {
    await cloud.ok('ops', 'adjust', OPS, { openid: who, points: 80, growth: 20, reason: '线下沙龙签到', requestId: 'page-adjust-0001' });
    const { voucher } = await cloud.ok('redeem', 'redeem', who, { packId: 'office_pack', requestId: 'page-redeem-0001' });
    const page = await cloud.ok('ops', 'member', OPS, { openid: who });
    expect(page.profile).toMatchObject({ nickname: '页面会员', birthday: '03-08', deleting: false, staff: null });
    expect(page.tier).toMatchObject({ id: 'basic', name: '基础层', windowMonths: 12 });
    expect(page.tier.next?.name).toBe('进阶层');
    const member = (await cloud.docs<Doc>('members', { _id: who }))[0];
    expect(page.balance).toMatchObject({ points: member.points, growth: member.growth, pending: null, debt: 0 });
    const adjustment = page.ledger.entries.find((e) => e.reason === '线下沙龙签到');
    expect(adjustment).toMatchObject({ kindName: '运营调整', points: 80, growth: 20, byName: OPS_NAME });
    expect(page.ledger.entries.map((e) => e.kindName)).toEqual(expect.arrayContaining(['每日签到', '兑换福利']));
    expect(page.vouchers.vouchers[0]).toMatchObject({ code: voucher.code, packTitle: '后台测试券', status: 'issued', cancellable: true });
    expect(page.invites.latest).toEqual([expect.objectContaining({ openid: friend, status: 'bound' })]);
    expect(page.invites.total).toBe(1);
    expect(page.badges.map((b) => b.name)).toContain('初次签到');
    expect(page.activity).toMatchObject({ checkinDays: 1, purchases: 0, eventsAttended: 0 });
    const friendPage = await cloud.ok('ops', 'member', OPS, { openid: friend });
    expect(friendPage.invitedBy).toMatchObject({ openid: who, nickname: '页面会员', status: 'bound' });
    expect((await cloud.fail('ops', OPS, { action: 'member', openid: memberId('nobodyAtAll') })).code).toBe('NOT_FOUND');
  });

  it('shows the pending points of an order the brand reported, as home does, and a refund debt', async () => {
    const buyer = memberId('pendingOne');
    await cloud.ok('member', 'home', buyer, {});
    const base = `${cloud.lc.url}/http/partner`;
    const timestamp = Math.floor(cloud.lc.now().getTime() / 1000);
    const order = { orderId: 'OFFICE-0001', openid: buyer, amount: 12_800, paidAt: cloud.lc.now().toISOString(), storeId: 'sh-jingan-01' };
    expect((await postPartner(base, 'orders', order, demoPartnerSecret(), { timestamp })).status).toBe(200);
    const page = await cloud.ok('ops', 'member', OPS, { openid: buyer });
    const { pointsOutlook } = await cloud.ok('member', 'home', buyer, {});
    expect(pointsOutlook.pending).toBeGreaterThan(0);
    expect(page.balance).toMatchObject({
      points: 0,
      pending: { points: pointsOutlook.pending, nextDay: pointsOutlook.pendingReleaseOn },
      debt: 0,
    });
    expect(page.activity.purchases).toBe(1);
    // A debt is what a refund could not take back (partner tests make one); the page reads it from the member.
    await cloud.db.update('members', buyer, { pointsDebt: 15 });
    expect((await cloud.ok('ops', 'member', OPS, { openid: buyer })).balance.debt).toBe(15);
  });

  it('pages the ledger and the vouchers without losing or repeating an entry', async () => {
    const all = (await cloud.docs<Doc>('ledger', { openid: who })).length;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await cloud.ok('ops', 'ledger', OPS, { openid: who, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect((await cloud.ok('ops', 'vouchers', OPS, { openid: who, limit: 1 })).vouchers).toHaveLength(1);
  });

  it('keeps pages within bounds: 1 to 50 rows, a well-formed cursor, the end of the list', async () => {
    for (const action of ['ledger', 'vouchers', 'audit'] as const) {
      for (const bad of [{ limit: 0 }, { limit: 51 }, { limit: 2.5 }, { cursor: 'not-a-cursor' }, { cursor: { $gt: '' } }]) {
        const refused = await cloud.fail('ops', OPS, { action, ...(action === 'audit' ? { target: who } : { openid: who }), ...bad });
        expect([action, bad, refused.code]).toEqual([action, bad, 'INVALID_INPUT']);
      }
    }
    const all = (await cloud.docs<Doc>('ledger', { openid: who })).length;
    const big = await cloud.ok('ops', 'ledger', OPS, { openid: who, limit: 50 });
    expect(big.entries).toHaveLength(Math.min(all, 50));
    expect(big.nextCursor).toBeNull();
    // A cursor past the oldest entry answers an empty last page.
    const pastEnd = await cloud.ok('ops', 'ledger', OPS, { openid: who, cursor: '1.zzzz' });
    expect(pastEnd).toEqual({ entries: [], nextCursor: null });
  });

  it('adjusts once under 20 parallel confirms, audited in the same transaction with the balance before and after', async () => {
    const before = (await cloud.docs<Doc>('members', { _id: who }))[0];
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        cloud.call('ops', OPS, {
          action: 'adjust',
          openid: who,
          points: 50,
          growth: 0,
          reason: '补发活动积分',
          requestId: 'race-adjust-0001',
        }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const after = (await cloud.docs<Doc>('members', { _id: who }))[0];
    expect(after.points).toBe(Number(before.points) + 50);
    const entries = (await cloud.docs<Doc>('ledger', { openid: who })).filter((e) => e.refId === 'race-adjust-0001');
    expect(entries).toHaveLength(1);
    const rows = (await audits({ target: who })).filter((a) => a.action === 'ops.adjust' && a.reason === '补发活动积分');
    expect(rows).toEqual([
      expect.objectContaining({
        _id: 'adjust_race-adjust-0001',
        who: OPS,
        before: { points: before.points, growth: before.growth },
        after: { points: after.points, growth: after.growth },
      }),
    ]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('changes a birthday once under 20 parallel confirms: one audit line', async () => {
    const other = await named('birthdayRace', '生日会员');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        cloud.call('ops', OPS, { action: 'setBirthday', openid: other, birthday: '04-01', reason: '会员来电更正' }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await audits({ target: other })).toEqual([
      expect.objectContaining({ action: 'ops.setBirthday', who: OPS, before: null, after: '04-01', reason: '会员来电更正' }),
    ]);
    expect((await cloud.docs<Doc>('members', { _id: other }))[0].birthday).toBe('04-01');
  });

  it('refuses a correction below zero and audits nothing', async () => {
    const count = (await audits({ target: who })).length;
    const member = (await cloud.docs<Doc>('members', { _id: who }))[0];
    const refused = await cloud.fail('ops', OPS, {
      action: 'adjust',
      openid: who,
      points: -(Number(member.points) + 1),
      growth: 0,
      reason: '误操作测试',
      requestId: 'too-much-0001',
    });
    expect(refused.code).toBe('INSUFFICIENT_POINTS');
    expect(await audits({ target: who })).toHaveLength(count);
  });

  it('cancels an unused voucher once: refund, stock and its audit line in one transaction', async () => {
    const { voucher } = await cloud.ok('redeem', 'redeem', who, { packId: 'office_pack', requestId: 'cancel-redeem-01' });
    const stock = (await cloud.docs<Doc>('benefit_packs', { _id: 'office_pack' }))[0].stock;
    const points = (await cloud.docs<Doc>('members', { _id: who }))[0].points as number;
    const [first, again] = [
      await cloud.ok('redeem', 'cancel', OPS, { redemptionId: voucher.id, reason: '会员到店未能使用' }),
      await cloud.ok('redeem', 'cancel', OPS, { redemptionId: voucher.id, reason: '重复点击' }),
    ];
    expect(first).toMatchObject({ status: 'cancelled', refundedPoints: 30, stockRestored: true });
    expect(again).toEqual(first);
    expect((await cloud.docs<Doc>('benefit_packs', { _id: 'office_pack' }))[0].stock).toBe(Number(stock) + 1);
    const rows = (await audits({ target: who })).filter((a) => a.action === 'redeem.cancel');
    expect(rows).toEqual([
      expect.objectContaining({
        who: OPS,
        reason: '会员到店未能使用',
        before: { voucherCode: voucher.code, packTitle: '后台测试券', status: 'issued', points },
        after: { status: 'cancelled', points: points + 30, stockRestored: true },
      }),
    ]);
    const page = await cloud.ok('ops', 'member', OPS, { openid: who });
    expect(page.vouchers.vouchers.find((v) => v.id === voucher.id)).toMatchObject({
      status: 'cancelled',
      cancellable: false,
      cancelReason: '会员到店未能使用',
    });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('cancels once under 20 parallel confirms: one refund, one stock unit back, one audit line', async () => {
    const other = await named('cancelRace', '作废会员');
    await grant(other, 100, 'cancel-race-grant-01');
    const { voucher } = await cloud.ok('redeem', 'redeem', other, { packId: 'office_pack', requestId: 'cancel-race-redeem' });
    const stock = Number((await cloud.docs<Doc>('benefit_packs', { _id: 'office_pack' }))[0].stock);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cloud.call('redeem', OPS, { action: 'cancel', redemptionId: voucher.id, reason: '门店无货' })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((await cloud.docs<Doc>('benefit_packs', { _id: 'office_pack' }))[0].stock).toBe(stock + 1);
    expect((await cloud.docs<Doc>('members', { _id: other }))[0].points).toBe(100);
    expect((await audits({ target: other })).map((a) => a.action).sort()).toEqual(['ops.adjust', 'redeem.cancel']);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('lists the audit by member, by staff member, and all of it, newest first, paged, in Chinese', async () => {
    const mine = await cloud.ok('ops', 'audit', OPS, { target: who });
    expect(mine.entries.map((e) => e.actionName)).toEqual(['作废券', '调整积分/成长值', '调整积分/成长值', '修改生日']);
    const [cancelLine, raceLine, , birthdayLine] = mine.entries;
    expect(cancelLine).toMatchObject({ who: { openid: OPS, name: OPS_NAME }, target: { openid: who, name: '页面会员' } });
    expect(cancelLine.summary).toMatch(
      /^作废「后台测试券」（券码 [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}），积分 \d+ → \d+（\+30），库存 \+1$/,
    );
    expect(raceLine.summary).toMatch(/^积分 \d+ → \d+（\+50）$/);
    expect(birthdayLine.summary).toBe('生日 未设置 → 3月8日');
    const byOps = await cloud.ok('ops', 'audit', OPS, { who: OPS });
    expect(byOps.entries.every((e) => e.who.openid === OPS)).toBe(true);
    const both = await cloud.ok('ops', 'audit', OPS, { who: OPS, target: who });
    expect(both.entries.map((e) => e.id)).toEqual(mine.entries.map((e) => e.id));

    const everything: AuditEntryView[] = [];
    let cursor: string | undefined;
    do {
      const page = await cloud.ok('ops', 'audit', OPS, { limit: 3, ...(cursor ? { cursor } : {}) });
      everything.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const stored = await cloud.docs<Doc>('ops_audit');
    expect(everything.map((e) => e.id).sort()).toEqual(stored.map((d) => d._id).sort());
    const ats = everything.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });
});

describe('staff roles', () => {
  const staffDoc = async (id: string) => (await cloud.docs<Doc>('staff', { _id: id }))[0] ?? null;

  it('lists staff with their names and roles; a broken record says what is wrong and grants nothing', async () => {
    const broken = memberId('brokenStaff');
    await putContent(cloud, 'staff', [{ _id: broken, roles: 'ops', active: true }]);
    const list = await cloud.ok('ops', 'staff', OPS, {});
    expect(list.staff.find((s) => s.openid === OPS)).toMatchObject({ name: OPS_NAME, roles: ['ops'], active: true, problem: null });
    expect(list.staff.find((s) => s.openid === VERIFIER)).toMatchObject({ roles: ['verifier'], storeId: 'sh-jingan-01' });
    expect(list.staff.find((s) => s.openid === broken)?.problem).toMatch(/^roles：/);
    expect(list.activeOps).toBe(1);
    // Asked to remove it, the broken record goes.
    await cloud.ok('ops', 'setStaff', OPS, { openid: broken, roles: [], active: false });
    expect(await staffDoc(broken)).toBeNull();
  });

  it('grants and revokes roles, taking effect on the very next call, each change audited', async () => {
    const who = await named('newHost', '新同事');
    expect((await cloud.fail('ops', who, { action: 'staff' })).code).toBe('FORBIDDEN');
    const granted = await cloud.ok('ops', 'setStaff', OPS, {
      openid: who,
      roles: ['ops', 'host'],
      active: true,
      storeId: 'sh-02',
      reason: '新同事入职',
    });
    expect(granted).toMatchObject({ before: null, after: { roles: ['ops', 'host'], active: true, storeId: 'sh-02' } });
    expect(granted.auditId).not.toBeNull();
    expect((await cloud.ok('ops', 'staff', who, {})).activeOps).toBe(2);

    const again = await cloud.ok('ops', 'setStaff', OPS, { openid: who, roles: ['host', 'ops'], active: true });
    expect(again.auditId).toBeNull(); // nothing changed: same roles, the store kept

    await cloud.ok('ops', 'setStaff', OPS, { openid: who, roles: ['host'], active: true, reason: '调岗' });
    expect((await cloud.fail('ops', who, { action: 'staff' })).code).toBe('FORBIDDEN');
    await cloud.ok('ops', 'setStaff', OPS, { openid: who, roles: [], active: false, reason: '离职' });
    expect(await staffDoc(who)).toBeNull();

    const lines = (await cloud.ok('ops', 'audit', OPS, { target: who })).entries.map((e) => e.summary);
    expect(lines).toEqual([
      '活动签到员（在职，门店 sh-02） → 不是员工',
      '运营、活动签到员（在职，门店 sh-02） → 活动签到员（在职，门店 sh-02）',
      '不是员工 → 运营、活动签到员（在职，门店 sh-02）',
    ]);
    expect(
      (await cloud.fail('ops', OPS, { action: 'setStaff', openid: memberId('neverOpened'), roles: ['verifier'], active: true })).code,
    ).toBe('NOT_FOUND');
  });

  it('never takes away the caller’s own ops access', async () => {
    const count = (await audits({ target: OPS })).length;
    for (const change of [
      { roles: ['verifier'], active: true },
      { roles: ['ops'], active: false },
      { roles: [], active: false },
    ]) {
      expect((await cloud.fail('ops', OPS, { action: 'setStaff', openid: OPS, ...change })).code).toBe('CANNOT_REMOVE_SELF');
    }
    expect(await staffDoc(OPS)).toMatchObject({ roles: ['ops'], active: true });
    expect(await audits({ target: OPS })).toHaveLength(count);
    // Adding a role to oneself is fine.
    await cloud.ok('ops', 'setStaff', OPS, { openid: OPS, roles: ['ops', 'verifier'], active: true, reason: '兼任核销' });
    await cloud.ok('ops', 'setStaff', OPS, { openid: OPS, roles: ['ops'], active: true, reason: '恢复' });
  });

  it('grants a role once under 20 parallel saves: one audit line', async () => {
    const who = await named('grantRace', '并发授权');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        cloud.call('ops', OPS, { action: 'setStaff', openid: who, roles: ['verifier'], active: true, storeId: 'sh-03', reason: '入职' }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && (a.data as { auditId: string | null }).auditId !== null)).toHaveLength(1);
    expect(await audits({ target: who })).toEqual([expect.objectContaining({ action: 'ops.setStaff', before: null, reason: '入职' })]);
    expect(await staffDoc(who)).toMatchObject({ roles: ['verifier'], active: true, storeId: 'sh-03' });
  });

  it('20 parallel revocations between the last two ops members leave exactly one, audited once', async () => {
    const other = await named('twentyOps', '第三位运营');
    await cloud.ok('ops', 'setStaff', OPS, { openid: other, roles: ['ops'], active: true, reason: '授权' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_v, i) =>
        i % 2 === 0
          ? cloud.call('ops', OPS, { action: 'setStaff', openid: other, roles: [], active: false, reason: '并发撤销' })
          : cloud.call('ops', other, { action: 'setStaff', openid: OPS, roles: [], active: false, reason: '并发撤销' }),
      ),
    );
    const refusals = answers.flatMap((a) => (a.ok ? [] : [a.error.code]));
    expect(refusals.every((c) => c === 'LAST_OPS' || c === 'FORBIDDEN')).toBe(true);
    const revoked = (await cloud.docs<Doc>('ops_audit', { action: 'ops.setStaff', reason: '并发撤销' })) as Doc[];
    expect(revoked).toHaveLength(1);
    const [survivor, gone] = revoked[0].target === other ? [OPS, other] : [other, OPS];
    expect(await staffDoc(survivor)).toMatchObject({ roles: ['ops'], active: true });
    expect(await staffDoc(gone)).toBeNull();
    expect((await cloud.ok('ops', 'staff', survivor, {})).activeOps).toBe(1);
    if (survivor === other) {
      // The other one won: give OPS its role back (the other tests use it).
      await cloud.ok('ops', 'setStaff', other, { openid: OPS, roles: ['ops'], active: true, reason: '恢复' });
    }
    await cloud.ok('ops', 'setStaff', OPS, { openid: other, roles: [], active: false, reason: '恢复' });
  });

  it('two ops members removing each other at once: exactly one succeeds, one ops member is always left', async () => {
    const other = await named('secondOps', '第二位运营');
    for (let round = 0; round < 4; round++) {
      await cloud.ok('ops', 'setStaff', OPS, { openid: other, roles: ['ops'], active: true, reason: `第 ${round + 1} 轮` });
      const [a, b] = await Promise.all([
        cloud.call('ops', OPS, { action: 'setStaff', openid: other, roles: [], active: false, reason: '互相撤销' }),
        cloud.call('ops', other, { action: 'setStaff', openid: OPS, roles: ['verifier'], active: true, reason: '互相撤销' }),
      ]);
      const outcomes = [a, b].map((x) => (x.ok ? 'ok' : x.error.code)).sort();
      // The second to commit sees the first: LAST_OPS (FORBIDDEN when its caller had already lost the role as it arrived).
      expect([
        ['LAST_OPS', 'ok'],
        ['FORBIDDEN', 'ok'],
      ]).toContainEqual(outcomes);
      const list = await cloud.ok('ops', 'staff', a.ok ? OPS : other, {});
      expect(list.activeOps).toBe(1);
      if (!a.ok) {
        // The other one won: give OPS its role back for the next round (and the other tests).
        await cloud.ok('ops', 'setStaff', other, { openid: OPS, roles: ['ops'], active: true, reason: '恢复' });
        await cloud.ok('ops', 'setStaff', OPS, { openid: other, roles: [], active: false, reason: '恢复' });
      }
    }
    expect(await staffDoc(OPS)).toMatchObject({ roles: ['ops'], active: true });
  });
});

describe('ops.export', () => {
  it('writes the range’s figures as a UTF-8 CSV with BOM to storage, with a link and an audit line', async () => {
    const out = await cloud.ok('ops', 'export', OPS, { from: '2026-11-01', to: '2026-11-07' });
    expect(out.fileName).toBe('会员中心数据_2026-11-01_至_2026-11-07.csv');
    expect(out.fileId).toMatch(/^cloud:\/\//);
    const res = await fetch(out.url);
    expect(res.ok).toBe(true);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[1]).toBe('区间,2026-11-01 至 2026-11-07');
    expect(lines).toContain('日期,签到人数（DAU）,新会员,次日留存,7 日留存');
    for (const day of ['2026-11-01', '2026-11-04', '2026-11-07']) expect(lines.some((l) => l.startsWith(`${day},`))).toBe(true);
    // One line per row, each ended by CRLF.
    expect(lines).toHaveLength(out.rows + 1);
    expect(lines[lines.length - 1]).toBe('');
    const [row] = (await audits({ who: OPS })).filter((a) => a.action === 'ops.export');
    expect(row).toMatchObject({ target: null, before: null, after: { from: '2026-11-01', to: '2026-11-07', rows: out.rows } });
  });
});

describe('account deletion and the audit', () => {
  it('anonymises a deleted member’s audit lines (values cleared); a deleted staff member’s own stay the brand’s record', async () => {
    const member = await named('goneMember', '将注销会员');
    const staffer = await named('goneStaffer', '将注销运营');
    await cloud.ok('ops', 'setStaff', OPS, { openid: staffer, roles: ['ops'], active: true, reason: '临时授权' });
    await cloud.ok('ops', 'adjust', staffer, {
      openid: member,
      points: 10,
      growth: 0,
      reason: '临时运营调整',
      requestId: 'gone-adjust-0001',
    });
    await cloud.ok('ops', 'setStaff', OPS, { openid: staffer, roles: [], active: false, reason: '离职' });
    await cloud.ok('member', 'deleteAccount', staffer, { confirm: true });
    await cloud.ok('member', 'deleteAccount', member, { confirm: true });

    expect(await audits({ target: member })).toEqual([]);
    const [line] = (await cloud.docs<Doc>('ops_audit', { _id: 'adjust_gone-adjust-0001' })) as Doc[];
    expect(String(line.target)).toMatch(/^anon_/);
    expect(line).toMatchObject({ who: staffer, before: null, after: null, reason: '临时运营调整' });
    // The same correction's ledger entry names the same staff member: one rule for what staff did.
    const [entry] = (await cloud.docs<Doc>('ledger', { _id: 'adjust_gone-adjust-0001' })) as Doc[];
    expect(entry).toMatchObject({ by: staffer });
    expect(String(entry.openid)).toMatch(/^anon_/);
    const view = (await cloud.ok('ops', 'audit', OPS, { who: staffer })).entries[0];
    expect(view).toMatchObject({ who: { name: '已注销员工' }, target: { name: '已注销会员' }, summary: '会员已注销，变更内容已清除' });
  });
});

describe("a member's points outlook on their page", () => {
  it('shows the points expiring within 30 days, as home does, and nothing before', async () => {
    const who = await named('expiringOne', '将过期会员');
    try {
      // Earned in November 2025: expiring when November 2026 ends (settings.points.expiry: 12 months).
      cloud.lc.setClock(shanghai('2025-11-20 10:00:00'));
      await grant(who, 100, 'expiring-grant-01');
      cloud.lc.setClock(shanghai('2026-10-15 12:00:00'));
      expect((await cloud.ok('ops', 'member', OPS, { openid: who })).balance.expiring).toBeNull();
      cloud.lc.setClock(shanghai('2026-10-31 12:00:00'));
      const page = await cloud.ok('ops', 'member', OPS, { openid: who });
      const home = await cloud.ok('member', 'home', who, {});
      expect(page.balance.expiring).toEqual({ points: 100, lastDay: '2026-11-30' });
      expect(page.balance.expiring).toEqual(home.pointsOutlook.expiring);
    } finally {
      cloud.lc.setClock(null);
    }
  });
});
