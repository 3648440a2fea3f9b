import fc from 'fast-check';
import { TIER_IDS, tierRank } from '../content/ids';
import { atMinute } from '../time/shanghai';
import { isPackListed, packEligibility, type EligibilityContext } from './packEligibility';
import { isOpenAt } from './packSchedule';
import { LUNCH, pack } from './__fixtures__/program';

const MON_NOON = atMinute('2026-11-23', 12 * 60);
const MON_NINE = atMinute('2026-11-23', 9 * 60);
const ok: EligibilityContext = {
  memberTier: 'advanced',
  points: 500,
  now: MON_NOON,
  usedInPeriod: 0,
  stockLeft: 10,
  achievements: { badgeIds: [], nodeIds: [], birthdayMonth: null },
};

describe('packEligibility — what a member did (requires)', () => {
  const mentor = pack({ requires: { nodeId: 'learning_3' } });
  const badged = pack({ requires: { badgeId: 'streak_7' } });
  const birthday = pack({ requires: { birthdayMonth: true } });

  it('NODE_REQUIRED and BADGE_REQUIRED name what is missing; having it opens the pack', () => {
    expect(packEligibility(mentor, ok)).toEqual({ eligible: false, reason: 'NODE_REQUIRED', detail: { nodeId: 'learning_3' } });
    expect(packEligibility(mentor, { ...ok, achievements: { ...ok.achievements, nodeIds: ['learning_3'] } })).toEqual({ eligible: true });
    expect(packEligibility(badged, ok)).toEqual({ eligible: false, reason: 'BADGE_REQUIRED', detail: { badgeId: 'streak_7' } });
    expect(packEligibility(badged, { ...ok, achievements: { ...ok.achievements, badgeIds: ['streak_7'] } })).toEqual({ eligible: true });
  });

  it('NOT_BIRTHDAY_MONTH says whether a birthday is set at all', () => {
    expect(packEligibility(birthday, ok)).toEqual({ eligible: false, reason: 'NOT_BIRTHDAY_MONTH', detail: { birthdaySet: false } });
    const outside = { ...ok, achievements: { ...ok.achievements, birthdayMonth: false } };
    expect(packEligibility(birthday, outside)).toEqual({ eligible: false, reason: 'NOT_BIRTHDAY_MONTH', detail: { birthdaySet: true } });
    expect(packEligibility(birthday, { ...ok, achievements: { ...ok.achievements, birthdayMonth: true } })).toEqual({ eligible: true });
  });

  it('comes after the tier and before stock, limits, hours and points', () => {
    expect(packEligibility(pack({ minTier: 'core', requires: { nodeId: 'x' } }), ok)).toMatchObject({ reason: 'TIER_TOO_LOW' });
    const worst = { ...ok, stockLeft: 0, usedInPeriod: 5, points: 0 };
    expect(packEligibility(mentor, worst)).toMatchObject({ reason: 'NODE_REQUIRED' });
  });
});

describe('packEligibility — each reason', () => {
  it('is eligible when everything holds', () => {
    expect(packEligibility(LUNCH, ok)).toEqual({ eligible: true });
  });

  it('TIER_TOO_LOW names the tier it takes', () => {
    expect(packEligibility(pack({ minTier: 'core' }), ok)).toEqual({
      eligible: false,
      reason: 'TIER_TOO_LOW',
      detail: { requiredTier: 'core' },
    });
  });

  it('INSUFFICIENT_POINTS says how many are missing', () => {
    expect(packEligibility(LUNCH, { ...ok, points: 45 })).toEqual({
      eligible: false,
      reason: 'INSUFFICIENT_POINTS',
      detail: { missingPoints: 15 },
    });
  });

  it('OUT_OF_STOCK when none is left; unlimited stock never runs out', () => {
    expect(packEligibility(LUNCH, { ...ok, stockLeft: 0 })).toMatchObject({ reason: 'OUT_OF_STOCK' });
    expect(packEligibility(pack({ stock: null }), { ...ok, stockLeft: null })).toEqual({ eligible: true });
  });

  it('LIMIT_REACHED tells when the period resets', () => {
    expect(packEligibility(LUNCH, { ...ok, usedInPeriod: 1 })).toEqual({
      eligible: false,
      reason: 'LIMIT_REACHED',
      detail: { limit: 1, period: 'day', resetsAt: new Date(atMinute('2026-11-24', 0)).toISOString() },
    });
  });

  it('NOT_AVAILABLE_NOW tells when it opens', () => {
    expect(packEligibility(LUNCH, { ...ok, now: MON_NINE })).toEqual({
      eligible: false,
      reason: 'NOT_AVAILABLE_NOW',
      detail: { opensAt: new Date(atMinute('2026-11-23', 11 * 60 + 30)).toISOString() },
    });
  });

  it('NOT_AVAILABLE_NOW tells when a campaign ended, and for a pack taken off the shelf', () => {
    const ended = pack({ startAt: '2026-11-01', endAt: '2026-11-20' });
    expect(packEligibility(ended, ok)).toEqual({
      eligible: false,
      reason: 'NOT_AVAILABLE_NOW',
      detail: { opensAt: null, endedAt: new Date(atMinute('2026-11-21', 0)).toISOString() },
    });
    expect(packEligibility(pack({ active: false }), ok)).toEqual({
      eligible: false,
      reason: 'NOT_AVAILABLE_NOW',
      detail: { opensAt: null },
    });
  });
});

