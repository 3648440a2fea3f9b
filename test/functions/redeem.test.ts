import type { Envelope } from '@shared/envelope';
import type { RedeemData } from '@shared/contracts/redeem';
import { cloudForSuite, ledgerConsistency, memberId, OPS, VERIFIER } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * redeem.* on localcloud through the real SDK: stock and limits hold under a 200-member race and
 * every unit is sold; a requestId charges once; list and redeem give the same reasons; vouchers
 * are verified once by staff and cancelled with a refund by ops.
 */
// More instances than the default 4: more redeem calls genuinely in flight at once.
const cloud = cloudForSuite({ maxWorkersPerFunction: 8 });
const RACERS = 200;
const ROUNDS = 20;
let racers: string[];

beforeAll(async () => {
  await putContent(cloud, 'benefit_packs', [
    testPack('race_pack', { stock: 10, cost: 10 }),
    testPack('dup_pack', { stock: 1, cost: 25 }),
    testPack('dup_unlimited', { stock: null, cost: 5 }),
    testPack('sold_out', { stock: 0 }),
    testPack('short_voucher', { stock: 100, voucherDays: 1 }),
  ]);
  racers = await seedFundedMembers(cloud, 'racer', RACERS, 1000);
}, 120_000);

const redeemCall = (openid: string, packId: string, requestId: string) =>
  cloud.call('redeem', openid, { action: 'redeem', packId, requestId });

describe('200 members race for a pack with stock 10', () => {
  it(`sells exactly 10 each time, ${ROUNDS} rounds: stock 0, the other 190 keep their points`, async () => {
    const settle: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await cloud.db.update('benefit_packs', 'race_pack', { stock: 10 });
      const started = Date.now();
      const answers = await Promise.all(racers.map((who, i) => redeemCall(who, 'race_pack', `race-${round}-${i}`)));
      settle.push(Date.now() - started);
      const won = answers.filter((a) => a.ok);
      const lost = answers.filter((a): a is Extract<Envelope<unknown>, { ok: false }> => !a.ok);
      expect(won).toHaveLength(10);
      expect(new Set(lost.map((a) => a.error.code))).toEqual(new Set(['OUT_OF_STOCK']));
      const [pack] = await cloud.docs('benefit_packs', { _id: 'race_pack' });
      expect(pack.stock).toBe(0);
    }
    const vouchers = await cloud.docs('redemptions', { packId: 'race_pack' });
    // (redemptions are indexed by openid/createdAt; this read goes through the test SDK, which pages by _id)
    expect(vouchers).toHaveLength(10 * ROUNDS);
    expect(new Set(vouchers.map((v) => v.voucherCode)).size).toBe(10 * ROUNDS);
    const members = await cloud.docs('members');
    const spent = members.filter((m) => racers.includes(m._id)).reduce((s, m) => s + (1000 - Number(m.points)), 0);
    expect(spent).toBe(10 * ROUNDS * 10);
    expect(await ledgerConsistency(cloud)).toEqual([]);
    // Every unit taken was consumed by its voucher and its hold removed: no reservation is left open.
    expect((await cloud.docs('benefit_packs', { _id: 'race_pack' }))[0].holds ?? {}).toEqual({});
    console.info(`stock-10 race, ${RACERS} members: settled in ${settle.join(', ')} ms`);
  }, 240_000);
});

