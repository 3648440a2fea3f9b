import { checkInWindow, eventPhase, isCheckInOpen } from './offlineEvents';

const sh = (wall: string) => Date.parse(`${wall}+08:00`);
const event = { startAt: '2026-12-05T06:00:00.000Z', endAt: '2026-12-05T08:00:00.000Z', active: true }; // 14:00–16:00 Shanghai

describe('offline event check-in', () => {
  it('is open while the event runs, give or take the grace', () => {
    expect(isCheckInOpen(event, sh('2026-12-05T13:29:59'), 30)).toBe(false);
    expect(isCheckInOpen(event, sh('2026-12-05T13:30:00'), 30)).toBe(true);
    expect(isCheckInOpen(event, sh('2026-12-05T16:29:59'), 30)).toBe(true);
    expect(isCheckInOpen(event, sh('2026-12-05T16:30:00'), 30)).toBe(false);
    expect(isCheckInOpen(event, sh('2026-12-05T13:59:00'), 0)).toBe(false);
    expect(isCheckInOpen({ ...event, active: false }, sh('2026-12-05T15:00:00'), 30)).toBe(false);
    expect(checkInWindow(event, 30)).toEqual({ opensAt: sh('2026-12-05T13:30:00'), closesAt: sh('2026-12-05T16:30:00') });
  });

  it('tells members whether an event is upcoming, running or over', () => {
    expect(eventPhase(event, sh('2026-12-05T13:59:00'))).toBe('upcoming');
    expect(eventPhase(event, sh('2026-12-05T14:00:00'))).toBe('running');
    expect(eventPhase(event, sh('2026-12-05T16:00:00'))).toBe('ended');
  });
});
