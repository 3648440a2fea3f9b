import type { Metric } from '../content/ids';

/**
 * The one rule engine of badges and growth-tree nodes: a rule `{metric, gte}` is met when the
 * member's value of `metric` reaches `gte`. Every value is a lifetime count kept on the member
 * document by the transaction that changes it, so checking a rule never reads another collection.
 *
 * Adding a metric: its name in `METRICS` (`shared/content/ids.ts`), its row here (the names ops
 * and members read, the unit of "还差 N …", and where the member's value comes from), and the
 * place that counts it (e.g. `account.edit` in the action that records it).
 */
export interface MetricDef {
  /** How ops and members name it: `累计签到天数`. */
  label_zh: string;
  label_en: string;
  /** The unit after a number: `还差 3 天`, `还差 120 积分`. */
  unit: string;
  /** What a rule on it asks, in a member's words: `累计签到 30 天`. */
  ask(gte: number): string;
  /** The member's value (`treeNodes` is given: it depends on the content). */
  read(source: MetricSource): number;
}

/** What the metrics are read from: the stored member (and the count of tree nodes lit). */
export interface MetricSource {
  streak: { best: number };
  checkinDays: number;
  invitesActivated: number;
  redemptions: number;
  growth: number;
  pointsDonated: number;
  campaigns: readonly string[];
  teamChallenges: number;
  purchases: number;
  eventsAttended: number;
  coursesAttended: number;
  treeNodes: number;
}

export const METRIC_DEFS: Record<Metric, MetricDef> = {
  streak: {
    label_zh: '最长连续签到天数',
    label_en: 'best streak in days',
    unit: '天',
    ask: (n) => `连续签到 ${n} 天`,
    read: (m) => m.streak.best,
  },
  checkinDays: {
    label_zh: '累计签到天数',
    label_en: 'total check-in days',
    unit: '天',
    ask: (n) => `累计签到 ${n} 天`,
    read: (m) => m.checkinDays,
  },
  invitesActivated: {
    label_zh: '已激活的邀请人数',
    label_en: 'activated invitees',
    unit: '位好友',
    ask: (n) => `邀请 ${n} 位好友成为活跃会员`,
    read: (m) => m.invitesActivated,
  },
  redemptions: {
    label_zh: '兑换次数',
    label_en: 'redemptions made',
    unit: '次',
    ask: (n) => `兑换福利 ${n} 次`,
    read: (m) => m.redemptions,
  },
  growth: {
    label_zh: '累计成长值',
    label_en: 'lifetime growth',
    unit: '点成长值',
    ask: (n) => `累计成长值达到 ${n}`,
    read: (m) => m.growth,
  },
  treeNodes: {
    label_zh: '已点亮的成长树节点数',
    label_en: 'unlocked tree nodes',
    unit: '个节点',
    ask: (n) => `点亮 ${n} 个成长树节点`,
    read: (m) => m.treeNodes,
  },
  pointsDonated: {
    label_zh: '公益捐赠积分',
    label_en: 'points donated',
    unit: '积分',
    ask: (n) => `公益捐赠累计 ${n} 积分`,
    read: (m) => m.pointsDonated,
  },
  campaignsJoined: {
    label_zh: '参加过的会员活动数',
    label_en: 'campaigns joined',
    unit: '场活动',
    ask: (n) => `参加 ${n} 场会员活动`,
    read: (m) => m.campaigns.length,
  },
  teamChallenges: {
    label_zh: '完成的组队挑战数',
    label_en: 'team challenges completed',
    unit: '次组队挑战',
    ask: (n) => `和队友完成 ${n} 次组队挑战`,
    read: (m) => m.teamChallenges,
  },
  purchases: {
    label_zh: '消费笔数（全额退款的不算）',
    label_en: 'orders (fully refunded ones excluded)',
    unit: '笔消费',
    ask: (n) => `在门店或商城累计消费 ${n} 笔`,
    read: (m) => m.purchases,
  },
  eventsAttended: {
    label_zh: '参加的线下活动数（含课程）',
    label_en: 'offline events attended (courses included)',
    unit: '场活动',
    ask: (n) => `累计参加 ${n} 场线下活动`,
    read: (m) => m.eventsAttended,
  },
  coursesAttended: {
    label_zh: '参加的线下课程数',
    label_en: 'offline courses attended',
    unit: '节课程',
    ask: (n) => `累计参加 ${n} 节线下课程`,
    read: (m) => m.coursesAttended,
  },
};

/**
 * The values rules are measured against. `currentStreak` (optional) is the running streak,
 * shown as the progress of a locked streak rule ("3 / 7 天"): earning uses the best streak (so a
 * rule reached once stays reached), but after a break the member starts over, so the best
 * streak would be a misleading progress figure.
 */
export type MetricValues = Record<Metric, number> & { currentStreak?: number };

export interface Rule {
  metric: Metric;
  gte: number;
}

export interface RuleProgress {
  /** Shown as `current / target`; equals `target` once met. */
  current: number;
  target: number;
  met: boolean;
}

export function metricValues(source: MetricSource, currentStreak?: number): MetricValues {
  const values = Object.fromEntries(
    (Object.keys(METRIC_DEFS) as Metric[]).map((metric) => [metric, METRIC_DEFS[metric].read(source)]),
  ) as MetricValues;
  if (currentStreak !== undefined) values.currentStreak = currentStreak;
  return values;
}

export function ruleMet(rule: Rule, values: MetricValues): boolean {
  return values[rule.metric] >= rule.gte;
}

/** Progress toward a rule, clipped to `[0, target]`; a streak rule shows the running streak. */
export function ruleProgress(rule: Rule, values: MetricValues, alreadyMet = false): RuleProgress {
  const target = rule.gte;
  const met = alreadyMet || ruleMet(rule, values);
  if (met) return { current: target, target, met };
  const shown = rule.metric === 'streak' ? (values.currentStreak ?? values.streak) : values[rule.metric];
  return { current: Math.max(0, Math.min(shown, target)), target, met };
}

/** "还差 3 天", "还差 1 位好友", "还差 120 成长值". */
export function remainingText(metric: Metric, remaining: number): string {
  return `还差 ${remaining} ${METRIC_DEFS[metric].unit}`;
}

/** What the rule asks, in a member's words: "累计签到 30 天", "公益捐赠累计 100 积分". */
export function ruleText(rule: Rule): string {
  return METRIC_DEFS[rule.metric].ask(rule.gte);
}

/** The metrics' help text for ops (field docs): `streak 最长连续签到天数 / …`. */
export function metricsHelp(metrics: readonly Metric[]): { zh: string; en: string } {
  return {
    zh: metrics.map((m) => `${m} ${METRIC_DEFS[m].label_zh}`).join(' / '),
    en: metrics.map((m) => `${m} = ${METRIC_DEFS[m].label_en}`).join(' / '),
  };
}
