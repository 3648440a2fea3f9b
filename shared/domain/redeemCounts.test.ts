import {
  RECENT_REDEEMS,
  countRedemption,
  pruneRedeemCounts,
  redeemCountKey,
  rememberRedeem,
  uncountRedemption,
  usedInPeriod,
} from './redeemCounts';

const weekly = { _id: 'weekly_pack', limitPeriod: 'week' as const };
const campaign = { _id: 'camp_pack', limitPeriod: 'campaign' as const };
const daily = { _id: 'daily_pack', limitPeriod: 'day' as const };
const PACKS = [weekly, campaign, daily];
// Wednesday 2030-06-05 10:00 Shanghai; the week is 2030-W23.
const WED = '2030-06-05T02:00:00.000Z';
const NEXT_MON = '2030-06-09T16:00:00.000Z'; // Monday 00:00 Shanghai

describe('redeem counts on the member', () => {
  it('keys a count by pack and Shanghai period', () => {
    expect(redeemCountKey(weekly, WED)).toBe('weekly_pack|2030-W23');
    expect(redeemCountKey(daily, '2030-06-05T15:59:59.000Z')).toBe('daily_pack|2030-06-05');
    expect(redeemCountKey(daily, '2030-06-05T16:00:00.000Z')).toBe('daily_pack|2030-06-06');
    expect(redeemCountKey(campaign, WED)).toBe('camp_pack|campaign');
  });

  it('counts per period: a new period starts at zero', () => {
    let counts = countRedemption({}, weekly, WED, PACKS);
    counts = countRedemption(counts, weekly, WED, PACKS);
    expect(usedInPeriod(counts, weekly, WED)).toBe(2);
    expect(usedInPeriod(counts, weekly, NEXT_MON)).toBe(0);
    expect(usedInPeriod(counts, campaign, WED)).toBe(0);
  });

  it('drops counts of periods that are over, keeps campaigns and packs it does not know', () => {
    const counts = {
      'weekly_pack|2030-W22': 1,
      'weekly_pack|2030-W23': 2,
      'camp_pack|campaign': 1,
      'gone_pack|2030-W01': 3,
      'daily_pack|2030-06-05': 0,
    };
    expect(pruneRedeemCounts(counts, PACKS, WED)).toEqual({ 'weekly_pack|2030-W23': 2, 'camp_pack|campaign': 1, 'gone_pack|2030-W01': 3 });
    expect(countRedemption(counts, daily, WED, PACKS)).toEqual({
      'weekly_pack|2030-W23': 2,
      'camp_pack|campaign': 1,
      'gone_pack|2030-W01': 3,
      'daily_pack|2030-06-05': 1,
    });
  });

  it('gives a cancelled redemption back to its count, never below zero', () => {
    expect(uncountRedemption({ 'weekly_pack|2030-W23': 2 }, 'weekly_pack|2030-W23')).toEqual({ 'weekly_pack|2030-W23': 1 });
    expect(uncountRedemption({ 'weekly_pack|2030-W23': 1 }, 'weekly_pack|2030-W23')).toEqual({});
    const none = {};
    expect(uncountRedemption(none, 'weekly_pack|2030-W22')).toBe(none);
  });

  it('remembers the last requestIds, newest last, without repeats', () => {
    let recent: string[] = [];
    for (let i = 0; i < RECENT_REDEEMS + 5; i++) recent = rememberRedeem(recent, `req-${i}`);
    expect(recent).toHaveLength(RECENT_REDEEMS);
    expect(recent[0]).toBe('req-5');
    expect(rememberRedeem(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
  });
});
