import type { BadgeDoc } from '../content/badges';
import type { BadgeMetric } from '../content/ids';
import { metricValues, remainingText as metricRemainingText, ruleProgress, type MetricSource, type MetricValues } from './metrics';

/**
 * Badges on the shared rule engine (`metrics.ts`). A badge is earned when its rule is met —
 * `streak` on the **best** streak, so a badge reached once stays reached and a badge ops add later
 * is awarded to members who already did it — or when something awards it directly: a growth-tree
 * node that unlocks it, a campaign the member joined. A badge without a rule is earned only that way.
 */
export type BadgeMetrics = MetricValues;

export interface BadgeProgress {
  /** Shown as `current / target`; equals `target` once earned. */
  current: number;
  target: number;
  earned: boolean;
}

/** The value a rule compares with `gte`. */
export function metricValue(metric: BadgeMetric, metrics: BadgeMetrics): number {
  return metrics[metric];
}

/**
 * Progress of one badge. `alreadyEarned` (the member holds it) wins over the metric: an earned
 * badge stays lit even if a metric later drops (a cancelled redemption, a negative growth
 * correction). A badge awarded by a node or a campaign shows 0 / 1 until then.
 */
export function badgeProgress(badge: BadgeDoc, metrics: BadgeMetrics, alreadyEarned = false): BadgeProgress {
  if (!badge.rule) return alreadyEarned ? { current: 1, target: 1, earned: true } : { current: 0, target: 1, earned: false };
  const p = ruleProgress(badge.rule, metrics, alreadyEarned);
  return { current: p.current, target: p.target, earned: p.met };
}

/**
 * Active badges the member does not hold yet whose rule the metrics reach, or that `awarded`
 * names (badges of the nodes they unlocked and of the campaigns they joined), in wall order.
 */
export function newlyEarnedBadges(
  badges: readonly BadgeDoc[],
  metrics: BadgeMetrics,
  alreadyEarnedIds: Iterable<string>,
  awarded: Iterable<string> = [],
): BadgeDoc[] {
  const have = new Set(alreadyEarnedIds);
  const given = new Set(awarded);
  return badges
    .filter(
      (b) => b.active && !have.has(b._id) && (given.has(b._id) || (b.rule !== null && metricValue(b.rule.metric, metrics) >= b.rule.gte)),
    )
    .sort((a, b) => a.order - b.order || a._id.localeCompare(b._id));
}

/** "还差 3 天", "还差 1 位好友", "还差 120 成长值"; "已获得" when nothing is left. */
export function remainingText(metric: BadgeMetric, remaining: number): string {
  if (remaining <= 0) return '已获得';
  return metricRemainingText(metric, remaining);
}

/**
 * "还差 2 天" / "已获得"; for a badge a node or a campaign awards, `awardedBy` says how
 * ("点亮「导师计划」节点后获得").
 */
export function badgeRemainingText(badge: BadgeDoc, progress: BadgeProgress, awardedBy = ''): string {
  if (progress.earned) return '已获得';
  if (!badge.rule) return awardedBy || '暂未开放获得方式';
  return remainingText(badge.rule.metric, progress.target - progress.current);
}

/** Rule metrics of a member record; `treeNodes` is the number of (active) nodes they unlocked. */
export function memberBadgeMetrics(
  member: Omit<MetricSource, 'treeNodes' | 'streak'> & { streak: { current: number; best: number } },
  treeNodes: number,
  currentStreak: number = member.streak.current,
): BadgeMetrics {
  return metricValues({ ...member, treeNodes }, currentStreak);
}

/**
 * A badge given outright (an offline event's commemorative badge, `events.badgeId`) rather than
 * reached by its rule: the member's earned list with it added, or unchanged when they have it.
 */
export function withGrantedBadge<M extends { badges: ReadonlyArray<{ id: string; earnedAt: string; seen: boolean }> }>(
  member: M,
  badgeId: string,
  earnedAt: string,
): M {
  if (member.badges.some((b) => b.id === badgeId)) return member;
  return { ...member, badges: [...member.badges, { id: badgeId, earnedAt, seen: false }] };
}