describe('packEligibility — precedence: ended > tier > stock > limit > hours > points', () => {
  it('says "ended" before anything else', () => {
    const ended = pack({ minTier: 'core', endAt: '2026-11-20' });
    expect(packEligibility(ended, { ...ok, memberTier: 'basic', points: 0, stockLeft: 0 })).toMatchObject({
      reason: 'NOT_AVAILABLE_NOW',
      detail: { endedAt: expect.any(String) },
    });
  });

  it('says tier before stock, stock before limit, limit before hours, hours before points', () => {
    const core = pack({ ...LUNCH, minTier: 'core', schedule: LUNCH.schedule });
    expect(packEligibility(core, { ...ok, stockLeft: 0, points: 0 })).toMatchObject({ reason: 'TIER_TOO_LOW' });
    expect(packEligibility(LUNCH, { ...ok, stockLeft: 0, usedInPeriod: 1, now: MON_NINE })).toMatchObject({ reason: 'OUT_OF_STOCK' });
    expect(packEligibility(LUNCH, { ...ok, usedInPeriod: 1, now: MON_NINE, points: 0 })).toMatchObject({ reason: 'LIMIT_REACHED' });
    expect(packEligibility(LUNCH, { ...ok, now: MON_NINE, points: 0 })).toMatchObject({ reason: 'NOT_AVAILABLE_NOW' });
  });

  it('reports exactly the first failing condition, for any context', () => {
    const ctx = fc.record({
      memberTier: fc.constantFrom(...TIER_IDS),
      points: fc.integer({ min: 0, max: 200 }),
      now: fc.integer({ min: 0, max: 7 * 24 * 60 }).map((m) => atMinute('2026-11-23', m)),
      usedInPeriod: fc.integer({ min: 0, max: 2 }),
      stockLeft: fc.option(fc.integer({ min: 0, max: 2 })),
    });
    const p = pack({ ...LUNCH, minTier: 'advanced', cost: 100, perMemberLimit: 2, schedule: LUNCH.schedule });
    fc.assert(
      fc.property(ctx, (c) => {
        const checks: Array<[string, boolean]> = [
          ['TIER_TOO_LOW', tierRank(c.memberTier) < tierRank(p.minTier)],
          ['OUT_OF_STOCK', c.stockLeft !== null && c.stockLeft <= 0],
          ['LIMIT_REACHED', c.usedInPeriod >= p.perMemberLimit],
          ['NOT_AVAILABLE_NOW', !isOpenAt(p, c.now)],
          ['INSUFFICIENT_POINTS', c.points < p.cost],
        ];
        const first = checks.find(([, failed]) => failed);
        const r = packEligibility(p, { ...c, achievements: ok.achievements });
        if (first) expect(r).toMatchObject({ eligible: false, reason: first[0] });
        else expect(r).toEqual({ eligible: true });
      }),
    );
  });
});

describe('isPackListed', () => {
  it('lists active packs that are not over, including upcoming ones', () => {
    expect(isPackListed(pack({ startAt: '2026-12-25', endAt: '2027-01-03' }), MON_NOON)).toBe(true);
    expect(isPackListed(pack({ endAt: '2026-11-20' }), MON_NOON)).toBe(false);
    expect(isPackListed(pack({ active: false }), MON_NOON)).toBe(false);
  });
});
