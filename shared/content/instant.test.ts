import { parseContentInstant } from './instant';
import { benefitPackSchema } from './benefitPacks';
import { pack } from './__fixtures__/raw';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('content date-times (Shanghai unless an offset is given)', () => {
  it('reads a day as its start, or as its end for an end field', () => {
    expect(iso(parseContentInstant('2026-12-25', 'start'))).toBe('2026-12-24T16:00:00.000Z');
    expect(iso(parseContentInstant('2027-01-03', 'end'))).toBe('2027-01-03T16:00:00.000Z');
  });

  it('reads wall-clock times as Shanghai and instants with their offset', () => {
    expect(iso(parseContentInstant('2026-12-25T11:30', 'start'))).toBe('2026-12-25T03:30:00.000Z');
    expect(iso(parseContentInstant('2026-12-25 11:30:15', 'end'))).toBe('2026-12-25T03:30:15.000Z');
    expect(iso(parseContentInstant('2026-12-25T03:30:00Z', 'start'))).toBe('2026-12-25T03:30:00.000Z');
    expect(iso(parseContentInstant('2026-12-25T11:30:00+08:00', 'start'))).toBe('2026-12-25T03:30:00.000Z');
  });

  it.each(['2026/12/25', '2026-02-30', '2026-12-25T24:00', '25 Dec 2026', '', '2026-12-25T11:30+0800'])('refuses %j', (text) => {
    expect(parseContentInstant(text, 'start')).toBeNull();
  });

  it('normalises pack windows to UTC ISO, accepting database Dates', () => {
    const p = benefitPackSchema.parse(pack('x', { startAt: new Date('2026-12-24T16:00:00.000Z'), endAt: '2027-01-03' }));
    expect([p.startAt, p.endAt]).toEqual(['2026-12-24T16:00:00.000Z', '2027-01-03T16:00:00.000Z']);
    const open = benefitPackSchema.parse(pack('y', { startAt: undefined, endAt: undefined }));
    expect([open.startAt, open.endAt]).toEqual([null, null]);
  });
});
