import { demoPartnerSecret, partnerSignature, postPartner, type PartnerAnswer } from '../../scripts/partner-client';
import { ledgerConsistency, memberId, startTestCloud, type Doc, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(120_000);

/**
 * The `partner` HTTP API through localcloud's HTTP access service (`POST /http/partner/<route>`,
 * CloudBase's integration request) and the real SDK: signatures, idempotent orders under
 * parallel calls, pending points and their release by the `jobs` timer, partial refunds that add
 * up, a refund after the points were spent (a debt, never a negative balance), growth and tier
 * reversed — with `points = Σ ledger` checked after each.
 */
let cloud: TestCloud;
let base: string;
const secret = demoPartnerSecret();

/** Unix seconds on localcloud's clock (the functions check the timestamp against theirs). */
const nowSeconds = () => Math.floor(cloud.lc.now().getTime() / 1000);
const post = (route: string, body: unknown, options: Parameters<typeof postPartner>[4] = {}): Promise<PartnerAnswer> =>
  postPartner(base, route, body, secret, { timestamp: nowSeconds(), ...options });

const order = (orderId: string, openid: string, amount: number, over: Record<string, unknown> = {}) => ({
  orderId,
  openid,
  amount,
  paidAt: cloud.lc.now().toISOString(),
  storeId: 'sh-jingan-01',
  ...over,
});

async function member(openid: string): Promise<Doc> {
  const [doc] = await cloud.docs('members', { _id: openid });
  return doc;
}

async function ledgerOf(openid: string): Promise<Doc[]> {
  return (await cloud.docs('ledger', { openid })).sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
}

/** Everything but the call log (which records refused calls too). */
async function state(): Promise<Record<string, Doc[]>> {
  const { partner_calls: _calls, ...rest } = await cloud.dump();
  void _calls;
  return rest;
}

const runJobs = async () => {
  const { outcome } = await cloud.lc.fireTrigger('jobs', 'schedule');
  if (outcome.kind !== 'ok') throw new Error(`jobs did not answer: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.json) as { ok: boolean; data: { runs: Array<{ job: string; status: string; handled: number }> } };
};

beforeAll(async () => {
  cloud = await startTestCloud({ maxWorkersPerFunction: 6 });
  base = `${cloud.lc.url}/http/partner`;
  await putContent(cloud, 'benefit_packs', [testPack('partner_pack', { stock: null, cost: 100 })]);
  // A campaign in June whose purchases earn 1.5× points (growth never boosted).
  await putContent(cloud, 'campaigns', [
    {
      _id: 'june_shopping',
      title: '六月购物季',
      description: '消费积分 1.5 倍',
      preheatAt: '2031-05-25',
      startAt: '2031-06-01',
      endAt: '2031-06-10',
      recapUntil: '2031-06-20',
      boosts: { purchase: { pointsMultiplier: 1.5 } },
      active: true,
    },
  ]);
  // Monday 10:00 in Shanghai.
  cloud.lc.setClock(shanghai('2031-05-12 10:00:00'));
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

describe('signatures', () => {
  it('accepts a good signature and refuses a bad, stale, missing or lifted one with 401, writing nothing', async () => {
    const [who] = await seedFundedMembers(cloud, 'sig', 1, 0);
    const body = order('SIG-0001', who, 5_000);
    const before = await state();
    const refusedBefore = (await cloud.docs('partner_calls')).filter((c) => c.result === 'UNAUTHENTICATED').length;

    const wrongSecret = await postPartner(base, 'orders', body, 'not-the-secret', { timestamp: nowSeconds() });
    const stale = await post('orders', body, { timestamp: nowSeconds() - 301 });
    const future = await post('orders', body, { timestamp: nowSeconds() + 301 });
    const missing = await fetch(`${base}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // A signature made for one body, sent with another (a replay with the amount changed).
    const ts = String(nowSeconds());
    const lifted = await post(
      'orders',
      { ...body, amount: 500_000 },
      { timestamp: Number(ts), signature: partnerSignature(secret, ts, JSON.stringify(body)) },
    );
    for (const refused of [wrongSecret, stale, future, lifted]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(missing.status).toBe(401);
    expect(stale.body.error?.message).toMatch(/过期/);
    expect(await state()).toEqual(before);

    const good = await post('orders', body);
    expect(good.status).toBe(200);
    expect(good.body).toEqual({
      ok: true,
      data: { orderId: 'SIG-0001', openid: who, points: 50, growth: 50, pendingUntil: shanghai('2031-05-20 00:00:00') },
    });
    // The call log has every call — the refused ones without the body they carried — and no openid.
    const calls = await cloud.docs('partner_calls');
    expect(calls.filter((c) => c.result === 'UNAUTHENTICATED')).toHaveLength(refusedBefore + 5);
    expect(calls.filter((c) => c.result === 'UNAUTHENTICATED').every((c) => c.orderId === null && c.status === 401)).toBe(true);
    expect(calls.filter((c) => c.orderId === 'SIG-0001')).toEqual([
      expect.objectContaining({ route: 'orders', result: 'ok', status: 200, latencyMs: expect.any(Number) }),
    ]);
    expect(JSON.stringify(calls)).not.toContain(who);
  });

  it('routes on the last segments of the path (CloudBase passes the route prefix) and refuses other routes and methods', async () => {
    const [who] = await seedFundedMembers(cloud, 'route', 1, 0);
    const prefixed = await postPartner(`${cloud.lc.url}/http/partner/api/v1`, 'orders', order('ROUTE-0001', who, 1_000), secret, {
      timestamp: nowSeconds(),
    });
    expect(prefixed.status).toBe(200);
    expect((await post('nope', {})).status).toBe(404);
    const get = await fetch(`${base}/orders`);
    expect(get.status).toBe(405);
  });

  it('refuses a malformed body with 400 and the fields, after the signature', async () => {
    const bad = await post('orders', { orderId: 'BAD 1', amount: -5, paidAt: 'yesterday', openid: memberId('x'), memberCode: '1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { fields: expect.arrayContaining(['orderId', 'amount', 'paidAt']) },
    });
    const notJson = await post('orders', null, { rawBody: '{"orderId":' });
    expect(notJson.status).toBe(400);
    const unknown = await post('orders', { ...order('U-1', memberId('nobody'), 100) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('NOT_FOUND');
  });
});

describe('orders', () => {
  it('answers the same orderId with the first answer, and another body with 409 CONFLICT', async () => {
    const [who] = await seedFundedMembers(cloud, 'idem', 1, 0);
    const body = order('IDEM-0001', who, 12_850);
    const first = await post('orders', body);
    expect(first.body.data).toMatchObject({ points: 128, growth: 128 });
    const again = await post('orders', body);
    expect(again).toMatchObject({ status: 200, body: first.body });
    const changed = await post('orders', { ...body, amount: 12_851 });
    expect(changed.status).toBe(409);
    expect(changed.body.error?.code).toBe('CONFLICT');
    const byCode = await post('orders', { ...body, openid: undefined, memberCode: '123456789012345678' });
    expect(byCode.status).toBe(409);
    expect(
      (await cloud.docs('partner_calls'))
        .filter((c) => c.orderId === 'IDEM-0001')
        .map((c) => c.result)
        .sort(),
    ).toEqual(['CONFLICT', 'CONFLICT', 'ok', 'replayed']);
  });

  it('records 20 parallel identical orders exactly once', async () => {
    const [who] = await seedFundedMembers(cloud, 'par', 1, 0);
    const body = order('PAR-0001', who, 30_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('orders', body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(await cloud.docs('orders', { _id: 'PAR-0001' })).toHaveLength(1);
    expect((await ledgerOf(who)).filter((e) => e.kind === 'purchase')).toEqual([expect.objectContaining({ points: 0, growth: 300 })]);
    expect(await member(who)).toMatchObject({ points: 0, growth: 300, purchases: 1, pendingPoints: { '2031-05-20': 300 } });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('keeps purchase points pending (apart on home, not spendable) until the jobs timer releases them once', async () => {
    const [who] = await seedFundedMembers(cloud, 'pend', 1, 40);
    await post('orders', order('PEND-0001', who, 20_000));
    const home = await cloud.ok('member', 'home', who, {});
    expect(home.member.points).toBe(40);
    expect(home.pointsOutlook).toMatchObject({ pending: 200, pendingReleaseOn: '2031-05-20', debt: 0 });
    // Not spendable: the pack costs 100.
    expect((await cloud.fail('redeem', who, { action: 'redeem', packId: 'partner_pack', requestId: 'pend-redeem-1' })).code).toBe(
      'INSUFFICIENT_POINTS',
    );

    cloud.lc.setClock(shanghai('2031-05-19 23:59:00'));
    await runJobs();
    expect(await member(who)).toMatchObject({ points: 40, pendingPoints: { '2031-05-20': 200 } });
    cloud.lc.setClock(shanghai('2031-05-20 00:01:00'));
    const run = await runJobs();
    expect(run.data.runs.find((r) => r.job === 'pointsRelease')).toMatchObject({ status: 'done' });
    await runJobs();
    expect(await member(who)).toMatchObject({ points: 240, pendingPoints: {}, nextRelease: null });
    expect((await ledgerOf(who)).filter((e) => e.kind === 'purchase_release')).toEqual([
      expect.objectContaining({ points: 200, growth: 0 }),
    ]);
    await cloud.ok('redeem', 'redeem', who, { packId: 'partner_pack', requestId: 'pend-redeem-2' });
    expect(await ledgerConsistency(cloud)).toEqual([]);
    cloud.lc.setClock(shanghai('2031-05-12 10:00:00'));
  });

  it('releases due points on the member’s own next call when the timer has not run yet', async () => {
    const [who] = await seedFundedMembers(cloud, 'lazy', 1, 0);
    await post('orders', order('LAZY-0001', who, 7_000));
    cloud.lc.setClock(shanghai('2031-05-21 08:00:00'));
    const home = await cloud.ok('member', 'home', who, {});
    expect(home.member.points).toBe(70);
    expect(home.pointsOutlook.pending).toBe(0);
    await runJobs();
    expect((await ledgerOf(who)).filter((e) => e.kind === 'purchase_release')).toHaveLength(1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
    cloud.lc.setClock(shanghai('2031-05-12 10:00:00'));
  });

  it('credits points at once when the report comes after the hold, and refuses a paidAt in the future', async () => {
    const [who] = await seedFundedMembers(cloud, 'late', 1, 0);
    const late = await post('orders', order('LATE-0001', who, 3_000, { paidAt: '2031-05-01T10:00:00+08:00' }));
    expect(late.body.data).toMatchObject({ points: 30, pendingUntil: null });
    expect(await member(who)).toMatchObject({ points: 30, growth: 30 });
    const ahead = await post('orders', order('LATE-0002', who, 3_000, { paidAt: '2031-05-12T11:00:00+08:00' }));
    expect(ahead.status).toBe(400);
  });
});

describe('campaign boosts', () => {
  it('multiply the points of an order recorded while a campaign boosts purchases (never the growth), once, noted on the order and the ledger', async () => {
    const [who, outside] = await seedFundedMembers(cloud, 'boost', 2, 0);
    cloud.lc.setClock(shanghai('2031-06-03 10:00:00'));
    // Reported after the hold: credited at once, the boost on its ledger entry; 20 replays change nothing.
    const body = order('BOOST-0001', who, 10_050, { paidAt: '2031-05-20T10:00:00+08:00' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('orders', body)));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.data)))).toEqual(new Set([JSON.stringify(answers[0].body.data)]));
    expect(answers[0].body.data).toMatchObject({ points: 150, growth: 100, pendingUntil: null });
    expect(await member(who)).toMatchObject({ points: 150, growth: 100 });
    expect((await ledgerOf(who)).filter((e) => e.kind === 'purchase')).toEqual([
      expect.objectContaining({
        points: 150,
        growth: 100,
        boost: { campaignId: 'june_shopping', title: '六月购物季', pointsMultiplier: 1.5, growthMultiplier: 1, points: 50, growth: 0 },
      }),
    ]);
    const [stored] = await cloud.docs('orders', { _id: 'BOOST-0001' });
    expect(stored).toMatchObject({ multiplier: 1.5, boostCampaignId: 'june_shopping' });
    // A held order: its pending points are boosted too.
    const held = await post('orders', order('BOOST-0002', who, 2_000));
    expect(held.body.data).toMatchObject({ points: 30, growth: 20 });
    // After the campaign: ×1.
    cloud.lc.setClock(shanghai('2031-06-11 00:00:00'));
    const after = await post('orders', order('BOOST-0003', outside, 10_050, { paidAt: '2031-06-01T10:00:00+08:00' }));
    expect(after.body.data).toMatchObject({ points: 100, growth: 100 });
    const [plain] = await cloud.docs('orders', { _id: 'BOOST-0003' });
    expect(plain).toMatchObject({ multiplier: 1, boostCampaignId: null });
    expect(await ledgerConsistency(cloud)).toEqual([]);
    cloud.lc.setClock(shanghai('2031-05-12 10:00:00'));
  });
});

describe('refunds', () => {
  it('add up to the order, cancel pending points, reverse growth, and never go past the order', async () => {
    const [who] = await seedFundedMembers(cloud, 'refp', 1, 0);
    await post('orders', order('REFP-0001', who, 10_000));
    const a = await post('refunds', { orderId: 'REFP-0001', refundId: 'R1', amount: 3_333 });
    expect(a.body.data).toEqual({
      orderId: 'REFP-0001',
      refundId: 'R1',
      amount: 3_333,
      refundedAmount: 3_333,
      points: { reversed: 33, pendingCancelled: 33, takenBack: 0, debt: 0 },
      growth: 33,
    });
    expect(await member(who)).toMatchObject({ points: 0, growth: 67, pendingPoints: { '2031-05-20': 67 }, purchases: 1 });
    // The same refund again: the first answer; another body under its id: 409.
    expect((await post('refunds', { orderId: 'REFP-0001', refundId: 'R1', amount: 3_333 })).body).toEqual(a.body);
    expect((await post('refunds', { orderId: 'REFP-0001', refundId: 'R1', amount: 3_000 })).status).toBe(409);
    const past = await post('refunds', { orderId: 'REFP-0001', refundId: 'R2', amount: 6_668 });
    expect(past.status).toBe(422);
    expect(past.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_ORDER', details: { refundable: 6_667 } });
    const rest = await post('refunds', { orderId: 'REFP-0001', refundId: 'R2', amount: 6_667 });
    expect(rest.body.data).toMatchObject({ refundedAmount: 10_000, points: { reversed: 67, pendingCancelled: 67 }, growth: 67 });
    expect(await member(who)).toMatchObject({ points: 0, growth: 0, pendingPoints: {}, purchases: 0 });
    expect((await cloud.docs('orders', { _id: 'REFP-0001' }))[0]).toMatchObject({ status: 'refunded', refundedPoints: 100, refunds: 2 });
    expect((await post('refunds', { orderId: 'REFP-0001', refundId: 'R3', amount: 1 })).status).toBe(422);
    expect((await post('refunds', { orderId: 'NOPE-0001', refundId: 'R1', amount: 1 })).status).toBe(404);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('after the points were spent: takes back what the balance has, keeps the rest as a debt paid from the next earnings, never below 0', async () => {
    const [who] = await seedFundedMembers(cloud, 'debt', 1, 0);
    // ¥400: 400 growth lifts the member to 进阶层 at once, with its entry reward (100 points, now);
    // the 400 purchase points arrive after the hold.
    await post('orders', order('DEBT-0001', who, 40_000));
    expect(await member(who)).toMatchObject({ tier: 'advanced', growth: 400, points: 100 });
    cloud.lc.setClock(shanghai('2031-05-20 09:00:00'));
    await cloud.ok('redeem', 'redeem', who, { packId: 'partner_pack', requestId: 'debt-redeem-1' });
    await cloud.ok('redeem', 'redeem', who, { packId: 'partner_pack', requestId: 'debt-redeem-2' });
    await cloud.ok('redeem', 'redeem', who, { packId: 'partner_pack', requestId: 'debt-redeem-3' });
    expect(await member(who)).toMatchObject({ points: 200 });

    // The refund takes back the purchase's points (the entry reward stays: the tier was reached).
    const refund = await post('refunds', { orderId: 'DEBT-0001', refundId: 'R1', amount: 40_000 });
    expect(refund.body.data).toMatchObject({ points: { reversed: 400, pendingCancelled: 0, takenBack: 200, debt: 200 }, growth: 400 });
    expect(await member(who)).toMatchObject({ points: 0, growth: 0, pointsDebt: 200, tier: 'basic', purchases: 0 });
    expect((await cloud.ok('member', 'home', who, {})).pointsOutlook.debt).toBe(200);
    expect(await ledgerConsistency(cloud)).toEqual([]);

    // The next earning pays the debt off first: a check-in's 10 points go to it.
    const checkin = await cloud.ok('checkin', 'checkin', who, {});
    expect(checkin.balance.points).toBe(0);
    expect(await member(who)).toMatchObject({ points: 0, pointsDebt: 190 });
    // A bigger earning clears it and leaves the rest (back to 进阶层: no second entry reward this year).
    await post('orders', order('DEBT-0002', who, 35_000, { paidAt: '2031-05-01T10:00:00+08:00' }));
    expect(await member(who)).toMatchObject({ points: 160, pointsDebt: 0, tier: 'advanced' });
    const kinds = (await ledgerOf(who)).map((e) => [e.kind, e.points]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['tier_entry', 100],
        ['purchase_refund', -200],
        ['checkin', 10],
        ['debt_repayment', -10],
        ['purchase', 350],
        ['debt_repayment', -190],
      ]),
    );
    expect((await ledgerOf(who)).filter((e) => e.kind === 'tier_entry')).toHaveLength(1);
    expect(await ledgerConsistency(cloud)).toEqual([]);
    cloud.lc.setClock(shanghai('2031-05-12 10:00:00'));
  });

  it('runs 20 parallel identical refunds once', async () => {
    const [who] = await seedFundedMembers(cloud, 'refpar', 1, 0);
    await post('orders', order('REFPAR-0001', who, 10_000));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('refunds', { orderId: 'REFPAR-0001', refundId: 'R1', amount: 5_000 })),
    );
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body])))).toEqual(
      new Set([JSON.stringify([answers[0].status, answers[0].body])]),
    );
    expect((await cloud.docs('orders', { _id: 'REFPAR-0001' }))[0]).toMatchObject({ refundedAmount: 5_000, refunds: 1 });
    expect(await member(who)).toMatchObject({ growth: 50, pendingPoints: { '2031-05-20': 50 } });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });
});

describe('ops', () => {
  it('shows purchase points issued, pending and reversed in ops.stats', async () => {
    const stats = await cloud.ok('ops', 'stats', 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1', { from: '2031-05-12', to: '2031-05-20' });
    const orders = (await cloud.docs('orders')).filter((o) => String(o.day) >= '2031-05-12' && String(o.day) <= '2031-05-20');
    expect(stats.purchases.orders).toBe(orders.length);
    expect(stats.purchases.pointsIssued).toBe(orders.reduce((s, o) => s + Number(o.points), 0));
    expect(stats.purchases.pointsReversed).toBe((await cloud.docs('order_refunds')).reduce((s, r) => s + Number(r.reversedPoints), 0));
    expect(stats.purchases.pointsDebt).toBe(200);
    expect(stats.purchases.pointsPending).toBeGreaterThan(0);
  });
});
