import type { SettingsDoc } from '../content/settings';
import { checkinReward, nextStreakMilestone, pointsForDailyCheckins } from './checkinReward';
import { SETTINGS } from './__fixtures__/program';

describe('checkinReward (base 10/10; +30/+20 every 7 days; +100/+80 every 30 days)', () => {
  it('pays the base on ordinary days', () => {
    for (const d of [1, 2, 6, 8, 13, 29]) expect(checkinReward(SETTINGS, d)).toEqual({ points: 10, growth: 10, bonus: null, boost: null });
  });

  it('adds the bonus on the day the streak reaches a milestone', () => {
    expect(checkinReward(SETTINGS, 7)).toEqual({ points: 40, growth: 30, bonus: { points: 30, growth: 20, milestones: [7] }, boost: null });
    expect(checkinReward(SETTINGS, 30)).toEqual({
      points: 110,
      growth: 90,
      bonus: { points: 100, growth: 80, milestones: [30] },
      boost: null,
    });
  });

  it('repeats on every multiple when repeat is set, and stacks bonuses hitting the same day', () => {
    expect(checkinReward(SETTINGS, 14).bonus?.milestones).toEqual([7]);
    expect(checkinReward(SETTINGS, 210)).toEqual({
      points: 140,
      growth: 110,
      bonus: { points: 130, growth: 100, milestones: [7, 30] },
      boost: null,
    });
  });

  it('pays a non-repeating bonus only once', () => {
    const once: SettingsDoc = {
      ...SETTINGS,
      checkin: { points: 5, growth: 1, streakBonuses: [{ days: 3, points: 9, growth: 0, repeat: false }] },
    };
    expect(checkinReward(once, 3).bonus?.points).toBe(9);
    expect(checkinReward(once, 6).bonus).toBeNull();
  });

  it('multiplies the whole reward (base + bonus) by a campaign boost, rounded, and says what the boost added', () => {
    const boost = { campaignId: 'thanks', title: '会员感恩季', pointsMultiplier: 2, growthMultiplier: 1.5 };
    expect(checkinReward(SETTINGS, 3, boost)).toEqual({
      points: 20,
      growth: 15,
      bonus: null,
      boost: { ...boost, points: 10, growth: 5 },
    });
    // Day 7: (10 + 30) × 2 = 80 points, (10 + 20) × 1.5 = 45 growth.
    expect(checkinReward(SETTINGS, 7, boost)).toMatchObject({ points: 80, growth: 45, boost: { points: 40, growth: 15 } });
    // 1.5 × 15 = 22.5 rounds half up.
    const odd: SettingsDoc = { ...SETTINGS, checkin: { points: 15, growth: 15, streakBonuses: [] } };
    expect(checkinReward(odd, 1, { ...boost, pointsMultiplier: 1.5 })).toMatchObject({ points: 23, growth: 23 });
  });

  it('earns 100 points in a first week of daily check-ins (a basic pack is within reach)', () => {
    expect(pointsForDailyCheckins(SETTINGS, 7)).toBe(100);
  });

  it('announces the next milestone', () => {
    expect(nextStreakMilestone(SETTINGS, 0)).toEqual({ days: 7, daysLeft: 7, points: 30, growth: 20 });
    expect(nextStreakMilestone(SETTINGS, 7)).toEqual({ days: 14, daysLeft: 7, points: 30, growth: 20 });
    expect(nextStreakMilestone(SETTINGS, 29)).toEqual({ days: 30, daysLeft: 1, points: 100, growth: 80 });
    const none: SettingsDoc = { ...SETTINGS, checkin: { points: 1, growth: 1, streakBonuses: [] } };
    expect(nextStreakMilestone(none, 3)).toBeNull();
  });
});
