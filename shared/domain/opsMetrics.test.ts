import {
  activeWindowStart,
  coverageFromTierCounts,
  dayStartBoundaries,
  daysBetween,
  fillDaily,
  inviteRewardCount,
  kFactor,
  kocCandidates,
  packSummaries,
  penetrationByTier,
  pointsSummary,
  purchaseSummary,
  rate,
  redemptionSummary,
  rejectionsByReason,
  retentionByDay,
  suggestThreshold,
} from './opsMetrics';
import { tierCoverage } from './tierCoverage';
import { SETTINGS, TIERS } from './__fixtures__/program';

const TARGETS = { basic: 90, advanced: 40, core: 10 };

describe('days of a range', () => {
  it('lists every day, both ends included, across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
  });

  it('puts the active window at the 30 days ending on `to`', () => {
    expect(activeWindowStart('2026-03-30')).toBe('2026-03-01');
  });

  it('bounds each Shanghai day by UTC instants 8 hours earlier, plus the next midnight', () => {
    expect(dayStartBoundaries(['2026-01-01', '2026-01-02'])).toEqual([
      '2025-12-31T16:00:00.000Z',
      '2026-01-01T16:00:00.000Z',
      '2026-01-02T16:00:00.000Z',
    ]);
    expect(dayStartBoundaries([])).toEqual([]);
  });

  it('fills the days the database had nothing for with 0', () => {
    expect(fillDaily(['2026-01-01', '2026-01-02', '2026-01-03'], [{ date: '2026-01-02', count: 4 }])).toEqual([
      { date: '2026-01-01', count: 0 },
      { date: '2026-01-02', count: 4 },
      { date: '2026-01-03', count: 0 },
    ]);
  });
});

describe('rate', () => {
  it('is a share rounded to 4 decimals, 0 for an empty whole', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(5, 0)).toBe(0);
  });
});

describe('retentionByDay', () => {
  const days = daysBetween('2026-01-01', '2026-01-03');

  it('gives D1/D7 shares of each cohort and null while the return day is not over', () => {
    const rows = [
      { dayIndex: 0, cohort: 4, back1: 3, back7: 1 },
      { dayIndex: 2, cohort: 2, back1: 1, back7: 0 },
    ];
    // Today is 01-09: d+1 of every day is over; d+7 of 01-01 (01-08) is over, of 01-02 (01-09) is today.
    expect(retentionByDay(days, rows, '2026-01-09')).toEqual([
      { date: '2026-01-01', cohort: 4, d1: 0.75, d7: 0.25 },
      { date: '2026-01-02', cohort: 0, d1: 0, d7: null },
      { date: '2026-01-03', cohort: 2, d1: 0.5, d7: null },
    ]);
  });

  it('has no D1 for yesterday when today is still running', () => {
    const r = retentionByDay(['2026-01-03'], [{ dayIndex: 0, cohort: 2, back1: 1, back7: 0 }], '2026-01-04');
    expect(r[0].d1).toBeNull();
  });
});

