import type { OpsStatsData } from '@shared/contracts/ops';

/**
 * A small program history with every `ops.stats` figure worked out by hand (below), used by
 * stats.test.ts. Range 2026-03-01 … 2026-03-07 (Shanghai), computed on 2026-03-20, so every
 * D1/D7 return day is over. Shanghai midnight is 16:00Z the day before: the boundary cases
 * (a member created at 01:00 Shanghai on 03-01, a redemption at 00:00 Shanghai on 03-08) sit
 * on either side of it.
 */

/** Members: A advanced, B basic, C core, D basic, E basic. */
export const A = 'oStatsMemberA_abcdefghijklmno';
export const B = 'oStatsMemberB_abcdefghijklmno';
export const C = 'oStatsMemberC_abcdefghijklmno';
export const D = 'oStatsMemberD_abcdefghijklmno';
export const E = 'oStatsMemberE_abcdefghijklmno';
/** An invitee activated in the range whose member record is gone (deleted account). */
export const F = 'oStatsMemberF_abcdefghijklmno';

export const OPS = 'oStatsOps_000000000000000000';
export const OPS_AND_VERIFIER = 'oStatsBoth_00000000000000000';
export const VERIFIER = 'oStatsVerifier_0000000000000';
export const INACTIVE_OPS = 'oStatsRetired_00000000000000';
export const BROKEN_OPS = 'oStatsBroken_000000000000000';

export const RANGE = { from: '2026-03-01', to: '2026-03-07' };
export const CLOCK = '2026-03-20T04:00:00.000Z';

/** The member's letter (A…E) makes their invite code: `ABCDEA`-style, from the unambiguous alphabet. */
function member(_id: string, createdAt: string, tier: string) {
  const letter = _id.slice(12, 13);
  return {
    _id,
    nickname: `会员${letter}`,
    avatarUrl: '',
    createdAt,
    tier,
    points: 0,
    growth: 0,
    streak: { current: 0, best: 0, lastDate: null },
    checkinDays: 0,
    inviteCode: `KEEP2NM${letter}`,
    invitedBy: null,
    activatedAt: null,
    invitesActivated: 0,
    redemptions: 0,
  };
}

const checkin = (openid: string, date: string) => ({
  _id: `${openid}_${date}`,
  openid,
  date,
  streak: 1,
  reward: { points: 10, growth: 10, bonus: 0 },
  createdAt: `${date}T01:00:00.000Z`,
});

const redemption = (id: string, openid: string, packId: string, createdAt: string, status: string, cost: number) => ({
  _id: `${openid}_${id}`,
  openid,
  packId,
  requestId: id,
  cost,
  status,
  voucherCode: `VKR${id.slice(1)}XY234567`.slice(0, 12),
  createdAt,
  usedAt: null,
  usedBy: null,
});

let ledgerSeq = 0;
const ledger = (openid: string, kind: string, points: number, growth: number, createdAt: string) => ({
  _id: `ledger_${String(++ledgerSeq).padStart(3, '0')}`,
  openid,
  kind,
  points,
  growth,
  refId: `ref${ledgerSeq}`,
  createdAt,
});

