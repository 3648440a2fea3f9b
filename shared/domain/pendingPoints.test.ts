import {
  addPending,
  cancelPending,
  duePending,
  isStillPending,
  nextReleaseDay,
  pendingTotal,
  releaseDayFor,
  releaseInstant,
} from './pendingPoints';

const sh = (wall: string) => Date.parse(`${wall}+08:00`);

describe('pending purchase points', () => {
  it('are released at the end of the holdDays-th day after the day paid (Shanghai)', () => {
    const now = sh('2026-11-23T23:30:00');
    expect(releaseDayFor('2026-11-23T23:30:00+08:00', 7, now)).toBe('2026-12-01');
    // 23:30 Shanghai is 15:30 UTC: the Shanghai day counts, whatever zone the till reports in.
    expect(releaseDayFor('2026-11-23T15:30:00Z', 7, now)).toBe('2026-12-01');
    expect(releaseDayFor('2026-11-23T16:30:00Z', 7, now)).toBe('2026-12-02');
    expect(releaseInstant('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
  });

  it('are spendable at once without a hold, or when the report arrives after the hold', () => {
    expect(releaseDayFor('2026-11-23T10:00:00+08:00', 0, sh('2026-11-23T10:00:00'))).toBeNull();
    expect(releaseDayFor('2026-11-01T10:00:00+08:00', 7, sh('2026-11-09T00:00:00'))).toBeNull();
    expect(releaseDayFor('2026-11-01T10:00:00+08:00', 7, sh('2026-11-08T23:59:59'))).toBe('2026-11-09');
  });

  it('are kept by release day, released whole days at a time, and cancelled by an order’s share', () => {
    let pending = addPending({}, '2026-12-01', 100);
    pending = addPending(pending, '2026-12-01', 50);
    pending = addPending(pending, '2026-12-03', 30);
    expect(pendingTotal(pending)).toBe(180);
    expect(nextReleaseDay(pending)).toBe('2026-12-01');
    expect(duePending(pending, '2026-11-30')).toEqual({ points: 0, days: [], rest: pending });
    expect(duePending(pending, '2026-12-02')).toEqual({ points: 150, days: ['2026-12-01'], rest: { '2026-12-03': 30 } });
    expect(cancelPending(pending, '2026-12-01', 50)).toEqual({ '2026-12-01': 100, '2026-12-03': 30 });
    expect(cancelPending(pending, '2026-12-03', 30)).toEqual({ '2026-12-01': 150 });
    expect(isStillPending(pending, '2026-12-03')).toBe(true);
    expect(isStillPending(pending, '2026-12-05')).toBe(false);
    expect(isStillPending(pending, null)).toBe(false);
  });
});
