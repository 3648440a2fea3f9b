import { dayOf, toIso, toMs } from '../time/shanghai';

describe('instants', () => {
  it('reads numbers, Dates and ISO strings with an offset', () => {
    const ms = Date.UTC(2026, 10, 23, 4);
    expect(toMs(ms)).toBe(ms);
    expect(toMs(new Date(ms))).toBe(ms);
    expect(toMs('2026-11-23T04:00:00Z')).toBe(ms);
    expect(toMs('2026-11-23T12:00:00+08:00')).toBe(ms);
    expect(toIso('2026-11-23T12:00:00+08:00')).toBe('2026-11-23T04:00:00.000Z');
  });

  it('reads a bare day as Shanghai midnight and refuses local date-times', () => {
    expect(toIso('2026-11-23')).toBe('2026-11-22T16:00:00.000Z');
    expect(() => toMs('2026-11-23T12:00:00')).toThrow(/offset/);
    expect(() => toMs('yesterday')).toThrow();
  });

  it('gives the Shanghai day, keeping a day string as is whatever the server TZ', () => {
    expect(dayOf('2026-12-23')).toBe('2026-12-23');
    expect(dayOf('2026-11-23T15:59:59Z')).toBe('2026-11-23');
    expect(dayOf('2026-11-23T16:00:00Z')).toBe('2026-11-24');
    expect(dayOf(Date.UTC(2026, 11, 31, 16))).toBe('2027-01-01');
  });
});
