/**
 * Backend benchmark: the built cloud functions on a fresh localcloud (loopback only), driven
 * through the H5 gateway the way the browser calls them. Prints
 *  - check-in latency p50 / p95 (warm instances, one call at a time),
 *  - database round trips per action (from localcloud's per-invocation counts), first as the one
 *    line `roundtrips home=N checkin=N checkin_repeat=N redeem=N redeem_retry=N` (goals, warm:
 *    home ≤ 4, a member's first check-in of the day ≤ 7, redeem ≤ 11, retries ≤ 2), then every action
 *    (the team challenge's too, and what a member in a team pays on home and check-in),
 *  - `partner` order latency p50 / p95 (the brand's till over HTTP access, signed, warm, one at a time),
 *  - the stock-10 race with 200 members (time to settle, vouchers issued),
 *  - sustained check-in and redeem throughput over 500 members.
 * Bounded: well under 90 s on 2 cores. Run alone with `tsx bench/functions/bench.ts`;
 * `runBackendBench()` is exported for a combined `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalcloud, type Localcloud } from '../../localcloud';
import { buildFunctions } from '../../scripts/build-functions';
import { addDays, dayOf } from '../../shared/time/shanghai';
import { demoPartnerSecret, postPartner } from '../../scripts/partner-client';
import { testPack, writeSeedDir } from '../../test/functions/support/seed';

const ROOT = path.resolve(__dirname, '..', '..');
const OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';
const VERIFIER = 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA';

export interface BackendBenchResult {
  checkinLatencyMs: { p50: number; p95: number; samples: number };
  partnerOrderLatencyMs: { p50: number; p95: number; samples: number; roundTrips: number };
  roundTrips: Array<{ action: string; roundTrips: number }>;
  /** The figures of the `roundtrips …` line. */
  summary: Record<SummaryKey, number>;
  race: { members: number; stock: number; issued: number; outOfStock: number; settleMs: number };
  throughput: { checkinPerSec: number; redeemPerSec: number; members: number; concurrency: number };
  totalMs: number;
}

interface Answer {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string };
}

function openid(prefix: string, i: number): string {
  return `o${prefix}${String(i).padStart(6, '0')}`.padEnd(28, 'x').slice(0, 28);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `run` over `items` with `concurrency` in flight; stops taking new items after `deadline` (performance.now()). Answers how many ran. */
async function pool<T>(
  items: T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<void>,
  deadline = Infinity,
): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length && performance.now() < deadline) {
        const i = next++;
        await run(items[i], i);
        done++;
      }
    }),
  );
  return done;
}

/** Each throughput phase stops after this long, so the whole run stays bounded on a busy machine. */
const PHASE_BUDGET_MS = 15_000;

/** The bench's own packs: a stock-10 race, a large stock for the throughput phase, an unlimited one. */
function benchPacks(): Array<Record<string, unknown>> {
  return [
    testPack('bench_race', { stock: 10, perMemberLimit: 100, order: 900 }),
    testPack('bench_flow', { stock: 100_000, perMemberLimit: 100, order: 900 }),
    testPack('bench_open', { stock: null, perMemberLimit: 100, order: 900 }),
  ];
}

/** A team challenge running today (the demo's have fixed dates), for the team rows. */
function benchChallenge(now: number): Record<string, unknown> {
  const today = dayOf(now);
  return {
    _id: 'bench_team',
    title: '压测组队挑战',
    description: '压测用：队员签到累计',
    joinFrom: addDays(today, -1),
    startAt: today,
    endAt: addDays(today, 10),
    joinGraceHours: 168,
    teamSize: { min: 2, max: 5 },
    goal: { metric: 'checkins', target: 100_000 },
    reward: { points: 10, growth: 10 },
  };
}

/** Adds the bench's challenge to a seed directory's challenges. */
function withBenchChallenge(dir: string, now: number): string {
  const file = path.join(dir, 'challenges.json');
  const demo = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]) : [];
  fs.writeFileSync(file, JSON.stringify([...demo, benchChallenge(now)]));
  return dir;
}

/** The round trips the `roundtrips` line reports, and their goals (warm). */
const SUMMARY_GOALS = { home: 4, checkin: 7, checkin_repeat: 2, redeem: 11, redeem_retry: 2 } as const;
type SummaryKey = keyof typeof SUMMARY_GOALS;

const DAY_MS = 86_400_000;

