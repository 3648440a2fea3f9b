import type { Envelope } from '@shared/envelope';
import { HOLD_STALE_MS, type StockHold } from '@shared/domain/stockHolds';
import { runDueJobs, type Job } from '../../cloudfunctions/_common/jobs';
import type { Services } from '../../cloudfunctions/_common/services';
import { ledgerConsistency, memberId, startTestCloud, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * Stock is decided on the live pack document and stays exact when calls die: a pack cached as
 * unlimited that ops limit in the console sells exactly its new stock; a unit taken by a call that
 * never finished is adopted by the retry of the same request or settled by the `jobs` sweep —
 * released when its voucher consumed it, given back when none did — and the `jobs` function runs
 * only for its timer, never for a member.
 */
let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ maxWorkersPerFunction: 8 });
  await putContent(cloud, 'benefit_packs', [
    testPack('flip_pack', { stock: null, cost: 10 }),
    testPack('restock_pack', { stock: 0, cost: 10 }),
    testPack('sweep_pack', { stock: 10, cost: 10 }),
  ]);
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

const redeem = (openid: string, packId: string, requestId: string) => cloud.call('redeem', openid, { action: 'redeem', packId, requestId });

/** A timer event, as a member calling `jobs` might forge it. */
const TIMER = () => ({ Type: 'Timer', TriggerName: 'schedule', Time: new Date().toISOString(), Message: '' });

/** Fires the `jobs` timer trigger (localcloud passes the timer event, with no caller identity). */
async function runJobs(): Promise<Envelope<{ runs: Array<{ job: string; status: string; handled: number }> }>> {
  const { outcome } = await cloud.lc.fireTrigger('jobs', 'schedule');
  if (outcome.kind !== 'ok') throw new Error(`jobs did not answer: ${JSON.stringify(outcome)}`);
  return JSON.parse(outcome.json) as Envelope<{ runs: Array<{ job: string; status: string; handled: number }> }>;
}

async function pack(id: string): Promise<{ stock: unknown; holds: Record<string, StockHold> }> {
  const [doc] = await cloud.docs('benefit_packs', { _id: id });
  return { stock: doc.stock, holds: (doc.holds ?? {}) as Record<string, StockHold> };
}

/** What a call that died right after taking a unit leaves behind: stock one lower and its hold. */
async function leaveHold(packId: string, openid: string, requestId: string, token: string, at: number): Promise<void> {
  const op = cloud.db.op;
  const hold: StockHold = { t: token, at, o: openid };
  const taken = await cloud.db.updateWhere(
    'benefit_packs',
    { _id: packId, stock: op.gt(0) },
    { stock: op.inc(-1), [`holds.${openid}_${requestId}`]: hold },
  );
  expect(taken).toBe(1);
}

describe('stock is decided on the live document', () => {
  it('an unlimited pack ops limit to 10 in the console sells exactly 10 to 200 racing members', async () => {
    const racers = await seedFundedMembers(cloud, 'flip', 200, 100);
    // Every instance has the pack cached as unlimited (a list and a redeem each).
    await Promise.all(racers.slice(0, 16).map((who) => cloud.ok('redeem', 'list', who, {})));
    expect((await cloud.ok('redeem', 'redeem', racers[0], { packId: 'flip_pack', requestId: 'flip-warm-0001' })).voucher.packId).toBe(
      'flip_pack',
    );
    expect((await pack('flip_pack')).stock).toBeNull();

    await cloud.db.update('benefit_packs', 'flip_pack', { stock: 10 });
    const answers = await Promise.all(racers.map((who, i) => redeem(who, 'flip_pack', `flip-race-${i}`)));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(new Set(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code)))).toEqual(new Set(['OUT_OF_STOCK']));
    expect(await pack('flip_pack')).toEqual({ stock: 0, holds: {} });
    const issued = (await cloud.docs('redemptions', { packId: 'flip_pack' })).filter((r) => r.stockTaken === true);
    expect(issued).toHaveLength(10);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  }, 120_000);

  it('shows and sells a restock on the very next call, and no limit once ops lift it', async () => {
    const [who] = await seedFundedMembers(cloud, 'restock', 1, 100);
    const sold = (await cloud.ok('redeem', 'list', who, {})).packs.find((p) => p.id === 'restock_pack');
    expect(sold?.eligibility).toMatchObject({ eligible: false, reason: 'OUT_OF_STOCK' });
    expect((await cloud.fail('redeem', who, { action: 'redeem', packId: 'restock_pack', requestId: 'restock-0001' })).code).toBe(
      'OUT_OF_STOCK',
    );

    await cloud.db.update('benefit_packs', 'restock_pack', { stock: 2 });
    expect((await cloud.ok('redeem', 'list', who, {})).packs.find((p) => p.id === 'restock_pack')?.stockLeft).toBe(2);
    await cloud.ok('redeem', 'redeem', who, { packId: 'restock_pack', requestId: 'restock-0002' });
    expect((await pack('restock_pack')).stock).toBe(1);

    await cloud.db.update('benefit_packs', 'restock_pack', { stock: null });
    expect((await cloud.ok('redeem', 'list', who, {})).packs.find((p) => p.id === 'restock_pack')?.stockLeft).toBeNull();
    const unlimited = await cloud.ok('redeem', 'redeem', who, { packId: 'restock_pack', requestId: 'restock-0003' });
    const [doc] = await cloud.docs('redemptions', { _id: unlimited.voucher.id });
    expect(doc).toMatchObject({ stockTaken: false, holdToken: null });
    expect(await pack('restock_pack')).toEqual({ stock: null, holds: {} });
  });
});