describe('coverage and penetration from tier counts', () => {
  const rows = [
    { tier: 'basic', members: 5, redeemers: 2 },
    { tier: 'advanced', members: 3, redeemers: 3 },
    { tier: 'core', members: 2, redeemers: 0 },
  ];

  it('counts each layer with everyone above it', () => {
    expect(coverageFromTierCounts(rows, TARGETS)).toEqual([
      { tier: 'basic', members: 10, coverage: 100, target: 90 },
      { tier: 'advanced', members: 5, coverage: 50, target: 40 },
      { tier: 'core', members: 2, coverage: 20, target: 10 },
    ]);
  });

  it('agrees with tierCoverage computed member by member', () => {
    const growths = [0, 10, 299, 300, 301, 1499, 1500, 5000, 20, 700];
    const counts = { basic: 0, advanced: 0, core: 0 };
    for (const g of growths) counts[g >= 1500 ? 'core' : g >= 300 ? 'advanced' : 'basic']++;
    const aggregated = Object.entries(counts).map(([tier, members]) => ({ tier, members, redeemers: 0 }));
    expect(coverageFromTierCounts(aggregated, SETTINGS.tier.coverageTargets)).toEqual(
      tierCoverage(TIERS, growths, SETTINGS.tier.coverageTargets),
    );
  });

  it('is 0 everywhere without active members, and counts a broken tier as basic', () => {
    expect(coverageFromTierCounts([], TARGETS).map((c) => c.coverage)).toEqual([0, 0, 0]);
    expect(coverageFromTierCounts([{ tier: 'gold', members: 2, redeemers: 1 }], TARGETS)[0].members).toBe(2);
  });

  it('gives each tier the share of its active members who redeemed one of its packs', () => {
    expect(penetrationByTier(rows)).toEqual([
      { tier: 'basic', activeMembers: 5, redeemers: 2, rate: 0.4 },
      { tier: 'advanced', activeMembers: 3, redeemers: 3, rate: 1 },
      { tier: 'core', activeMembers: 2, redeemers: 0, rate: 0 },
    ]);
  });
});

describe('points and invites', () => {
  const kinds = [
    { kind: 'checkin', credited: 700, debited: 0, entries: 60 },
    { kind: 'invite_reward', credited: 100, debited: 0, entries: 2 },
    { kind: 'team_reward', credited: 120, debited: 0, entries: 2 },
    { kind: 'ops_adjust', credited: 50, debited: -20, entries: 2 },
    { kind: 'redeem', credited: 0, debited: -380, entries: 5 },
    { kind: 'redeem_refund', credited: 80, debited: 0, entries: 1 },
  ];

  it('splits the ledger into issued (team rewards included), spent, refunded and corrected', () => {
    expect(pointsSummary(kinds)).toEqual({ issued: 970, spent: 380, refunded: 80, corrected: 20, expired: 0 });
    expect(pointsSummary([])).toEqual({ issued: 0, spent: 0, refunded: 0, corrected: 0, expired: 0 });
  });

  it('counts purchases, their releases and events as issued, and expiry apart', () => {
    const more = [
      ...kinds,
      { kind: 'purchase', credited: 30, debited: 0, entries: 3 },
      { kind: 'purchase_release', credited: 200, debited: 0, entries: 2 },
      { kind: 'event_reward', credited: 50, debited: 0, entries: 1 },
      { kind: 'purchase_refund', credited: 0, debited: -40, entries: 1 },
      { kind: 'expire', credited: 0, debited: -70, entries: 2 },
    ];
    expect(pointsSummary(more)).toEqual({ issued: 1250, spent: 380, refunded: 80, corrected: 20, expired: 70 });
  });

  it('shows purchase points issued, pending and reversed', () => {
    expect(
      purchaseSummary({
        orders: { count: 4, amount: 52_000, points: 520 },
        refunds: { count: 1, amount: 10_000, points: 100, debt: 30 },
        pending: 300,
      }),
    ).toEqual({
      orders: 4,
      amount: 52_000,
      pointsIssued: 520,
      pointsPending: 300,
      refunds: 1,
      refundedAmount: 10_000,
      pointsReversed: 100,
      pointsDebt: 30,
    });
  });

  it('counts one reward per invite_reward entry', () => {
    expect(inviteRewardCount(kinds)).toBe(2);
  });

  it('K-factor is activations per active member', () => {
    expect(kFactor(3, 40)).toBe(0.075);
    expect(kFactor(3, 0)).toBe(0);
  });

  it('lists rejection reasons most frequent first', () => {
    const r = rejectionsByReason([
      { reason: 'SELF_INVITE', count: 1 },
      { reason: 'NOT_NEW_MEMBER', count: 4 },
      { reason: null, count: 2 },
    ]);
    expect(r).toEqual({ NOT_NEW_MEMBER: 4, UNKNOWN: 2, SELF_INVITE: 1 });
    expect(Object.keys(r)).toEqual(['NOT_NEW_MEMBER', 'UNKNOWN', 'SELF_INVITE']);
  });
});

