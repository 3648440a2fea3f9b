import fc from 'fast-check';
import { BADGE_METRICS } from '../content/ids';
import {
  badgeProgress,
  badgeRemainingText,
  memberBadgeMetrics,
  newlyEarnedBadges,
  remainingText,
  withGrantedBadge,
  type BadgeMetrics,
} from './badges';
import { badge } from './__fixtures__/program';
import { normalizeMember } from './member';

const zero: BadgeMetrics = {
  streak: 0,
  checkinDays: 0,
  invitesActivated: 0,
  redemptions: 0,
  growth: 0,
  treeNodes: 0,
  pointsDonated: 0,
  campaignsJoined: 0,
  teamChallenges: 0,
  purchases: 0,
  eventsAttended: 0,
  coursesAttended: 0,
};

describe('badgeProgress', () => {
  it('earns streak badges on the best streak but shows the running one as progress', () => {
    const b = badge('streak7', 'streak', 7);
    expect(badgeProgress(b, { ...zero, streak: 5, currentStreak: 2 })).toEqual({ current: 2, target: 7, earned: false });
    expect(badgeProgress(b, { ...zero, streak: 9, currentStreak: 1 })).toEqual({ current: 7, target: 7, earned: true });
  });

  it('keeps an awarded badge lit when a metric later drops', () => {
    expect(badgeProgress(badge('r1', 'redemptions', 1), zero, true)).toEqual({ current: 1, target: 1, earned: true });
  });

  it('never shows progress beyond the target or below 0, and earned ⇔ metric ≥ target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BADGE_METRICS),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: -5, max: 1000 }),
        (metric, gte, value) => {
          const p = badgeProgress(badge('b', metric, gte), { ...zero, [metric]: value });
          expect(p.current).toBeGreaterThanOrEqual(0);
          expect(p.current).toBeLessThanOrEqual(p.target);
          expect(p.earned).toBe(value >= gte);
        },
      ),
    );
  });
});

describe('newlyEarnedBadges', () => {
  const badges = [
    badge('first', 'checkinDays', 1),
    badge('week', 'streak', 7),
    badge('koc', 'invitesActivated', 3),
    badge('off', 'checkinDays', 1, { active: false }),
  ];

  it('returns active badges reached and not held yet, in wall order', () => {
    const m = { ...zero, checkinDays: 7, streak: 7 };
    expect(newlyEarnedBadges(badges, m, []).map((b) => b._id)).toEqual(['first', 'week']);
    expect(newlyEarnedBadges(badges, m, ['first']).map((b) => b._id)).toEqual(['week']);
    expect(newlyEarnedBadges(badges, m, ['first', 'week'])).toEqual([]);
  });

  it('never returns a badge twice when applied repeatedly', () => {
    const held = new Set<string>();
    for (let day = 1; day <= 10; day++) {
      for (const b of newlyEarnedBadges(badges, { ...zero, checkinDays: day, streak: day }, held)) {
        expect(held.has(b._id)).toBe(false);
        held.add(b._id);
      }
    }
    expect([...held].sort()).toEqual(['first', 'week']);
  });
});

describe('remaining text', () => {
  it('says what is left in the member’s units', () => {
    expect(remainingText('streak', 3)).toBe('还差 3 天');
    expect(remainingText('checkinDays', 1)).toBe('还差 1 天');
    expect(remainingText('invitesActivated', 2)).toBe('还差 2 位好友');
    expect(remainingText('redemptions', 1)).toBe('还差 1 次');
    expect(remainingText('growth', 120)).toBe('还差 120 点成长值');
    expect(remainingText('treeNodes', 4)).toBe('还差 4 个节点');
    expect(remainingText('pointsDonated', 40)).toBe('还差 40 积分');
    expect(remainingText('campaignsJoined', 1)).toBe('还差 1 场活动');
    expect(remainingText('growth', 0)).toBe('已获得');
    const b = badge('week', 'streak', 7);
    expect(badgeRemainingText(b, badgeProgress(b, { ...zero, streak: 4, currentStreak: 4 }))).toBe('还差 3 天');
  });
});

