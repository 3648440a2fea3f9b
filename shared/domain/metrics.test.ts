import { METRICS } from '../content/ids';
import { METRIC_DEFS, metricValues, remainingText, ruleMet, ruleProgress, ruleText, type MetricValues } from './metrics';

const source = {
  streak: { best: 9 },
  checkinDays: 20,
  invitesActivated: 2,
  redemptions: 1,
  growth: 350,
  pointsDonated: 120,
  campaigns: ['a', 'b'],
  teamChallenges: 1,
  purchases: 3,
  eventsAttended: 2,
  coursesAttended: 1,
  treeNodes: 4,
};

describe('the metrics engine', () => {
  it('has a definition (label, unit, wording, where it is read) for every metric rules may name', () => {
    expect(Object.keys(METRIC_DEFS).sort()).toEqual([...METRICS].sort());
    for (const m of METRICS) {
      expect(METRIC_DEFS[m].label_zh).toMatch(/\p{Script=Han}/u);
      expect(METRIC_DEFS[m].unit).toMatch(/\p{Script=Han}/u);
      expect(ruleText({ metric: m, gte: 3 })).toContain('3');
    }
  });

  it('reads each value off the member', () => {
    expect(metricValues(source, 2)).toEqual({
      streak: 9,
      currentStreak: 2,
      checkinDays: 20,
      invitesActivated: 2,
      redemptions: 1,
      growth: 350,
      treeNodes: 4,
      pointsDonated: 120,
      campaignsJoined: 2,
      teamChallenges: 1,
      purchases: 3,
      eventsAttended: 2,
      coursesAttended: 1,
    });
  });

  it('meets a rule at its target, and shows progress in the rule’s own unit', () => {
    const v: MetricValues = metricValues(source, 2);
    expect(ruleMet({ metric: 'pointsDonated', gte: 120 }, v)).toBe(true);
    expect(ruleMet({ metric: 'pointsDonated', gte: 121 }, v)).toBe(false);
    expect(ruleProgress({ metric: 'streak', gte: 30 }, v)).toEqual({ current: 2, target: 30, met: false });
    expect(ruleProgress({ metric: 'growth', gte: 100 }, v)).toEqual({ current: 100, target: 100, met: true });
    expect(remainingText('pointsDonated', 80)).toBe('还差 80 积分');
    expect(ruleText({ metric: 'campaignsJoined', gte: 3 })).toBe('参加 3 场会员活动');
    expect(ruleText({ metric: 'teamChallenges', gte: 1 })).toBe('和队友完成 1 次组队挑战');
    expect(remainingText('teamChallenges', 2)).toBe('还差 2 次组队挑战');
    expect(ruleText({ metric: 'eventsAttended', gte: 1 })).toBe('累计参加 1 场线下活动');
    expect(ruleText({ metric: 'coursesAttended', gte: 2 })).toBe('累计参加 2 节线下课程');
    expect(remainingText('purchases', 1)).toBe('还差 1 笔消费');
    expect(ruleProgress({ metric: 'coursesAttended', gte: 3 }, v)).toEqual({ current: 1, target: 3, met: false });
  });
});
