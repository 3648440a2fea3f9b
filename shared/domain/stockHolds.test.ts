import { HOLD_STALE_MS, VOID_KEPT_MS, holdFate, holdField, liveVoids, readHolds, type StockHold } from './stockHolds';

const NOW = Date.parse('2030-05-10T02:00:00Z');
const hold: StockHold = { t: 'tok1', at: NOW - 1000, o: 'oMember_000000000000000000001' };

describe('stock holds', () => {
  it('lives in the pack document under the redemption id', () => {
    expect(holdField('oA_req-0001')).toBe('holds.oA_req-0001');
  });

  it('reads holds defensively', () => {
    expect(readHolds(undefined).size).toBe(0);
    expect(readHolds([hold]).size).toBe(0);
    const holds = readHolds({ a: hold, b: { t: 1, at: NOW, o: 'x' }, c: null, d: { t: 'x', at: '1', o: 'y' } });
    expect([...holds]).toEqual([['a', hold]]);
  });

  it('releases a hold its redemption consumed, and gives back one no redemption consumed', () => {
    expect(holdFate(hold, { holdToken: 'tok1' }, NOW)).toBe('release');
    // The request's redemption took another unit (or none): this one goes back, whatever its age.
    expect(holdFate(hold, { holdToken: 'tok2' }, NOW)).toBe('giveBack');
    expect(holdFate(hold, { holdToken: null }, NOW)).toBe('giveBack');
    expect(holdFate(hold, {}, NOW)).toBe('giveBack');
  });

  it('waits for a running call, and voids a stale one before anything goes back', () => {
    expect(holdFate(hold, null, NOW)).toBe('wait');
    expect(holdFate(hold, null, hold.at + HOLD_STALE_MS - 1)).toBe('wait');
    expect(holdFate(hold, null, hold.at + HOLD_STALE_MS)).toBe('void');
  });

  it('forgets voids once no call could hold their token', () => {
    const voided = { old: new Date(NOW - VOID_KEPT_MS).toISOString(), fresh: new Date(NOW - 1000).toISOString() };
    expect(liveVoids(voided, NOW)).toEqual({ fresh: voided.fresh });
  });
});