describe('badges a node or a campaign awards', () => {
  it('are earned only when awarded, and say how to earn them', () => {
    const b = { ...badge('sharer', 'growth', 1), rule: null };
    expect(newlyEarnedBadges([b], { ...zero, growth: 99999 }, [])).toEqual([]);
    expect(newlyEarnedBadges([b], zero, [], ['sharer']).map((x) => x._id)).toEqual(['sharer']);
    expect(newlyEarnedBadges([b], zero, ['sharer'], ['sharer'])).toEqual([]);
    expect(badgeProgress(b, zero)).toEqual({ current: 0, target: 1, earned: false });
    expect(badgeRemainingText(b, badgeProgress(b, zero), '点亮成长树「知识分享官」节点后获得')).toBe('点亮成长树「知识分享官」节点后获得');
    expect(badgeRemainingText(b, badgeProgress(b, zero, true))).toBe('已获得');
  });
});

describe('memberBadgeMetrics', () => {
  it('uses the best streak for earning and the running one for progress', () => {
    const m = {
      streak: { current: 2, best: 9 },
      checkinDays: 20,
      invitesActivated: 1,
      redemptions: 2,
      growth: 350,
      pointsDonated: 120,
      campaigns: ['thanks', 'autumn'],
      teamChallenges: 1,
      purchases: 4,
      eventsAttended: 2,
      coursesAttended: 1,
    };
    expect(memberBadgeMetrics(m, 3)).toEqual({
      streak: 9,
      currentStreak: 2,
      checkinDays: 20,
      invitesActivated: 1,
      redemptions: 2,
      growth: 350,
      treeNodes: 3,
      teamChallenges: 1,
      pointsDonated: 120,
      campaignsJoined: 2,
      purchases: 4,
      eventsAttended: 2,
      coursesAttended: 1,
    });
    expect(memberBadgeMetrics(m, 3, 0).currentStreak).toBe(0);
  });

  it('counts completed team challenges (0 for a record from before teams)', () => {
    // A member stored before teams has no `teamChallenges`: read as 0.
    const before = normalizeMember({ _id: 'o_before_teams', streak: { current: 0, best: 0, lastDate: null }, checkinDays: 0 });
    expect(memberBadgeMetrics(before, 0).teamChallenges).toBe(0);
    const teamPlayer = badge('team1', 'teamChallenges', 1);
    expect(newlyEarnedBadges([teamPlayer], { ...zero, teamChallenges: 1 }, [])).toEqual([teamPlayer]);
    expect(remainingText('teamChallenges', 1)).toBe('还差 1 次组队挑战');
  });

  it('counts purchases, events and courses from the member’s counters (0 for a record from before them)', () => {
    const before = normalizeMember({ _id: 'o_before_purchases', streak: { current: 0, best: 0, lastDate: null }, checkinDays: 0 });
    expect(memberBadgeMetrics(before, 0)).toMatchObject({ purchases: 0, eventsAttended: 0, coursesAttended: 0 });
    const metrics = memberBadgeMetrics({ ...before, purchases: 3, eventsAttended: 2, coursesAttended: 1 }, 0);
    expect(metrics).toMatchObject({ purchases: 3, eventsAttended: 2, coursesAttended: 1 });
    expect(newlyEarnedBadges([badge('buyer', 'purchases', 3), badge('goer', 'eventsAttended', 3)], metrics, []).map((b) => b._id)).toEqual([
      'buyer',
    ]);
    expect(remainingText('purchases', 1)).toBe('还差 1 笔消费');
    expect(remainingText('eventsAttended', 2)).toBe('还差 2 场活动');
    expect(remainingText('coursesAttended', 1)).toBe('还差 1 节课程');
  });
});

describe('withGrantedBadge', () => {
  it('adds an event’s badge once, unseen, and leaves a member who has it unchanged', () => {
    const member = { badges: [{ id: 'first', earnedAt: '2026-01-01T00:00:00.000Z', seen: true }] };
    const granted = withGrantedBadge(member, 'salon', '2026-12-05T06:00:00.000Z');
    expect(granted.badges).toEqual([...member.badges, { id: 'salon', earnedAt: '2026-12-05T06:00:00.000Z', seen: false }]);
    expect(withGrantedBadge(granted, 'salon', '2027-01-01T00:00:00.000Z')).toBe(granted);
  });
});