describe('redemptions per pack and per tier', () => {
  const packs = packSummaries([
    { _id: 'kit', title: '年度专属资料包', minTier: 'basic' },
    { _id: 'lab', title: '产品共创实验室名额', minTier: 'advanced' },
    { _id: 'box', minTier: 'core' },
    { _id: 'typo', title: '坏文档', minTier: 'gold' },
    { title: '没有 _id' },
    'not a document',
  ]);

  it('keeps what it can of broken pack documents', () => {
    expect(packs).toEqual([
      { _id: 'kit', title: '年度专属资料包', minTier: 'basic' },
      { _id: 'lab', title: '产品共创实验室名额', minTier: 'advanced' },
      { _id: 'box', title: 'box', minTier: 'core' },
      { _id: 'typo', title: '坏文档', minTier: 'basic' },
    ]);
  });

  it('orders packs by count and sums tiers by the pack tier', () => {
    const s = redemptionSummary(
      [
        { packId: 'kit', count: 3 },
        { packId: 'lab', count: 5 },
        { packId: 'box', count: 1 },
        { packId: 'gone', count: 2 },
        { packId: 'zero', count: 0 },
      ],
      packs,
    );
    expect(s.total).toBe(11);
    expect(s.byPack.map((p) => [p.packId, p.count, p.minTier])).toEqual([
      ['lab', 5, 'advanced'],
      ['kit', 3, 'basic'],
      ['gone', 2, 'basic'],
      ['box', 1, 'core'],
    ]);
    expect(s.byPack.find((p) => p.packId === 'gone')?.title).toBe('gone');
    expect(s.byTier).toEqual({ basic: 5, advanced: 5, core: 1 });
  });
});

describe('suggestThreshold', () => {
  const growths = [0, 50, 100, 150, 200, 250, 300, 350, 400, 1234];

  it('puts the target share of members at or above it', () => {
    expect(suggestThreshold(growths, 40)).toBe(300);
    expect(suggestThreshold(growths, 10)).toBe(1230);
    expect(growths.filter((g) => g >= 300).length / growths.length).toBe(0.4);
  });

  it('never suggests 0 and has nothing to say without a sample', () => {
    expect(suggestThreshold([0, 0, 0], 40)).toBe(10);
    expect(suggestThreshold([], 40)).toBeNull();
    expect(suggestThreshold(growths, 0)).toBeNull();
  });
});

describe('KOC candidates', () => {
  const member = (openid: string, invitesActivated: number, tier = 'basic') => ({
    openid,
    nickname: `会员${openid}`,
    tier,
    invitesActivated,
  });

  it('lists members with activated invites, most first, then the higher activation rate', () => {
    const list = kocCandidates(
      [member('a', 2, 'advanced'), member('b', 2), member('c', 0), member('d', 5, 'gold')],
      [
        { inviter: 'a', invited: 8, activated: 2 },
        { inviter: 'b', invited: 2, activated: 2 },
        { inviter: 'd', invited: 10, activated: 5 },
      ],
    );
    expect(list.map((k) => [k.openid, k.activated, k.invited, k.activationRate, k.tier])).toEqual([
      ['d', 5, 10, 0.5, 'basic'],
      ['b', 2, 2, 1, 'basic'],
      ['a', 2, 8, 0.25, 'advanced'],
    ]);
  });

  it('keeps the member counter when invitees deleted their accounts (their invites are gone)', () => {
    expect(kocCandidates([member('a', 3)], [{ inviter: 'a', invited: 1, activated: 1 }])[0]).toMatchObject({
      invited: 3,
      activated: 3,
      activationRate: 1,
    });
  });
});
