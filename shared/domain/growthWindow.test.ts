import { addMonthsToDay, countsOn, entryDay, leavesWindowOn, windowGrowth } from './growthWindow';

describe('growth window (12 months, Shanghai days)', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(addMonthsToDay('2025-11-23', 12)).toBe('2026-11-23');
    expect(addMonthsToDay('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsToDay('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('counts growth from the day earned until the same date 12 months later', () => {
    expect(leavesWindowOn('2025-11-23', 12)).toBe('2026-11-23');
    expect(countsOn('2025-11-23', '2026-11-22', 12)).toBe(true);
    expect(countsOn('2025-11-23', '2026-11-23', 12)).toBe(false);
    expect(countsOn('2026-11-24', '2026-11-23', 12)).toBe(false); // not earned yet
  });

  it('dates an entry by its Shanghai day, and accepts daily aggregates', () => {
    expect(entryDay({ createdAt: '2025-11-23T16:30:00.000Z', growth: 1 })).toBe('2025-11-24');
    expect(entryDay({ createdAt: '2025-11-24', growth: 1 })).toBe('2025-11-24');
  });

  it('sums the window, ops grants and corrections alike, never below 0', () => {
    const entries = [
      { createdAt: '2025-11-22T02:00:00.000Z', growth: 500 }, // out of the window on 2026-11-23
      { createdAt: '2026-01-10T02:00:00.000Z', growth: 200 }, // check-ins
      { createdAt: '2026-06-01T02:00:00.000Z', growth: 120 }, // ops_adjust grant (a purchase)
      { createdAt: '2026-07-01T02:00:00.000Z', growth: -20 }, // ops_adjust correction
    ];
    expect(windowGrowth(entries, '2026-11-23T04:00:00.000Z', 12)).toBe(300);
    expect(windowGrowth(entries, '2026-11-21T04:00:00.000Z', 12)).toBe(800);
    expect(windowGrowth([{ createdAt: '2026-07-01', growth: -20 }], '2026-11-23T04:00:00.000Z', 12)).toBe(0);
  });

  it('moves at Shanghai midnight, not the server’s', () => {
    const entries = [{ createdAt: '2025-11-23T01:00:00.000Z', growth: 100 }]; // 09:00 Shanghai, 23 Nov
    expect(windowGrowth(entries, '2026-11-22T15:59:59.000Z', 12)).toBe(100); // 23:59:59 on the 22nd
    expect(windowGrowth(entries, '2026-11-22T16:00:00.000Z', 12)).toBe(0); // 00:00 on the 23rd
  });
});
