import fc from 'fast-check';
import type { Envelope } from '@shared/envelope';
import { cloudForSuite, ledgerConsistency, memberId, OPS, VERIFIER } from './support/cloud';
import { putContent, seedFundedMembers, shanghai, testPack } from './support/seed';

// Calls go through real worker threads and HTTP; a busy 2-core machine needs more than 5 s.
jest.setTimeout(60_000);

/**
 * A model test: random sequences of what members, staff and ops do — check-ins across days
 * (localcloud's clock), redemptions (with repeated requestIds), adjustments (some too large),
 * invites, verifications, cancellations — through the real functions. After every sequence:
 * points = Σ ledger ≥ 0 and growth = Σ ledger growth for every member, badges unique, stock ≥ 0
 * and stock + live vouchers = the initial stock; no action ever answers INTERNAL.
 */
const cloud = cloudForSuite();
const MEMBERS = [0, 1, 2, 3].map((i) => memberId(`model${i}`));
const START_POINTS = 60;
const STOCK = 4;
const BASE = Date.parse(shanghai('2032-03-01 08:00:00'));

const pack = () => testPack('model_pack', { stock: STOCK, cost: 15, perMemberLimit: 2, limitPeriod: 'week' });

beforeAll(async () => {
  await putContent(cloud, 'benefit_packs', [pack()]);
}, 120_000);

type Command =
  | { kind: 'checkin'; m: number }
  | { kind: 'nextDay'; days: number; hour: number }
  | { kind: 'redeem'; m: number; packId: string; request: number }
  | { kind: 'adjust'; m: number; points: number; growth: number; request: number }
  | { kind: 'bind'; m: number; inviter: number }
  | { kind: 'verify'; m: number }
  | { kind: 'cancel'; m: number }
  | { kind: 'home'; m: number };

const member = fc.integer({ min: 0, max: MEMBERS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('checkin' as const), m: member }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('nextDay' as const),
      days: fc.integer({ min: 1, max: 3 }),
      hour: fc.integer({ min: 0, max: 23 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      m: member,
      packId: fc.constantFrom('model_pack', 'basic_points_coupon', 'scene_weekday_lunch'),
      request: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      m: member,
      points: fc.integer({ min: -60, max: 150 }),
      growth: fc.integer({ min: -40, max: 200 }),
      request: fc.integer({ min: 0, max: 30 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bind' as const), m: member, inviter: member }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('verify' as const), m: member }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), m: member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('home' as const), m: member }) },
);

/** Codes a member or staff may legitimately get back; anything else (INTERNAL, BUSY…) fails the run. */
const EXPECTED = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_REACHED',
  'NOT_AVAILABLE_NOW',
  'TIER_TOO_LOW',
  'SELF_INVITE',
  'ALREADY_INVITED',
  'NOT_NEW_MEMBER',
  'NOT_FOUND',
  'ALREADY_USED',
  'EXPIRED',
]);

/** What the runs did, so a vacuous run (everything refused) cannot pass unnoticed. */
const outcomes = new Map<string, number>();

async function play(commands: Command[], run: number): Promise<void> {
  let day = 0;
  let hour = 9;
  const at = () => BASE + day * 86_400_000 + (hour - 8) * 3_600_000;
  cloud.lc.setClock(at());
  const unexpected: string[] = [];
  const expect_ = (what: string, answer: Envelope<unknown>) => {
    const key = `${what}:${answer.ok ? 'ok' : answer.error.code}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    if (!answer.ok && !EXPECTED.has(answer.error.code)) unexpected.push(`${what}: ${answer.error.code}`);
  };
  for (const [i, c] of commands.entries()) {
    const who = c.kind === 'nextDay' ? '' : MEMBERS[c.m];
    switch (c.kind) {
      case 'nextDay':
        day += c.days;
        hour = c.hour;
        cloud.lc.setClock(at());
        break;
      case 'checkin':
        expect_('checkin', await cloud.call('checkin', who, { action: 'checkin' }));
        break;
      case 'home':
        expect_('home', await cloud.call('member', who, { action: 'home' }));
        break;
      case 'redeem':
        expect_('redeem', await cloud.call('redeem', who, { action: 'redeem', packId: c.packId, requestId: `run${run}-req-${c.request}` }));
        break;
      case 'adjust': {
        if (c.points === 0 && c.growth === 0) break;
        await cloud.call('member', who, { action: 'home' });
        expect_(
          'adjust',
          await cloud.call('ops', OPS, {
            action: 'adjust',
            openid: who,
            points: c.points,
            growth: c.growth,
            reason: '模型测试',
            requestId: `run${run}-adj-${c.request}`,
          }),
        );
        break;
      }
      case 'bind': {
        const card = await cloud.ok('invite', 'card', MEMBERS[c.inviter], {});
        expect_('bind', await cloud.call('invite', who, { action: 'bind', code: card.code }));
        break;
      }
      case 'verify':
      case 'cancel': {
        // Staff handle whichever voucher is shown to them: this member's, else the next member's.
        let v: { id: string; code: string } | undefined;
        for (let k = 0; k < MEMBERS.length && !v; k++) {
          v = (await cloud.ok('redeem', 'mine', MEMBERS[(c.m + k) % MEMBERS.length], { status: 'issued', limit: 1 })).vouchers[0];
        }
        if (!v) break;
        const answer =
          c.kind === 'verify'
            ? await cloud.call('redeem', VERIFIER, { action: 'verify', voucherCode: v.code })
            : await cloud.call('redeem', OPS, { action: 'cancel', redemptionId: v.id, reason: `模型测试 ${i}` });
        expect_(c.kind, answer);
        break;
      }
    }
  }
  expect(unexpected).toEqual([]);
  expect(await ledgerConsistency(cloud)).toEqual([]);
  const [stored] = await cloud.docs('benefit_packs', { _id: 'model_pack' });
  const live = (await cloud.docs('redemptions', { packId: 'model_pack' })).filter((r) => r.status !== 'cancelled');
  expect(Number(stored.stock)).toBeGreaterThanOrEqual(0);
  expect(Number(stored.stock) + live.length).toBe(STOCK);
  for (const m of await cloud.docs('members')) {
    const entries = await cloud.docs('ledger', { openid: m._id });
    expect(entries.every((e) => Number.isInteger(e.points) && Number.isInteger(e.growth))).toBe(true);
    expect((await cloud.docs('checkins', { openid: m._id })).length).toBe(m.checkinDays);
  }
}

it('keeps points = Σ ledger ≥ 0, growth = Σ ledger growth, badges unique and stock ≥ 0 over random sequences', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 26 }), async (commands) => {
      run++;
      await cloud.lc.reset({ seed: true, keepFunctionInstances: true });
      await putContent(cloud, 'benefit_packs', [pack()]);
      // Members join an hour before the first command with a few points (member + ledger entry).
      await seedFundedMembers(cloud, 'model', MEMBERS.length, START_POINTS, BASE - 3_600_000);
      await play(commands, run);
    }),
    { numRuns: 18, seed: 20261123, endOnFailure: true },
  );
  cloud.lc.setClock(null);
  console.info(`model test outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
  for (const key of ['checkin:ok', 'redeem:ok', 'adjust:ok', 'adjust:INSUFFICIENT_POINTS', 'bind:ok', 'verify:ok', 'cancel:ok']) {
    expect([key, (outcomes.get(key) ?? 0) > 0]).toEqual([key, true]);
  }
}, 150_000);