describe('one requestId sent 20 times at once', () => {
  it.each([
    ['a pack with one unit left', 'dup_pack'],
    ['an unlimited pack', 'dup_unlimited'],
  ])(
    '%s: one voucher, one charge, identical answers',
    async (_name, packId) => {
      const [who] = await seedFundedMembers(cloud, `dup-${packId}-`, 1, 100);
      const before = (await cloud.docs('benefit_packs', { _id: packId }))[0].stock;
      const answers = await Promise.all(Array.from({ length: 20 }, () => redeemCall(who, packId, 'same-request-0001')));
      expect(answers.every((a) => a.ok)).toBe(true);
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(await cloud.docs('redemptions', { openid: who })).toHaveLength(1);
      const charges = (await cloud.docs('ledger', { openid: who })).filter((e) => e.kind === 'redeem');
      expect(charges).toHaveLength(1);
      const after = (await cloud.docs('benefit_packs', { _id: packId }))[0].stock;
      expect(after).toBe(before === null ? null : Number(before) - 1);
      // A later retry returns the first answer again.
      expect(await redeemCall(who, packId, 'same-request-0001')).toEqual(answers[0]);
      expect(await ledgerConsistency(cloud)).toEqual([]);
    },
    60_000,
  );
});

describe('eligibility: the list and the action agree', () => {
  it('answers each reason the list shows, and issues when eligible', async () => {
    cloud.lc.setClock(shanghai('2030-06-01 10:00:00')); // a Saturday morning
    const poor = memberId('poor');
    const list = await cloud.ok('redeem', 'list', poor, {});
    const reason = (id: string) => {
      const view = list.packs.find((p) => p.id === id);
      return view && !view.eligibility.eligible ? view.eligibility.reason : 'ELIGIBLE';
    };
    expect(reason('basic_annual_kit')).toBe('INSUFFICIENT_POINTS');
    expect(reason('adv_colab_lab')).toBe('TIER_TOO_LOW');
    expect(reason('sold_out')).toBe('OUT_OF_STOCK');
    expect(reason('scene_weekday_lunch')).toBe('NOT_AVAILABLE_NOW');
    const lunch = list.packs.find((p) => p.id === 'scene_weekday_lunch');
    expect(lunch?.eligibility).toEqual({
      eligible: false,
      reason: 'NOT_AVAILABLE_NOW',
      detail: { opensAt: new Date(shanghai('2030-06-03 11:30:00')).toISOString() },
    });
    expect(lunch?.scheduleText).toBe('工作日 11:30–13:30');
    // Holiday packs of past years are not listed; upcoming ones are, with their dates.
    expect(list.packs.some((p) => p.id === 'holiday_spring_festival')).toBe(false);

    for (const view of list.packs) {
      if (view.eligibility.eligible) continue;
      const answer = await cloud.fail('redeem', poor, { action: 'redeem', packId: view.id, requestId: `check-${view.id}` });
      expect([view.id, answer.code]).toEqual([view.id, view.eligibility.reason]);
      expect(answer.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await cloud.fail('redeem', poor, { action: 'redeem', packId: 'no_such_pack', requestId: 'check-unknown' })).code).toBe(
      'NOT_FOUND',
    );
    // Nothing was written for any refusal.
    expect(await cloud.docs('redemptions', { openid: poor })).toEqual([]);
    expect(await cloud.docs('ledger', { openid: poor })).toEqual([]);
  });

  it('counts the per-member limit per period: LIMIT_REACHED until the next week', async () => {
    cloud.lc.setClock(shanghai('2030-06-05 10:00:00')); // Wednesday
    const [who] = await seedFundedMembers(cloud, 'limit', 1, 500);
    await cloud.ok('redeem', 'redeem', who, { packId: 'basic_points_coupon', requestId: 'limit-0001' });
    const second = await cloud.fail('redeem', who, { action: 'redeem', packId: 'basic_points_coupon', requestId: 'limit-0002' });
    expect(second.code).toBe('LIMIT_REACHED');
    expect(second.details).toMatchObject({ limit: 1, period: 'week', resetsAt: new Date(shanghai('2030-06-10 00:00:00')).toISOString() });
    cloud.lc.setClock(shanghai('2030-06-10 08:00:00')); // next Monday
    await cloud.ok('redeem', 'redeem', who, { packId: 'basic_points_coupon', requestId: 'limit-0003' });
    const [member] = await cloud.docs('members', { _id: who });
    expect(member.points).toBe(400);
  });
});