export async function runBackendBench(print: (line: string) => void = console.log): Promise<BackendBenchResult> {
  const started = performance.now();
  fs.mkdirSync(path.join(ROOT, 'dist'), { recursive: true });
  const work = fs.mkdtempSync(path.join(ROOT, 'dist', '.bench-'));
  const members = Array.from({ length: 500 }, (_v, i) => openid('Bench', i));
  let lc: Localcloud | null = null;
  try {
    await buildFunctions({ outDir: path.join(work, 'functions') });
    lc = await startLocalcloud({
      port: 0,
      dataDir: path.join(work, 'data'),
      functionsDir: path.join(work, 'functions'),
      // With the demo campaigns (one live today boosts the check-ins measured, as members would see)
      // and a team challenge running for the team rows.
      seedDir: withBenchChallenge(
        writeSeedDir(path.join(work, 'seed'), {
          packs: benchPacks(),
          members,
          points: 500,
          now: Date.now() - 3 * DAY_MS,
          campaigns: true,
        }),
        Date.now(),
      ),
      seed: true,
      indexesFile: path.join(ROOT, 'content', 'indexes.json'),
      strictIndexes: true,
      fsync: process.env.BENCH_FSYNC !== '0',
      quiet: true,
    });
    const cloud = lc;
    const call = async (
      fn: string,
      who: string,
      event: Record<string, unknown>,
    ): Promise<{ answer: Answer; ms: number; trips: number }> => {
      const t0 = performance.now();
      const res = await fetch(`${cloud.url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': who },
        body: JSON.stringify(event),
      });
      const answer = (await res.json()) as Answer;
      return { answer, ms: performance.now() - t0, trips: Number(res.headers.get('x-localcloud-db-round-trips') ?? NaN) };
    };
    const must = async (fn: string, who: string, event: Record<string, unknown>) => {
      const r = await call(fn, who, event);
      if (!r.answer.ok) throw new Error(`${fn}.${String(event.action)} failed: ${JSON.stringify(r.answer.error)}`);
      return r;
    };
    print(`backend bench · localcloud ${cloud.url} · ${os.cpus().length} cores · ${os.platform()} node ${process.version}`);

    // Warm every function: instances start, content loads (4 instances each, as in production use).
    const warmups: Array<[string, Record<string, unknown>]> = [
      ['member', { action: 'home' }],
      ['checkin', { action: 'calendar', month: '2026-01' }],
      ['redeem', { action: 'list' }],
      ['invite', { action: 'mine' }],
      ['team', { action: 'challenges' }],
      ['event', { action: 'mine' }],
      ['member', { action: 'code' }],
    ];
    for (const [fn, event] of warmups) await Promise.all(members.slice(0, 4).map((who) => must(fn, who, event)));
    await must('ops', OPS, { action: 'validate' });

    // 1. Check-in latency, warm, one call at a time.
    const latencies: number[] = [];
    for (const who of members.slice(0, 200)) latencies.push((await must('checkin', who, { action: 'checkin' })).ms);
    latencies.sort((a, b) => a - b);
    const checkinLatencyMs = { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), samples: latencies.length };
    print(
      `checkin latency (warm, gateway, sequential, ${latencies.length} members): p50 ${checkinLatencyMs.p50} ms · p95 ${checkinLatencyMs.p95} ms`,
    );

    // 2. Round trips per action (warm; the member exists; content cached).
    const m = members[1];
    const m2 = members[2];
    // A returning member: checked in the two days before (no badge falls due today).
    const regular = members[301];
    for (const daysAgo of [2, 1]) {
      cloud.setClock(Date.now() - daysAgo * DAY_MS);
      await must('checkin', regular, { action: 'checkin' });
    }
    cloud.setClock(null);
    await must('member', m, { action: 'home' });
    const voucher = (await must('redeem', m2, { action: 'redeem', packId: 'bench_flow', requestId: 'bench-trips-voucher' })).answer
      .data as { voucher: { code: string } };
    const probes: Array<[label: string, fn: string, who: string, event: Record<string, unknown>, summary?: SummaryKey]> = [
      ['member.home', 'member', m, { action: 'home' }, 'home'],
      ['member.badges', 'member', m, { action: 'badges' }],
      ['member.tree', 'member', m, { action: 'tree' }],
      ['member.ledger', 'member', m, { action: 'ledger', limit: 20 }],
      ['member.program', 'member', m, { action: 'program' }],
      ['member.charity', 'member', m, { action: 'charity' }],
      // The demo's 城市河道守护 has no end date.
      ['member.donate', 'member', m2, { action: 'donate', projectId: 'river_guardian', points: 10, requestId: 'bench-trips-donate' }],
      ['checkin.checkin (first today)', 'checkin', regular, { action: 'checkin' }, 'checkin'],
      ['checkin.checkin (repeat)', 'checkin', regular, { action: 'checkin' }, 'checkin_repeat'],
      ['checkin.checkin (first ever, + badge)', 'checkin', members[300], { action: 'checkin' }],
      ['checkin.calendar', 'checkin', m, { action: 'calendar', month: new Date().toISOString().slice(0, 7) }],
      ['redeem.list', 'redeem', m, { action: 'list' }],
      [
        'redeem.redeem (first, + badge)',
        'redeem',
        m,
        { action: 'redeem', packId: 'bench_flow', requestId: 'bench-trips-redeem' },
        'redeem',
      ],
      ['redeem.redeem (retry)', 'redeem', m, { action: 'redeem', packId: 'bench_flow', requestId: 'bench-trips-redeem' }, 'redeem_retry'],
      ['redeem.redeem (again)', 'redeem', m, { action: 'redeem', packId: 'bench_flow', requestId: 'bench-trips-again' }],
      ['redeem.redeem (unlimited pack)', 'redeem', m, { action: 'redeem', packId: 'bench_open', requestId: 'bench-trips-open' }],
      ['redeem.mine', 'redeem', m, { action: 'mine' }],
      ['redeem.verify', 'redeem', VERIFIER, { action: 'verify', voucherCode: voucher.voucher.code }],
      ['invite.card (first)', 'invite', m, { action: 'card' }],
      ['invite.card (cached)', 'invite', m, { action: 'card' }],
      ['invite.mine', 'invite', m, { action: 'mine' }],
      ['ops.adjust', 'ops', OPS, { action: 'adjust', openid: m, points: 1, growth: 1, reason: '压测', requestId: 'bench-trips-adjust' }],
      ['ops.validate', 'ops', OPS, { action: 'validate' }],
      ['member.code', 'member', m, { action: 'code' }],
      ['event.mine', 'event', m, { action: 'mine' }],
    ];
    const roundTrips: BackendBenchResult['roundTrips'] = [];
    const summary = {} as Record<SummaryKey, number>;
    for (const [label, fn, who, event, key] of probes) {
      const trips = (await must(fn, who, event)).trips;
      roundTrips.push({ action: label, roundTrips: trips });
      if (key) summary[key] = trips;
    }

    // Teams: the team actions, and what a returning member in a team pays on home and check-in.
    const [captain, mate, teamRegular, visitor] = members.slice(310, 314);
    for (const daysAgo of [2, 1]) {
      cloud.setClock(Date.now() - daysAgo * DAY_MS);
      await must('checkin', teamRegular, { action: 'checkin' });
    }
    cloud.setClock(null);
    await must('member', teamRegular, { action: 'badgesSeen' });
    const created = await must('team', captain, { action: 'create', challengeId: 'bench_team' });
    const code = (created.answer.data as { team: { code: string } }).team.code;
    roundTrips.push({ action: 'team.create', roundTrips: created.trips });
    const teamProbes: Array<[label: string, fn: string, who: string, event: Record<string, unknown>]> = [
      ['team.join', 'team', mate, { action: 'join', code }],
      ['team.join (a second)', 'team', teamRegular, { action: 'join', code }],
      ['team.preview', 'team', visitor, { action: 'preview', code }],
      ['team.mine', 'team', captain, { action: 'mine', challengeId: 'bench_team' }],
      ['team.challenges', 'team', captain, { action: 'challenges' }],
      ['member.home (in a team)', 'member', teamRegular, { action: 'home' }],
      ['checkin.checkin (first today, in a team)', 'checkin', teamRegular, { action: 'checkin' }],
      ['invite.leaderboard', 'invite', m, { action: 'leaderboard', period: 'month' }],
    ];
    for (const [label, fn, who, event] of teamProbes) roundTrips.push({ action: label, roundTrips: (await must(fn, who, event)).trips });

    const keys = Object.keys(SUMMARY_GOALS) as SummaryKey[];
    print(`roundtrips ${keys.map((k) => `${k}=${summary[k]}`).join(' ')}`);
    const missed = keys.filter((k) => !(summary[k] <= SUMMARY_GOALS[k]));
    print(
      `round-trip goals (warm): ${keys.map((k) => `${k} ≤ ${SUMMARY_GOALS[k]}`).join(', ')}: ${missed.length ? `MISSED ${missed.join(', ')}` : 'met'}`,
    );
    print('database round trips per action (warm):');
    for (const r of roundTrips) print(`  ${r.action.padEnd(40)} ${String(r.roundTrips).padStart(3)}`);

    // 3. Orders from the brand's till: signed HTTP access calls, warm, one at a time, each a new order.
    const secret = demoPartnerSecret();
    const order = (who: string, i: number) => ({
      orderId: `BENCH-POS-${String(i).padStart(5, '0')}`,
      openid: who,
      amount: 5_000 + i,
      paidAt: new Date().toISOString(),
      storeId: 'bench-01',
    });
    const sign = () => ({ timestamp: Math.floor(Date.now() / 1000) });
    for (let i = 0; i < 4; i++)
      await postPartner(`${cloud.url}/http/partner`, 'orders', order(members[400 + i], 90_000 + i), secret, sign());
    const orderMs: number[] = [];
    let orderTrips = NaN;
    for (const [i, who] of members.slice(200, 300).entries()) {
      const t0 = performance.now();
      const answer = await postPartner(`${cloud.url}/http/partner`, 'orders', order(who, i), secret, sign());
      orderMs.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`partner order failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      orderTrips = answer.roundTrips;
    }
    orderMs.sort((a, b) => a - b);
    const partnerOrderLatencyMs = {
      p50: round(percentile(orderMs, 50)),
      p95: round(percentile(orderMs, 95)),
      samples: orderMs.length,
      roundTrips: orderTrips,
    };
    const refund = await postPartner(
      `${cloud.url}/http/partner`,
      'refunds',
      { orderId: 'BENCH-POS-00000', refundId: 'R1', amount: 1_000 },
      secret,
      sign(),
    );
    print(
      `partner order latency (warm, HTTP access, signed, sequential, ${orderMs.length} orders): p50 ${partnerOrderLatencyMs.p50} ms · p95 ${partnerOrderLatencyMs.p95} ms · ${orderTrips} round trips (a refund ${refund.roundTrips})`,
    );

    // An offline event's door: the demo host scans a member's code while the demo course runs.
    cloud.setClock('2026-12-12T06:10:00.000Z');
    const scan = async (attendee: string) => {
      const { code: memberCode } = (await must('member', attendee, { action: 'code' })).answer.data as { code: string };
      return must('event', 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ', { action: 'attend', eventId: 'course_coffee_1212', memberCode });
    };
    // The first scan warms the host's instance (their member record, the secrets, the rate-limit window).
    await scan(members[450]);
    const attend = await scan(members[451]);
    cloud.setClock(null);
    print(`event.attend (warm, the attendee earns a badge): ${attend.trips} round trips`);

    // 4. The stock-10 race: 200 members at once.
    const racers = members.slice(0, 200);
    const t0 = performance.now();
    const race = await Promise.all(
      racers.map((who, i) => call('redeem', who, { action: 'redeem', packId: 'bench_race', requestId: `bench-race-${i}` })),
    );
    const settleMs = round(performance.now() - t0);
    const issued = race.filter((r) => r.answer.ok).length;
    const outOfStock = race.filter((r) => r.answer.error?.code === 'OUT_OF_STOCK').length;
    print(
      `stock-10 race, ${racers.length} members at once: settled in ${settleMs} ms · ${issued} vouchers issued · ${outOfStock} OUT_OF_STOCK`,
    );

    // 5. Sustained throughput over 500 members (the next Shanghai day for check-ins).
    const concurrency = 16;
    cloud.setClock(Date.now() + 86_400_000);
    const c0 = performance.now();
    const checkins = await pool(
      members,
      concurrency,
      async (who) => void (await must('checkin', who, { action: 'checkin' })),
      c0 + PHASE_BUDGET_MS,
    );
    const checkinPerSec = round(checkins / ((performance.now() - c0) / 1000));
    const r0 = performance.now();
    const redeems = await pool(
      members,
      concurrency,
      async (who, i) => void (await must('redeem', who, { action: 'redeem', packId: 'bench_flow', requestId: `bench-flow-${i}` })),
      r0 + PHASE_BUDGET_MS,
    );
    const redeemPerSec = round(redeems / ((performance.now() - r0) / 1000));
    cloud.setClock(null);
    const partial = (n: number) => (n < members.length ? ` (${n} of ${members.length} within the ${PHASE_BUDGET_MS / 1000} s budget)` : '');
    print(
      `sustained throughput, ${members.length} members, ${concurrency} in flight: checkin ${checkinPerSec} calls/s${partial(checkins)} · redeem ${redeemPerSec} calls/s${partial(redeems)}`,
    );

    const totalMs = round(performance.now() - started);
    print(`backend bench done in ${(totalMs / 1000).toFixed(1)} s`);
    return {
      checkinLatencyMs,
      partnerOrderLatencyMs,
      roundTrips,
      summary,
      race: { members: racers.length, stock: 10, issued, outOfStock, settleMs },
      throughput: { checkinPerSec, redeemPerSec, members: members.length, concurrency },
      totalMs,
    };
  } finally {
    if (lc) await lc.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

if (require.main === module) {
  runBackendBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
