import { createHash } from 'node:crypto';
import { ALL_COLLECTIONS } from '../../cloudfunctions/_common/collections';
import { ANON_ID_RE } from '@shared/domain/accountDeletion';
import { demoPartnerSecret, postPartner } from '../../scripts/partner-client';
import { ledgerConsistency, memberId, OPS, startTestCloud, VERIFIER, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(120_000);

/**
 * `member.deleteAccount` on localcloud through the real SDK: deletion and the member's own calls
 * exclude each other (nothing in flight writes under the openid afterwards), no collection keeps
 * the openid (used vouchers stay, anonymised), unused vouchers give their stock back, and a
 * deleted member cannot be invited again — only a salted hash of the openid is kept for that.
 */
let cloud: TestCloud;

const RACE_STOCK = 500;
const FIVE_STOCK = 5;

beforeAll(async () => {
  cloud = await startTestCloud({ maxWorkersPerFunction: 6 });
  await putContent(cloud, 'benefit_packs', [
    testPack('race_pack', { stock: RACE_STOCK, cost: 10 }),
    testPack('five_pack', { stock: FIVE_STOCK, cost: 20 }),
    testPack('ref_pack', { stock: FIVE_STOCK, cost: 20 }),
    testPack('halfgone_pack', { stock: FIVE_STOCK, cost: 20 }),
    testPack('invite_pack', { stock: null, cost: 5 }),
  ]);
  // An offline event running now, for the member who leaves to have attended.
  const hour = 3_600_000;
  await putContent(cloud, 'events', [
    {
      _id: 'deletion_evt',
      title: '注销前的活动',
      place: '静安店',
      startAt: new Date(Date.now() - hour).toISOString(),
      endAt: new Date(Date.now() + 6 * hour).toISOString(),
      points: 20,
      growth: 10,
      active: true,
    },
  ]);
}, 120_000);

afterAll(async () => {
  await cloud.close();
});

const deleteAccount = (openid: string) => cloud.call('member', openid, { action: 'deleteAccount', confirm: true });

async function packState(id: string): Promise<{ stock: number; holds: Record<string, unknown> }> {
  const [doc] = await cloud.docs('benefit_packs', { _id: id });
  return { stock: Number(doc.stock), holds: (doc.holds ?? {}) as Record<string, unknown> };
}

/** Units of a pack held by vouchers that still count (issued, used or expired — anonymised ones included). */
async function unitsOut(packId: string): Promise<number> {
  return (await cloud.docs('redemptions', { packId })).filter((r) => r.stockTaken === true && r.status !== 'cancelled').length;
}

/** Every document, in every collection, whose JSON mentions `text`. */
async function mentioning(text: string): Promise<string[]> {
  const dump = await cloud.dump();
  return Object.entries(dump).flatMap(([c, docs]) => docs.filter((d) => JSON.stringify(d).includes(text)).map((d) => `${c}/${d._id}`));
}

describe('deletion racing the member’s own calls', () => {
  it('leaves nothing under the openid after any interleaving, keeps stock exact, and a returning member starts at 0', async () => {
    const tries = 15;
    const leftovers: string[] = [];
    for (let i = 0; i < tries; i++) {
      const [who] = await seedFundedMembers(cloud, `race${i}-`, 1, 500);
      // An unused voucher before the race: deletion must give its unit back.
      await cloud.ok('redeem', 'redeem', who, { packId: 'race_pack', requestId: `race${i}-before` });
      const startedAt = Date.now();
      const calls = [
        cloud.call('checkin', who, { action: 'checkin' }),
        cloud.call('redeem', who, { action: 'redeem', packId: 'race_pack', requestId: `race${i}-redeem-a` }),
        cloud.call('redeem', who, { action: 'redeem', packId: 'race_pack', requestId: `race${i}-redeem-b` }),
        cloud.call('checkin', who, { action: 'checkin' }),
        cloud.call('redeem', who, { action: 'redeem', packId: 'race_pack', requestId: `race${i}-redeem-c` }),
        cloud.call('member', who, { action: 'profile', nickname: `赛跑者${i}` }),
        // The program's own writes: a donation, the member's birthday, ops correcting it (audited).
        cloud.call('member', who, { action: 'donate', projectId: 'river_guardian', points: 10, requestId: `race${i}-donate` }),
        cloud.call('member', who, { action: 'profile', birthday: '05-20' }),
        cloud.call('ops', OPS, { action: 'setBirthday', openid: who, birthday: '05-21', reason: '会员来电更正' }),
      ];
      const deleted = deleteAccount(who);
      const answers = await Promise.all([deleted, ...calls]);
      expect(answers[0]).toEqual({ ok: true, data: { deleted: true } });

      const [again] = await cloud.docs('members', { _id: who });
      if (again) {
        // A call that arrived after the deletion had finished started a new membership: all of it is new.
        expect(Date.parse(String(again.createdAt))).toBeGreaterThanOrEqual(startedAt);
        for (const c of ['ledger', 'checkins', 'redemptions', 'donations']) {
          for (const d of await cloud.docs(c, { openid: who })) expect(Date.parse(String(d.createdAt))).toBeGreaterThanOrEqual(startedAt);
        }
        expect((await deleteAccount(who)).ok).toBe(true);
      }
      const left = await mentioning(who);
      if (left.length > 0) leftovers.push(`try ${i}: ${left.join(', ')}`);
      const pack = await packState('race_pack');
      const out = await unitsOut('race_pack');
      if (pack.stock !== RACE_STOCK - out || Object.keys(pack.holds).length > 0)
        leftovers.push(`try ${i}: stock ${pack.stock} + ${out} vouchers out ≠ ${RACE_STOCK}, holds ${Object.keys(pack.holds).join(',')}`);
    }
    expect(leftovers).toEqual([]);
    expect(await ledgerConsistency(cloud)).toEqual([]);

    // The member comes back: a new, empty membership whose points are its ledger.
    const back = memberId('race0-0');
    expect((await cloud.ok('member', 'home', back, {})).member).toMatchObject({ points: 0, growth: 0, checkinDays: 0 });
    await cloud.ok('checkin', 'checkin', back, {});
    expect(await cloud.docs('ledger', { openid: back })).toEqual([expect.objectContaining({ kind: 'checkin', points: 10 })]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  }, 600_000);
});

describe('a deletion that was interrupted', () => {
  it('refuses every call of the member with ACCOUNT_DELETING, writing nothing, until it is asked again and finishes', async () => {
    const [who] = await seedFundedMembers(cloud, 'halfgone', 1, 200);
    await cloud.ok('redeem', 'redeem', who, { packId: 'halfgone_pack', requestId: 'halfgone-0001' });
    const stock = (await packState('halfgone_pack')).stock;
    // What a deletion that died right after its first step leaves: the mark on the member.
    await cloud.db.update('members', who, { deleting: { at: new Date().toISOString(), anon: 'anon_0123456789abcdef01234567' } });
    const before = await cloud.dump();

    const refused = await Promise.all([
      cloud.call('member', who, { action: 'home' }),
      cloud.call('checkin', who, { action: 'checkin' }),
      cloud.call('redeem', who, { action: 'redeem', packId: 'halfgone_pack', requestId: 'halfgone-0002' }),
      cloud.call('member', who, { action: 'profile', nickname: '还在吗' }),
      cloud.call('invite', who, { action: 'card' }),
      cloud.call('invite', who, { action: 'bind', code: '2345ABCD' }),
      cloud.call('redeem', who, { action: 'mine' }),
    ]);
    for (const answer of refused) {
      expect(answer).toEqual({ ok: false, error: { code: 'ACCOUNT_DELETING', message: expect.stringMatching(/注销/) } });
    }
    expect(await cloud.dump()).toEqual(before);

    expect(await deleteAccount(who)).toEqual({ ok: true, data: { deleted: true } });
    expect(await mentioning(who)).toEqual([]);
    expect((await packState('halfgone_pack')).stock).toBe(stock + 1);
    // The ledger was anonymised under the id the first attempt chose.
    expect((await cloud.docs('ledger', { openid: 'anon_0123456789abcdef01234567' })).length).toBe(3);
  });
});

describe('what a deletion leaves behind', () => {
  const inviter = memberId('refInviter');
  let who = '';
  let friend = '';
  let code = '';
  let usedCode = '';
  let pointsBefore = 0;
  let stockBefore = 0;

  const bind = (openid: string, inviteCode: string) => cloud.call('invite', openid, { action: 'bind', code: inviteCode });
  const rewardsOf = async (openid: string) => (await cloud.docs('ledger', { openid })).filter((e) => e.kind === 'invite_reward');

  beforeAll(async () => {
    [who] = await seedFundedMembers(cloud, 'refX', 1, 300);
    // The member arrived through an invite, then took part.
    expect((await bind(who, (await cloud.ok('invite', 'card', inviter, {})).code)).ok).toBe(true);
    await cloud.ok('checkin', 'checkin', who, {});
    // Two vouchers: one used at the till (its first redemption pays the inviter), one not.
    const used = await cloud.ok('redeem', 'redeem', who, { packId: 'ref_pack', requestId: 'refx-used-0001' });
    usedCode = used.voucher.code;
    await cloud.ok('redeem', 'verify', VERIFIER, { voucherCode: usedCode });
    await cloud.ok('redeem', 'redeem', who, { packId: 'ref_pack', requestId: 'refx-open-0001' });
    // They invited a friend who activated (a reward and a daily cap under their openid).
    code = (await cloud.ok('invite', 'card', who, {})).code;
    [friend] = await seedFundedMembers(cloud, 'refF', 1, 50);
    expect((await bind(friend, code)).ok).toBe(true);
    await cloud.ok('redeem', 'redeem', friend, { packId: 'invite_pack', requestId: 'reff-redeem-0001' });
    // A member who is not new tried their code; they tried to bind a second time.
    const [regular] = await seedFundedMembers(cloud, 'refR', 1, 0);
    await cloud.ok('checkin', 'checkin', regular, {});
    expect(await bind(regular, code)).toMatchObject({ ok: false, error: { code: 'NOT_NEW_MEMBER' } });
    expect(await bind(who, (await cloud.ok('invite', 'card', friend, {})).code)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_INVITED' },
    });
    await cloud.ok('member', 'profile', who, { nickname: '要走的人' });
    // A donation (it stays with its project) and a birthday ops corrected (the audit keeps who did it and why).
    await cloud.ok('member', 'donate', who, { projectId: 'river_guardian', points: 30, requestId: 'refx-donate-0001' });
    await cloud.ok('ops', 'setBirthday', OPS, { openid: who, birthday: '05-21', reason: '会员来电更正' });
    // They bought in a store (pending points, growth) and had part of it refunded, showed their 会员码 and attended an event.
    const paid = await postPartner(
      `${cloud.lc.url}/http/partner`,
      'orders',
      { orderId: 'DEL-ORDER-0001', openid: who, amount: 8_800, paidAt: new Date().toISOString() },
      demoPartnerSecret(),
    );
    expect(paid.status).toBe(200);
    const partial = await postPartner(
      `${cloud.lc.url}/http/partner`,
      'refunds',
      { orderId: 'DEL-ORDER-0001', refundId: 'R0', amount: 800 },
      demoPartnerSecret(),
    );
    expect(partial.body.data).toMatchObject({ points: { reversed: 8, pendingCancelled: 8 } });
    const { code: memberCode } = await cloud.ok('member', 'code', who, {});
    await cloud.ok('event', 'attend', 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ', { eventId: 'deletion_evt', memberCode });
    // A call of theirs died long ago holding a unit.
    const op = cloud.db.op;
    await cloud.db.updateWhere(
      'benefit_packs',
      { _id: 'ref_pack', stock: op.gt(0) },
      { stock: op.inc(-1), [`holds.${who}_refx-dead-0001`]: { t: 'deadtoken01', at: Date.now() - 3_600_000, o: who } },
    );

    expect(await rewardsOf(inviter)).toEqual([expect.objectContaining({ refId: who })]);
    expect((await mentioning(who)).map((d) => d.split('/')[0])).toEqual(
      expect.arrayContaining([
        'members',
        'ledger',
        'checkins',
        'redemptions',
        'invites',
        'invite_attempts',
        'invite_cards',
        'invite_caps',
        'benefit_packs',
        'donations',
        'ops_audit',
        'orders',
        'member_codes',
        'event_attendance',
      ]),
    );
    pointsBefore = Number((await cloud.docs('members', { _id: who }))[0].points);
    stockBefore = (await packState('ref_pack')).stock;
    expect(await deleteAccount(who)).toEqual({ ok: true, data: { deleted: true } });
  });

  it.each([...ALL_COLLECTIONS])('%s holds neither the openid nor the member’s invite code', async (collection) => {
    const text = JSON.stringify(await cloud.docs(collection));
    expect(text).not.toContain(who);
    expect(text).not.toContain(code);
  });

  it('keeps the used voucher for the brand’s accounting, without the openid, and gives back every other unit', async () => {
    const vouchers = await cloud.docs('redemptions', { packId: 'ref_pack' });
    const [kept] = vouchers.filter((v) => v.voucherCode === usedCode);
    expect(kept).toMatchObject({ status: 'used', usedBy: VERIFIER, requestId: 'refx-used-0001', cost: 20 });
    expect(String(kept.openid)).toMatch(ANON_ID_RE);
    expect(kept._id).toBe(`${String(kept.openid)}_refx-used-0001`);
    expect(vouchers).toHaveLength(1);
    // The unused voucher's unit and the dead call's unit are back; the used one stays taken.
    expect(await packState('ref_pack')).toEqual({ stock: stockBefore + 2, holds: {} });
    expect(stockBefore + 2).toBe(FIVE_STOCK - 1);
  });

  it('keeps the ledger true under the anonymous id, the unused voucher refunded, and the inviter’s figures whole', async () => {
    const [kept] = (await cloud.docs('redemptions', { packId: 'ref_pack' })).filter((v) => v.voucherCode === usedCode);
    const anon = await cloud.docs('ledger', { openid: kept.openid });
    expect(anon.reduce((sum, e) => sum + Number(e.points), 0)).toBe(pointsBefore + 20);
    // (The friend's activation paid them too, and lit 社群's first node; the event lit 学习's.)
    expect(anon.map((e) => e.kind).sort()).toEqual([
      'checkin',
      'donation',
      'event_reward',
      'invite_reward',
      'invitee_reward',
      'node_reward',
      'node_reward',
      'ops_adjust',
      'purchase',
      'purchase_refund',
      'redeem',
      'redeem',
      'redeem_refund',
    ]);
    expect(anon.every((e) => e.refId === '')).toBe(true);
    expect(anon.find((e) => e.kind === 'redeem_refund')).toMatchObject({ points: 20, by: 'system:deleteAccount', reason: '会员注销账号' });

    // The inviter keeps their reward (its reference cleared) and sees the friend who left.
    expect(await rewardsOf(inviter)).toEqual([expect.objectContaining({ points: 50, refId: '' })]);
    const mine = await cloud.ok('invite', 'mine', inviter, {});
    expect(mine.invitees).toEqual([expect.objectContaining({ nickname: '已注销会员', status: 'rewarded' })]);
    expect(mine.totals).toMatchObject({ invited: 1, rewarded: 1, pointsEarned: 50 });
    // The friend they invited, and the attempt on their code, stay with the inviter anonymised.
    expect((await cloud.docs('members', { _id: friend }))[0].invitedBy).toBe(kept.openid);
    expect((await cloud.docs('invites', { _id: friend }))[0]).toMatchObject({ inviter: kept.openid, code: '', status: 'rewarded' });
    expect(await cloud.docs('invite_attempts', { inviter: kept.openid })).toEqual([
      expect.objectContaining({ reason: 'NOT_NEW_MEMBER', code: '' }),
    ]);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('keeps the donation with its project and the audit of the correction, both anonymised', async () => {
    const [kept] = (await cloud.docs('redemptions', { packId: 'ref_pack' })).filter((v) => v.voucherCode === usedCode);
    expect(await cloud.docs('donations', { openid: kept.openid })).toEqual([
      expect.objectContaining({ projectId: 'river_guardian', points: 30 }),
    ]);
    // The project still counts every point given to it (the racing members' donations too).
    const given = (await cloud.docs('donations', { projectId: 'river_guardian' })).reduce((sum, d) => sum + Number(d.points), 0);
    const charity = await cloud.ok('member', 'charity', inviter, {});
    expect(charity.projects.find((p) => p.id === 'river_guardian')).toMatchObject({ donated: given });
    expect(given).toBeGreaterThanOrEqual(30);
    expect(await cloud.docs('ops_audit', { target: kept.openid })).toEqual([
      expect.objectContaining({ who: OPS, action: 'ops.setBirthday', before: null, after: null, reason: '会员来电更正' }),
    ]);
  });

  it('keeps the member’s order and event attendance for the brand, under the anonymous id, and no code lookup', async () => {
    const [kept] = (await cloud.docs('redemptions', { packId: 'ref_pack' })).filter((v) => v.voucherCode === usedCode);
    const [order] = await cloud.docs('orders', { _id: 'DEL-ORDER-0001' });
    expect(order).toMatchObject({ openid: kept.openid, amount: 8_800, answer: { openid: kept.openid, points: 88 } });
    // The partial refund made before is kept too (it never held the openid).
    expect(await cloud.docs('order_refunds', { orderId: 'DEL-ORDER-0001' })).toEqual([
      expect.objectContaining({ _id: 'DEL-ORDER-0001_R0', amount: 800 }),
    ]);
    expect(await cloud.docs('event_attendance', { openid: kept.openid })).toEqual([
      expect.objectContaining({ _id: `deletion_evt_${String(kept.openid)}`, eventId: 'deletion_evt', points: 20 }),
    ]);
    expect(await cloud.docs('member_codes', { openid: kept.openid })).toEqual([]);
    // The brand's refund of the order still works: nothing is left to take back from anyone.
    const refund = await postPartner(
      `${cloud.lc.url}/http/partner`,
      'refunds',
      { orderId: 'DEL-ORDER-0001', refundId: 'R1', amount: 8_000 },
      demoPartnerSecret(),
    );
    expect(refund.body.data).toMatchObject({ refundedAmount: 8_800, points: { reversed: 80, pendingCancelled: 0, takenBack: 0, debt: 0 } });
  });

  it('keeps rate-limit windows that cannot be tied to the openid without the environment’s secret', async () => {
    const windows = (await cloud.docs('rate_limits')).map((d) => d._id);
    expect(windows.some((id) => id.startsWith('profile_'))).toBe(true);
    for (const scope of ['profile', 'deleteAccount', 'inviteBind']) {
      const plain = createHash('sha256').update(`${scope}:${who}`).digest('hex').slice(0, 24);
      expect(windows.filter((id) => id.includes(plain))).toEqual([]);
    }
  });

  it('keeps only a salted hash of the openid, so the same person is not a new member for invites again', async () => {
    const hashes = await cloud.docs('deleted_members');
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) {
      expect(Object.keys(h).sort()).toEqual(['_id', 'scheme']);
      expect(h._id).toMatch(/^[0-9a-f]{64}$/);
      expect(h._id).not.toBe(createHash('sha256').update(who).digest('hex'));
    }
    expect(await cloud.docs('secrets')).toEqual(
      expect.arrayContaining([expect.objectContaining({ _id: 'deletedMembers', value: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) })]),
    );

    // Back the next day as a "new" member: the same inviter's code is refused, nothing is paid twice.
    expect((await cloud.ok('member', 'home', who, {})).member).toMatchObject({ points: 0, checkinDays: 0 });
    expect(await bind(who, (await cloud.ok('invite', 'card', inviter, {})).code)).toMatchObject({
      ok: false,
      error: { code: 'NOT_NEW_MEMBER' },
    });
    expect(await cloud.docs('invites', { _id: who })).toEqual([]);
    expect(await rewardsOf(inviter)).toHaveLength(1);
  });
});

describe('stock of deleted members’ vouchers', () => {
  it('comes back: five members take the five seats and leave, and the pack has five seats again', async () => {
    const leavers = await seedFundedMembers(cloud, 'seat', FIVE_STOCK, 100);
    for (const [i, who] of leavers.entries())
      await cloud.ok('redeem', 'redeem', who, { packId: 'five_pack', requestId: `seat-redeem-${i}` });
    expect((await packState('five_pack')).stock).toBe(0);
    for (const who of leavers) expect((await deleteAccount(who)).ok).toBe(true);
    expect(await packState('five_pack')).toEqual({ stock: FIVE_STOCK, holds: {} });
    expect(await cloud.docs('redemptions', { packId: 'five_pack' })).toEqual([]);
  });
});