describe('units taken by calls that died', () => {
  let seq = 0;
  const fresh = async () => {
    const [who] = await seedFundedMembers(cloud, `dead${seq++}-`, 1, 100);
    return who;
  };

  it('a retry of the same request adopts the unit its dead call took: one unit, one voucher', async () => {
    const who = await fresh();
    const before = Number((await pack('sweep_pack')).stock);
    await leaveHold('sweep_pack', who, 'adopt-0001', 'deadtoken01', Date.now());
    const answer = await cloud.ok('redeem', 'redeem', who, { packId: 'sweep_pack', requestId: 'adopt-0001' });
    const [doc] = await cloud.docs('redemptions', { _id: answer.voucher.id });
    expect(doc).toMatchObject({ stockTaken: true, holdToken: 'deadtoken01' });
    expect(await pack('sweep_pack')).toEqual({ stock: before - 1, holds: {} });
    // Asked again: the same voucher, nothing taken.
    expect(await cloud.ok('redeem', 'redeem', who, { packId: 'sweep_pack', requestId: 'adopt-0001' })).toEqual(answer);
    expect(Number((await pack('sweep_pack')).stock)).toBe(before - 1);
  });

  it('the sweep gives back a stale unit nobody consumed, releases one a voucher consumed, and leaves a young one', async () => {
    const [gone, done, running] = [await fresh(), await fresh(), await fresh()];
    const start = Number((await pack('sweep_pack')).stock);
    const now = Date.now();
    // A call that died after taking its unit, long ago.
    await leaveHold('sweep_pack', gone, 'gone-0001', 'tokgone001', now - HOLD_STALE_MS - 1000);
    // A call whose voucher committed but whose answer (and the hold's removal) was lost.
    const issued = await cloud.ok('redeem', 'redeem', done, { packId: 'sweep_pack', requestId: 'done-0001' });
    const [doneDoc] = await cloud.docs('redemptions', { _id: issued.voucher.id });
    await cloud.db.update('benefit_packs', 'sweep_pack', {
      [`holds.${done}_done-0001`]: { t: doneDoc.holdToken, at: now - HOLD_STALE_MS - 1000, o: done },
    });
    // A call still running.
    await leaveHold('sweep_pack', running, 'running-0001', 'tokrun0001', now);
    expect(Number((await pack('sweep_pack')).stock)).toBe(start - 3);

    const run = await runJobs();
    expect(run).toMatchObject({
      ok: true,
      data: { runs: expect.arrayContaining([expect.objectContaining({ job: 'stockHolds', status: 'done', handled: 2 })]) },
    });
    const after = await pack('sweep_pack');
    // The dead call's unit is back, the issued voucher keeps its unit, the running call keeps its hold.
    expect(after.stock).toBe(start - 2);
    expect(Object.keys(after.holds)).toEqual([`${running}_running-0001`]);
    // The dead call's token is void on its member: a late commit with it is refused.
    const [member] = await cloud.docs('members', { _id: gone });
    expect(Object.keys(member.voidedHolds as Record<string, string>)).toEqual(['tokgone001']);
    // Run again: nothing more to do (safe twice).
    await runJobs();
    expect((await pack('sweep_pack')).stock).toBe(start - 2);

    // The running call's retry still gets its voucher with the unit it holds; the dead call's retry takes a new unit.
    await cloud.ok('redeem', 'redeem', running, { packId: 'sweep_pack', requestId: 'running-0001' });
    const retried = await cloud.ok('redeem', 'redeem', gone, { packId: 'sweep_pack', requestId: 'gone-0001' });
    const [goneDoc] = await cloud.docs('redemptions', { _id: retried.voucher.id });
    expect(goneDoc.holdToken).not.toBe('tokgone001');
    expect(await pack('sweep_pack')).toEqual({ stock: start - 3, holds: {} });
    const live = (await cloud.docs('redemptions', { packId: 'sweep_pack' })).filter((r) => r.status !== 'cancelled' && r.stockTaken);
    expect(10 - live.length).toBe(start - 3);
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });

  it('a call holding a unit the sweep voided takes another, and the voided one goes back', async () => {
    const who = await fresh();
    const start = Number((await pack('sweep_pack')).stock);
    // The sweep has voided this call's token on the member and not yet given the unit back.
    await leaveHold('sweep_pack', who, 'slow-0001', 'tokslow001', Date.now() - HOLD_STALE_MS - 1000);
    await cloud.db.update('members', who, { 'voidedHolds.tokslow001': new Date().toISOString() });
    const answer = await cloud.ok('redeem', 'redeem', who, { packId: 'sweep_pack', requestId: 'slow-0001' });
    const [doc] = await cloud.docs('redemptions', { _id: answer.voucher.id });
    expect(doc).toMatchObject({ stockTaken: true });
    expect(doc.holdToken).not.toBe('tokslow001');
    expect(await pack('sweep_pack')).toEqual({ stock: start - 1, holds: {} });
    expect(await ledgerConsistency(cloud)).toEqual([]);
  });
});

