import fc from 'fast-check';
import {
  clearedCredit,
  comesBack,
  grantCredit,
  KEPT_REQUESTS,
  MAX_CREDITS,
  NO_CREDIT,
  readCredit,
  sendOutcome,
  spendCredit,
} from './reminderCredits';

describe('consent credits', () => {
  it('grants one credit per requestId, a retry grants nothing', () => {
    const first = grantCredit(null, 'req-1', null);
    expect(first).toEqual({ credit: { count: 1, campaigns: [], requests: ['req-1'] }, granted: true });
    expect(grantCredit(first.credit, 'req-1', null)).toEqual({ credit: first.credit, granted: false });
    expect(grantCredit(first.credit, 'req-2', null).credit.count).toBe(2);
  });

  it('remembers the campaign a start reminder was asked for, and spending answers it', () => {
    const { credit } = grantCredit(null, 'req-1', 'thanks_season_2026');
    expect(credit.campaigns).toEqual(['thanks_season_2026']);
    expect(spendCredit(credit, 'thanks_season_2026')).toEqual({ count: 0, campaigns: [], requests: ['req-1'] });
  });

  it('never goes above the cap or below zero, whatever the taps', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('spend'), fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 80 }), (steps) => {
        let c = NO_CREDIT;
        for (const s of steps) c = s === 'spend' ? spendCredit(c, null) : grantCredit(c, s, null).credit;
        expect(c.count).toBeGreaterThanOrEqual(0);
        expect(c.count).toBeLessThanOrEqual(MAX_CREDITS);
        expect(c.requests.length).toBeLessThanOrEqual(KEPT_REQUESTS);
      }),
    );
  });

  it('clears every credit on withdrawal but keeps the requests (a late retry grants nothing)', () => {
    const { credit } = grantCredit(grantCredit(null, 'a', 'c1').credit, 'b', null);
    const cleared = clearedCredit(credit);
    expect(cleared).toEqual({ count: 0, campaigns: [], requests: ['a', 'b'] });
    expect(grantCredit(cleared, 'a', null).granted).toBe(false);
  });

  it('reads a hand-edited document as no credit rather than a wrong one', () => {
    expect(readCredit(null)).toEqual(NO_CREDIT);
    expect(readCredit({ count: '3' }).count).toBe(0);
    expect(readCredit({ count: 1.5 }).count).toBe(0);
    expect(readCredit({ count: 999, requests: ['x', 3] })).toEqual({ count: MAX_CREDITS, campaigns: [], requests: ['x'] });
  });
});

describe("WeChat's answer", () => {
  it('43101 is a refusal, other errors a failure to retry', () => {
    expect(sendOutcome(0)).toBe('sent');
    expect(sendOutcome(43101)).toBe('refused');
    expect(sendOutcome(-1)).toBe('failed');
    expect(sendOutcome(40001)).toBe('failed');
  });

  it('counts a call within 24 h of a message as coming back', () => {
    const at = '2026-11-30T12:00:00.000Z';
    const t = Date.parse(at);
    expect(comesBack(at, t + 3_600_000)).toBe(true);
    expect(comesBack(at, t + 24 * 3_600_000)).toBe(false);
    expect(comesBack(at, t - 1)).toBe(false);
    expect(comesBack(null, t)).toBe(false);
  });
});
