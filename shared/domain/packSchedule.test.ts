import fc from 'fast-check';
import { atMinute } from '../time/shanghai';
import { dateWindowText, isOpenAt, nextOpening, scheduleText } from './packSchedule';
import { LUNCH, pack } from './__fixtures__/program';

/** ISO of a Shanghai wall-clock time. */
const sh = (day: string, hhmm: string) => new Date(atMinute(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)))).toISOString();

// 2026-11-23 is a Monday; 2026-11-27 a Friday; 2026-11-28 a Saturday.
describe('isOpenAt / nextOpening — weekday lunch pack 11:30–13:30', () => {
  it('is open inside the hours on a weekday, closed at 13:30 and on weekends', () => {
    expect(isOpenAt(LUNCH, sh('2026-11-23', '11:30'))).toBe(true);
    expect(isOpenAt(LUNCH, sh('2026-11-23', '13:29'))).toBe(true);
    expect(isOpenAt(LUNCH, sh('2026-11-23', '13:30'))).toBe(false);
    expect(isOpenAt(LUNCH, sh('2026-11-28', '12:00'))).toBe(false);
  });

  it('opens later today, next weekday, or now', () => {
    expect(nextOpening(LUNCH, sh('2026-11-23', '09:00'))).toBe(sh('2026-11-23', '11:30'));
    expect(nextOpening(LUNCH, sh('2026-11-23', '12:00'))).toBe(sh('2026-11-23', '12:00'));
    expect(nextOpening(LUNCH, sh('2026-11-23', '14:00'))).toBe(sh('2026-11-24', '11:30'));
    expect(nextOpening(LUNCH, sh('2026-11-27', '14:00'))).toBe(sh('2026-11-30', '11:30'));
  });

  it('respects the date window: not before startAt, never after endAt', () => {
    const p = pack({ ...LUNCH, startAt: '2026-11-25', endAt: '2026-11-26', schedule: LUNCH.schedule });
    expect(nextOpening(p, sh('2026-11-23', '12:00'))).toBe(sh('2026-11-25', '11:30'));
    expect(nextOpening(p, sh('2026-11-26', '14:00'))).toBeNull();
    expect(nextOpening(p, sh('2026-11-27', '00:00'))).toBeNull();
    const endsMidLunch = pack({ endAt: '2026-11-23T12:00', schedule: LUNCH.schedule });
    expect(nextOpening(endsMidLunch, sh('2026-11-23', '12:30'))).toBeNull();
  });

  it('with no schedule, is open throughout the window', () => {
    const holiday = pack({ scene: 'holiday', startAt: '2026-12-25', endAt: '2027-01-03' });
    expect(isOpenAt(holiday, sh('2026-12-24', '23:59'))).toBe(false);
    expect(isOpenAt(holiday, sh('2026-12-25', '00:00'))).toBe(true);
    expect(isOpenAt(holiday, sh('2027-01-03', '23:59'))).toBe(true);
    expect(isOpenAt(holiday, sh('2027-01-04', '00:00'))).toBe(false);
    expect(nextOpening(holiday, sh('2026-12-01', '10:00'))).toBe(sh('2026-12-25', '00:00'));
  });

  it('finds an opening that really is open, and nothing open before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 24 * 60 }), (minute) => {
        const now = atMinute('2026-11-23', minute);
        const next = nextOpening(LUNCH, now);
        expect(next).not.toBeNull();
        const at = Date.parse(next as string);
        expect(at).toBeGreaterThanOrEqual(now);
        expect(isOpenAt(LUNCH, at)).toBe(true);
        for (let t = now; t < at; t += 15 * 60_000) expect(isOpenAt(LUNCH, t)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('scheduleText', () => {
  it('words schedules the way members read them', () => {
    expect(scheduleText(LUNCH.schedule)).toBe('工作日 11:30–13:30');
    expect(scheduleText({ weekdays: [6, 0] })).toBe('周六、周日');
    expect(scheduleText({ weekdays: [0, 1, 2, 3, 4, 5, 6], hours: [{ from: '19:00', to: '21:00' }] })).toBe('每天 19:00–21:00');
    expect(
      scheduleText({
        hours: [
          { from: '18:00', to: '20:00' },
          { from: '08:00', to: '09:30' },
        ],
      }),
    ).toBe('每天 08:00–09:30、18:00–20:00');
    expect(scheduleText({ weekdays: [2, 3, 4] })).toBe('周二至周四');
    expect(scheduleText({ weekdays: [5, 6, 0] })).toBe('周五至周日');
    expect(scheduleText({ weekdays: [1, 3, 5] })).toBe('周一、周三、周五');
    expect(scheduleText(null)).toBe('');
  });
});

describe('dateWindowText', () => {
  it('shows the first and last open day, with years when they differ', () => {
    expect(dateWindowText(pack({ startAt: '2026-12-25', endAt: '2027-01-03' }))).toBe('2026年12月25日–2027年1月3日');
    expect(dateWindowText(pack({ startAt: '2027-02-06', endAt: '2027-02-20' }))).toBe('2月6日–2月20日');
    expect(dateWindowText(pack({ endAt: '2026-12-31' }))).toBe('12月31日截止');
    expect(dateWindowText(pack({ startAt: '2026-12-01' }))).toBe('12月1日起');
    expect(dateWindowText(pack())).toBe('');
  });
});
