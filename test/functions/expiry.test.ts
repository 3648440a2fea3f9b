import { ledgerConsistency, startTestCloud, type Doc, type TestCloud } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(120_000);

/**
 * Points expiry on localcloud through the real SDK (`settings.points.expiry: {months: 12}` in the
 * demo program): points earned in a Shanghai month expire when the month 12 months later ends —
 * at Shanghai midnight, whatever the process's TZ (this suite runs in the TZ matrix) — oldest
 * spent first; the `jobs` timer writes one `expire` entry per member, run twice or not, and a
 * member's own call settles them first if it comes before the timer. Home warns from 30 days before.
 */
let cloud: TestCloud;
const OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';

const grant = (openid: string, points: number, requestId: string) =>
  cloud.ok('ops', 'adjust', OPS, { openid, points, growth: 0, reason: '测试发放', requestId });

const expiries = async (openid: string): Promise<Doc[]> =>
  (await cloud.docs('ledger', { openid }))
    .filter((e) => e.kind === 'expire')
    .sort((x, y) => String(x.createdAt).localeCompare(String(y.createdAt)));
const member = async (openid: string): Promise<Doc> => (await cloud.docs('members', { _id: openid }))[0];

async function runJobs(): Promise<Array<{ job: string; status: string; handled: number }>> {
  const { outcome } = await cloud.lc.fireTrigger('jobs', 'schedule');
  if (outcome.kind !== 'ok') throw new Error(`jobs did not answer: ${JSON.stringify(outcome)}`);
  return (JSON.parse(outcome.json) as { data: { runs: Array<{ job: string; status: string; handled: number }> } }).data.runs;
}

let a = '';
let b = '';

beforeAll(async () => {
  cloud = await startTestCloud();
  await putContent(cloud, 'benefit_packs', [testPack('expiry_pack', { stock: null, cost: 30 })]);
  [a, b] = await seedFundedMembers(cloud, 'exp', 2, 0);
  // November 2025: 100 points each; December: 50; January: 30 of them spent, the oldest first.
  cloud.lc.setClock(shanghai('2025-11-20 10:00:00'));
  await grant(a, 100, 'exp-a-nov-0001');
  await grant(b, 100, 'exp-b-nov-0001');
  cloud.lc.setClock(shanghai('2025-12-15 10:00:00'));
  await grant(a, 50, 'exp-a-dec-0001');
  await grant(b, 50, 'exp-b-dec-0001');
  cloud.lc.setClock(shanghai('2026-01-05 10:00:00'));
  await cloud.ok('redeem', 'redeem', a, { packId: 'expiry_pack', requestId: 'exp-a-redeem-01' });
  await cloud.ok('redeem', 'redeem', b, { packId: 'expiry_pack', requestId: 'exp-b-redeem-01' });
}, 120_000);

afterAll(async () => {
  cloud.lc.setClock(null);
  await cloud.close();
});

it('keeps the balance by the month earned, spending the oldest first', async () => {
  expect(await member(a)).toMatchObject({ points: 120, pointLots: { '2025-11': 70, '2025-12': 50 }, oldestLot: '2025-11' });
});

it('warns on home from 30 days before, and expires nothing before Shanghai midnight after the month’s end', async () => {
  cloud.lc.setClock(shanghai('2026-10-31 12:00:00'));
  expect((await cloud.ok('member', 'home', a, {})).pointsOutlook.expiring).toEqual({ points: 70, lastDay: '2026-11-30' });
  cloud.lc.setClock(shanghai('2026-11-30 23:59:00'));
  await runJobs();
  expect(await expiries(a)).toEqual([]);
  expect((await member(a)).points).toBe(120);
});

it('expires at 00:00 on the 1st (16:00 UTC the day before): one entry per member, however often the timer runs', async () => {
  // 16:00:30 UTC on 11-30 is 00:00:30 on 12-01 in Shanghai.
  cloud.lc.setClock('2026-11-30T16:00:30.000Z');
  const runs = await runJobs();
  expect(runs.find((r) => r.job === 'pointsExpiry')).toMatchObject({ status: 'done', handled: 2 });
  expect(await runJobs()).toEqual(expect.arrayContaining([expect.objectContaining({ job: 'pointsExpiry', handled: 0 })]));
  for (const who of [a, b]) {
    expect(await expiries(who)).toEqual([expect.objectContaining({ points: -70, growth: 0, refId: '2025-11', day: '2026-12-01' })]);
    expect(await member(who)).toMatchObject({ points: 50, pointLots: { '2025-12': 50 }, oldestLot: '2025-12' });
  }
  const ledger = await cloud.ok('member', 'ledger', a, {});
  expect(ledger.entries[0]).toMatchObject({ kind: 'expire', title: '积分过期', points: -70 });
  // The next lot is now the one to warn about: its last day is 30 days away.
  expect((await cloud.ok('member', 'home', a, {})).pointsOutlook.expiring).toEqual({ points: 50, lastDay: '2026-12-31' });
  expect(await ledgerConsistency(cloud)).toEqual([]);
});

it('settles on the member’s own call when it comes before the timer, and the timer then writes nothing more', async () => {
  cloud.lc.setClock(shanghai('2027-01-01 00:03:00'));
  // A check-in right after midnight: the expired December points go first, then the day's 10.
  const checkin = await cloud.ok('checkin', 'checkin', a, {});
  expect(checkin.balance.points).toBe(10);
  await runJobs();
  await runJobs();
  expect((await expiries(a)).map((e) => [e.points, e.refId])).toEqual([
    [-70, '2025-11'],
    [-50, '2025-12'],
  ]);
  expect((await expiries(b)).map((e) => [e.points, e.refId])).toEqual([
    [-70, '2025-11'],
    [-50, '2025-12'],
  ]);
  expect(await member(a)).toMatchObject({ points: 10, pointLots: { '2027-01': 10 } });
  expect(await member(b)).toMatchObject({ points: 0, pointLots: {}, oldestLot: null });
  expect(await ledgerConsistency(cloud)).toEqual([]);
});