export const DATASET: Record<string, Array<Record<string, unknown>>> = {
  staff: [
    { _id: OPS, roles: ['ops'], storeId: null, active: true, name: '运营' },
    { _id: OPS_AND_VERIFIER, roles: ['verifier', 'ops'], storeId: 'sh-01', active: true },
    { _id: VERIFIER, roles: ['verifier'], storeId: 'sh-01', active: true },
    { _id: INACTIVE_OPS, roles: ['ops'], storeId: null, active: false },
    // A console typo: roles as a string. Fails closed.
    { _id: BROKEN_OPS, roles: 'ops', active: true },
  ],
  members: [
    member(A, '2026-03-01T02:00:00.000Z', 'advanced'), // 03-01 10:00 Shanghai
    member(B, '2026-02-28T17:00:00.000Z', 'basic'), // 03-01 01:00 Shanghai: new on 03-01
    member(C, '2026-02-28T15:59:59.000Z', 'core'), // 02-28 23:59:59 Shanghai: before the range
    member(D, '2026-03-07T15:59:59.999Z', 'basic'), // 03-07 23:59:59.999 Shanghai: last instant of the range
    member(E, '2026-03-07T16:00:00.000Z', 'basic'), // 03-08 00:00 Shanghai: after the range
  ],
  checkins: [
    checkin(A, '2026-03-01'),
    checkin(A, '2026-03-02'),
    checkin(A, '2026-03-08'), // A's D7 return for 03-01
    checkin(B, '2026-03-01'),
    checkin(B, '2026-03-03'),
    checkin(C, '2026-02-10'), // active (30-day window) but not in the range
    checkin(D, '2026-03-07'),
    checkin(D, '2026-03-08'), // D's D1 return for 03-07
    checkin(E, '2026-03-09'), // after the range: no cohort, not active on 03-07
  ],
  redemptions: [
    redemption('r1', A, 'basic_annual_kit', '2026-03-02T03:00:00.000Z', 'issued', 100),
    redemption('r2', A, 'adv_offline_salon', '2026-03-03T03:00:00.000Z', 'used', 200),
    redemption('r3', B, 'basic_points_coupon', '2026-03-04T03:00:00.000Z', 'cancelled', 50),
    redemption('r4', C, 'basic_points_coupon', '2026-03-05T03:00:00.000Z', 'issued', 50),
    redemption('r5', D, 'basic_health_pack', '2026-03-07T16:00:00.000Z', 'issued', 80), // 03-08 Shanghai
    redemption('r6', B, 'basic_health_pack', '2026-03-06T03:00:00.000Z', 'expired', 80),
    redemption('r7', A, 'retired_pack', '2026-03-06T04:00:00.000Z', 'issued', 30), // pack deleted from content
    redemption('r8', B, 'basic_annual_kit', '2026-03-05T05:00:00.000Z', 'used', 100),
  ],
  ledger: [
    ledger(A, 'checkin', 10, 10, '2026-03-01T01:00:00.000Z'),
    ledger(A, 'checkin', 10, 10, '2026-03-02T01:00:00.000Z'),
    ledger(A, 'checkin', 10, 10, '2026-03-08T01:00:00.000Z'), // after the range
    ledger(B, 'checkin', 10, 10, '2026-03-01T01:00:00.000Z'),
    ledger(B, 'checkin', 10, 10, '2026-03-03T01:00:00.000Z'),
    ledger(D, 'checkin', 10, 10, '2026-03-07T01:00:00.000Z'),
    ledger(A, 'redeem', -100, 0, '2026-03-02T03:00:00.000Z'),
    ledger(A, 'redeem', -200, 0, '2026-03-03T03:00:00.000Z'),
    ledger(B, 'redeem', -50, 0, '2026-03-04T03:00:00.000Z'),
    ledger(B, 'redeem_refund', 50, 0, '2026-03-05T01:00:00.000Z'),
    ledger(C, 'redeem', -50, 0, '2026-03-05T03:00:00.000Z'),
    ledger(D, 'redeem', -80, 0, '2026-03-07T16:00:00.000Z'), // after the range
    ledger(B, 'redeem', -80, 0, '2026-03-06T03:00:00.000Z'),
    ledger(A, 'redeem', -30, 0, '2026-03-06T04:00:00.000Z'),
    ledger(B, 'redeem', -100, 0, '2026-03-05T05:00:00.000Z'),
    ledger(A, 'invite_reward', 50, 30, '2026-03-03T02:00:00.000Z'),
    ledger(C, 'ops_adjust', 200, 100, '2026-03-02T06:00:00.000Z'),
    ledger(D, 'ops_adjust', -20, 0, '2026-03-04T06:00:00.000Z'),
  ],
  invites: [
    { _id: D, inviter: A, code: 'KEEP2NMA', status: 'bound', boundAt: '2026-03-07T01:00:00.000Z', activatedAt: null },
    {
      _id: B,
      inviter: A,
      code: 'KEEP2NMA',
      status: 'rewarded',
      boundAt: '2026-02-28T17:30:00.000Z',
      activatedAt: '2026-03-03T02:00:00.000Z',
    },
    { _id: E, inviter: A, code: 'KEEP2NMA', status: 'bound', boundAt: '2026-03-07T20:00:00.000Z', activatedAt: null }, // 03-08 Shanghai
    {
      _id: F,
      inviter: C,
      code: 'KEEP2NMC',
      status: 'activated',
      boundAt: '2026-02-20T02:00:00.000Z',
      activatedAt: '2026-03-01T00:00:00.000Z',
    },
  ],
  invite_attempts: [
    {
      _id: 'att1',
      invitee: A,
      inviter: A,
      code: 'KEEP2NMA',
      reason: 'SELF_INVITE',
      createdAt: '2026-03-02T02:00:00.000Z',
      day: '2026-03-02',
    },
    {
      _id: 'att2',
      invitee: C,
      inviter: A,
      code: 'KEEP2NMA',
      reason: 'NOT_NEW_MEMBER',
      createdAt: '2026-03-04T02:00:00.000Z',
      day: '2026-03-04',
    },
    {
      _id: 'att3',
      invitee: B,
      inviter: C,
      code: 'KEEP2NMC',
      reason: 'NOT_NEW_MEMBER',
      createdAt: '2026-03-04T03:00:00.000Z',
      day: '2026-03-04',
    },
    {
      _id: 'att4',
      invitee: B,
      inviter: C,
      code: 'KEEP2NMC',
      reason: 'ALREADY_INVITED',
      createdAt: '2026-03-10T03:00:00.000Z',
      day: '2026-03-10',
    }, // after
  ],
  invite_cards: [
    { _id: A, openid: A, code: 'KEEP2NMA', fileId: 'cloud://local-env/invite-cards/a.png', createdAt: '2026-03-01T03:00:00.000Z' },
    { _id: B, openid: B, code: 'KEEP2NMB', fileId: 'cloud://local-env/invite-cards/b.png', createdAt: '2026-03-05T03:00:00.000Z' },
    { _id: C, openid: C, code: 'KEEP2NMC', fileId: 'cloud://local-env/invite-cards/c.png', createdAt: '2026-02-01T03:00:00.000Z' }, // before
  ],
};