describe('vouchers: mine, verify, cancel', () => {
  let who: string;
  let voucher: RedeemData['voucher'];

  beforeAll(async () => {
    cloud.lc.setClock(shanghai('2030-07-01 10:00:00'));
    [who] = await seedFundedMembers(cloud, 'holder', 1, 300);
    voucher = (await cloud.ok('redeem', 'redeem', who, { packId: 'basic_health_pack', requestId: 'holder-0001' })).voucher;
  });

  it('lists the member vouchers newest first with paging', async () => {
    await cloud.ok('redeem', 'redeem', who, { packId: 'short_voucher', requestId: 'holder-0002' });
    await cloud.ok('redeem', 'redeem', who, { packId: 'dup_unlimited', requestId: 'holder-0003' });
    const page1 = await cloud.ok('redeem', 'mine', who, { limit: 2 });
    expect(page1.vouchers.map((v) => v.packId)).toEqual(['dup_unlimited', 'short_voucher']);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await cloud.ok('redeem', 'mine', who, { limit: 2, cursor: page1.nextCursor ?? undefined });
    expect(page2.vouchers.map((v) => v.packId)).toEqual(['basic_health_pack']);
    expect(page2.nextCursor).toBeNull();
  });

  it('lets a verifier look a voucher up before confirming, changing nothing', async () => {
    expect((await cloud.fail('redeem', who, { action: 'peek', voucherCode: voucher.code })).code).toBe('FORBIDDEN');
    const typed = voucher.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-');
    const seen = await cloud.ok('redeem', 'peek', VERIFIER, { voucherCode: typed });
    expect(seen).toMatchObject({ code: voucher.code, packId: 'basic_health_pack', status: 'issued', usedAt: null });
    expect(seen.packTitle).toBeTruthy();
    const [doc] = await cloud.docs('redemptions', { _id: voucher.id });
    expect(doc).toMatchObject({ status: 'issued', usedBy: null });
    expect((await cloud.fail('redeem', VERIFIER, { action: 'peek', voucherCode: '2345-6789-ABCD' })).code).toBe('NOT_FOUND');
  });

  it('lets only a verifier mark a voucher used, once, and says when it was used', async () => {
    expect((await cloud.fail('redeem', who, { action: 'verify', voucherCode: voucher.code })).code).toBe('FORBIDDEN');
    expect((await cloud.fail('redeem', OPS, { action: 'verify', voucherCode: voucher.code })).code).toBe('FORBIDDEN');
    // Typed with dashes and lower case at the till.
    const typed = voucher.code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-');
    const both = await Promise.all([
      cloud.call('redeem', VERIFIER, { action: 'verify', voucherCode: typed }),
      cloud.call('redeem', VERIFIER, { action: 'verify', voucherCode: voucher.code }),
    ]);
    const ok = both.filter((a) => a.ok);
    const again = both.filter((a) => !a.ok);
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ ok: true, data: { code: voucher.code, packId: 'basic_health_pack' } });
    expect(again[0]).toMatchObject({ ok: false, error: { code: 'ALREADY_USED' } });
    const [doc] = await cloud.docs('redemptions', { _id: voucher.id });
    expect(doc).toMatchObject({ status: 'used', usedBy: VERIFIER, usedStore: 'sh-jingan-01' });
    const third = await cloud.fail('redeem', VERIFIER, { action: 'verify', voucherCode: voucher.code });
    expect(third).toMatchObject({ code: 'ALREADY_USED', details: { usedAt: doc.usedAt } });
    expect((await cloud.fail('redeem', VERIFIER, { action: 'verify', voucherCode: '2345-6789-ABCD' })).code).toBe('NOT_FOUND');
  });

  it('refuses an expired voucher and shows it expired', async () => {
    cloud.lc.setClock(shanghai('2030-07-02 00:00:01'));
    const mine = await cloud.ok('redeem', 'mine', who, { status: 'expired' });
    expect(mine.vouchers.map((v) => [v.packId, v.status])).toEqual([['short_voucher', 'expired']]);
    const short = mine.vouchers[0];
    expect((await cloud.fail('redeem', VERIFIER, { action: 'verify', voucherCode: short.code })).code).toBe('EXPIRED');
  });

  it('lets ops cancel an unused voucher: refund through the ledger, stock and limit restored', async () => {
    const [issued] = (await cloud.ok('redeem', 'mine', who, { status: 'issued' })).vouchers;
    expect(issued.packId).toBe('dup_unlimited');
    const short = (await cloud.ok('redeem', 'mine', who, { status: 'expired' })).vouchers[0];
    const stockBefore = Number((await cloud.docs('benefit_packs', { _id: 'short_voucher' }))[0].stock);
    const [memberBefore] = await cloud.docs('members', { _id: who });

    expect((await cloud.fail('redeem', who, { action: 'cancel', redemptionId: short.id, reason: '会员申请' })).code).toBe('FORBIDDEN');
    expect((await cloud.fail('redeem', VERIFIER, { action: 'cancel', redemptionId: short.id, reason: '会员申请' })).code).toBe('FORBIDDEN');
    const cancelled = await cloud.ok('redeem', 'cancel', OPS, { redemptionId: short.id, reason: '会员申请' });
    expect(cancelled).toEqual({ redemptionId: short.id, status: 'cancelled', refundedPoints: 10, stockRestored: true });
    // Again: the same answer, no second refund.
    expect(await cloud.ok('redeem', 'cancel', OPS, { redemptionId: short.id, reason: '会员申请' })).toMatchObject({
      status: 'cancelled',
      refundedPoints: 10,
    });

    const [memberAfter] = await cloud.docs('members', { _id: who });
    expect(Number(memberAfter.points) - Number(memberBefore.points)).toBe(10);
    expect(Number((await cloud.docs('benefit_packs', { _id: 'short_voucher' }))[0].stock)).toBe(stockBefore + 1);
    const refunds = (await cloud.docs('ledger', { openid: who })).filter((e) => e.kind === 'redeem_refund');
    expect(refunds).toEqual([expect.objectContaining({ points: 10, growth: 0, refId: short.id, by: OPS, reason: '会员申请' })]);

    expect((await cloud.fail('redeem', OPS, { action: 'cancel', redemptionId: voucher.id, reason: '会员申请' })).code).toBe('ALREADY_USED');
    expect((await cloud.fail('redeem', OPS, { action: 'cancel', redemptionId: `${who}_nope-00000001`, reason: '会员申请' })).code).toBe(
      'NOT_FOUND',
    );
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('rate-limits a verifier trying codes', async () => {
    cloud.lc.setClock(shanghai('2030-07-03 10:00:00'));
    const codes = Array.from({ length: 31 }, (_v, i) => `2345-6789-${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i]}BCD`);
    const answers: string[] = [];
    for (const code of codes) {
      const a = await cloud.call('redeem', VERIFIER, { action: 'verify', voucherCode: code });
      answers.push(a.ok ? 'OK' : a.error.code);
    }
    expect(answers.slice(0, 30).every((c) => c === 'NOT_FOUND')).toBe(true);
    expect(answers[30]).toBe('RATE_LIMITED');
  });
});

describe('what staff see of a member', () => {
  it('never shows a nickname’s control or bidi characters stored before they were refused', async () => {
    cloud.lc.setClock(null);
    const [who] = await seedFundedMembers(cloud, 'oldNick', 1, 300);
    // Written before the contract refused them (an old document).
    await cloud.db.update('members', who, { nickname: '林\u202E满\u0000\u2066' });
    const { voucher } = await cloud.ok('redeem', 'redeem', who, { packId: 'basic_health_pack', requestId: 'oldnick-0001' });
    expect((await cloud.ok('redeem', 'peek', VERIFIER, { voucherCode: voucher.code })).memberNickname).toBe('林满');
    expect((await cloud.ok('redeem', 'verify', VERIFIER, { voucherCode: voucher.code })).memberNickname).toBe('林满');
  });
});