describe('the jobs function', () => {
  it('refuses a member, through the gateway and as a caller identity, before anything runs', async () => {
    const who = memberId('jobber');
    const viaGateway = await cloud.http('jobs', who, TIMER());
    expect(viaGateway.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(viaGateway.roundTrips).toBe(0);
    const { outcome } = await cloud.lc.invoke('jobs', TIMER(), { openid: who });
    expect(outcome.kind === 'ok' && JSON.parse(outcome.json)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { outcome: notTimer } = await cloud.lc.invoke('jobs', { action: 'run' }, {});
    expect(notTimer.kind === 'ok' && JSON.parse(notTimer.json)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('remembers what it finished, goes on where it stopped, and runs a job once at a time', async () => {
    const services = { db: cloud.db } as unknown as Services;
    const pages: Array<string | null> = [];
    const job: Job = {
      name: 'testPaging',
      everyMs: 3_600_000,
      async page(_ctx, cursor) {
        pages.push(cursor);
        const next = cursor === null ? 1 : Number(cursor) + 1;
        return { cursor: next < 3 ? String(next) : null, handled: 1 };
      },
    };
    const now = Date.now();
    const budget = { ms: 60_000, pages: 2 };
    expect(await runDueJobs([job], { services, now }, budget)).toEqual([{ job: 'testPaging', status: 'partial', pages: 2, handled: 2 }]);
    expect(await runDueJobs([job], { services, now: now + 1000 }, budget)).toEqual([
      { job: 'testPaging', status: 'done', pages: 1, handled: 1 },
    ]);
    expect(pages).toEqual([null, '1', '2']);
    expect(await runDueJobs([job], { services, now: now + 2000 }, budget)).toEqual([
      { job: 'testPaging', status: 'notDue', pages: 0, handled: 0 },
    ]);
    const [state] = await cloud.docs('job_state', { _id: 'testPaging' });
    expect(state).toMatchObject({ cursor: null, dueAt: now + 1000 + 3_600_000, leaseUntil: 0, lastHandled: 1 });

    // Due again, while another run holds the job: this run leaves it alone.
    await cloud.db.update('job_state', 'testPaging', { dueAt: 0, leaseUntil: now + 60_000 });
    expect(await runDueJobs([job], { services, now: now + 3000 }, budget)).toEqual([
      { job: 'testPaging', status: 'busy', pages: 0, handled: 0 },
    ]);
    expect(pages).toHaveLength(3);
  });
});