const zeroDays = (counts: Record<string, number>) =>
  ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'].map((date) => ({
    date,
    count: counts[date] ?? 0,
  }));

/**
 * The answer, by hand:
 * - DAU: 03-01 A,B · 03-02 A · 03-03 B · 03-07 D.
 * - Retention: 03-01 {A,B}: D1 A (03-02) = 1/2, D7 A (03-08) = 1/2; 03-02 {A}: 0/0; 03-03 {B}: 0/0;
 *   03-07 {D}: D1 D (03-08) = 1, D7 (03-14) none = 0.
 * - New members: 03-01 A,B; 03-07 D (C is 02-28 and E 03-08 in Shanghai).
 * - Points: issued 50 (check-ins) + 50 (invite reward) + 200 (ops grant) = 300; spent
 *   100+200+50+50+80+30+100 = 610 (the cancelled voucher's charge included, its refund apart: 50);
 *   corrected 20.
 * - Redemptions (cancelled r3 and 03-08 r5 left out): kit 2 (r1, r8), salon, coupon (r4),
 *   health (r6), retired_pack (r7, unknown → basic) → 6; basic 5, advanced 1, core 0.
 * - Active on 02-06…03-07: A advanced, B basic, C core, D basic → coverage 100 / 50 / 25.
 * - Penetration: basic {B ✓ (r6, r8), D ✗ (r5 is 03-08)} 1/2; advanced {A ✓ r2} 1/1; core {C ✗: r4 is basic} 0/1.
 * - Invites: cards A, B = 2; binds D (03-07), B (03-01 01:30) = 2; activations B, F = 2; rewards 1;
 *   rejections NOT_NEW_MEMBER 2, SELF_INVITE 1; active in range A, B, D = 3 → K = 2/3.
 */
export const EXPECTED: OpsStatsData = {
  from: '2026-03-01',
  to: '2026-03-07',
  asOf: '2026-03-20',
  dau: zeroDays({ '2026-03-01': 2, '2026-03-02': 1, '2026-03-03': 1, '2026-03-07': 1 }),
  retention: [
    { date: '2026-03-01', cohort: 2, d1: 0.5, d7: 0.5 },
    { date: '2026-03-02', cohort: 1, d1: 0, d7: 0 },
    { date: '2026-03-03', cohort: 1, d1: 0, d7: 0 },
    { date: '2026-03-04', cohort: 0, d1: 0, d7: 0 },
    { date: '2026-03-05', cohort: 0, d1: 0, d7: 0 },
    { date: '2026-03-06', cohort: 0, d1: 0, d7: 0 },
    { date: '2026-03-07', cohort: 1, d1: 1, d7: 0 },
  ],
  newMembers: zeroDays({ '2026-03-01': 2, '2026-03-07': 1 }),
  points: { issued: 300, spent: 610, refunded: 50, corrected: 20 },
  redemptions: {
    total: 6,
    byPack: [
      { packId: 'basic_annual_kit', title: '年度专属资料包', minTier: 'basic', count: 2 },
      { packId: 'adv_offline_salon', title: '线下沙龙席位', minTier: 'advanced', count: 1 },
      { packId: 'basic_health_pack', title: '健康福利包', minTier: 'basic', count: 1 },
      { packId: 'basic_points_coupon', title: '积分兑换优惠', minTier: 'basic', count: 1 },
      { packId: 'retired_pack', title: 'retired_pack', minTier: 'basic', count: 1 },
    ],
    byTier: { basic: 5, advanced: 1, core: 0 },
  },
  activeMembers: 4,
  activeFrom: '2026-02-06',
  coverage: [
    { tier: 'basic', members: 4, coverage: 100, target: 90 },
    { tier: 'advanced', members: 2, coverage: 50, target: 40 },
    { tier: 'core', members: 1, coverage: 25, target: 10 },
  ],
  penetration: [
    { tier: 'basic', activeMembers: 2, redeemers: 1, rate: 0.5 },
    { tier: 'advanced', activeMembers: 1, redeemers: 1, rate: 1 },
    { tier: 'core', activeMembers: 1, redeemers: 0, rate: 0 },
  ],
  invites: {
    cards: 2,
    binds: 2,
    activations: 2,
    rewards: 1,
    rejections: { NOT_NEW_MEMBER: 2, SELF_INVITE: 1 },
    activeMembersInRange: 3,
    kFactor: 0.6667,
  },
};
