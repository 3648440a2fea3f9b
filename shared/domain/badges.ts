import type { BadgeDoc } from '../content/badges';
import type { BadgeMetric } from '../content/ids';

/**
 * What badge rules are measured against, all lifetime counts kept on the member:
 * - `streak`: the member's **best** streak. Earning uses the best streak so a badge reached once
 *   stays reached and a badge ops add later is awarded to members who already did it;
 * - `currentStreak` (optional): the running streak, used only to show progress of a locked
 *   streak badge ("3 / 7 天") — after a break the member must start over, so the best streak
 *   would be a misleading progress figure;
 * - `checkinDays`, `invitesActivated`, `redemptions` (not cancelled), `growth` (lifetime),
 *   `treeNodes` (nodes unlocked by lifetime growth);
 * - `purchases` (orders from the brand's shop and stores, not fully refunded), `eventsAttended`
 *   (offline events checked in at, courses included) and `coursesAttended` (those of kind course).
 */
export interface BadgeMetrics {
  streak: number;
  currentStreak?: number;
  checkinDays: number;
  invitesActivated: number;
  redemptions: number;
  growth: number;
  treeNodes: number;
  purchases: number;
  eventsAttended: number;
  coursesAttended: number;
}

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
 * Progress of one badge. `alreadyEarned` (a `member_badges` record exists) wins over the
 * metric: an earned badge stays lit even if a metric later drops (a cancelled redemption, a
 * negative growth correction).
 */
export function badgeProgress(badge: BadgeDoc, metrics: BadgeMetrics, alreadyEarned = false): BadgeProgress {
  const target = badge.rule.gte;
  const earned = alreadyEarned || metricValue(badge.rule.metric, metrics) >= target;
  if (earned) return { current: target, target, earned };
  const shown = badge.rule.metric === 'streak' ? (metrics.currentStreak ?? metrics.streak) : metricValue(badge.rule.metric, metrics);
  return { current: Math.max(0, Math.min(shown, target)), target, earned };
}

/** Active badges the metrics reach that the member does not have yet, in wall order. */
export function newlyEarnedBadges(badges: readonly BadgeDoc[], metrics: BadgeMetrics, alreadyEarnedIds: Iterable<string>): BadgeDoc[] {
  const have = new Set(alreadyEarnedIds);
  return badges
    .filter((b) => b.active && !have.has(b._id) && metricValue(b.rule.metric, metrics) >= b.rule.gte)
    .sort((a, b) => a.order - b.order || a._id.localeCompare(b._id));
}

const UNITS: Record<BadgeMetric, string> = {
  streak: '天',
  checkinDays: '天',
  invitesActivated: '位好友',
  redemptions: '次',
  growth: '点成长值',
  treeNodes: '个节点',
  purchases: '笔消费',
  eventsAttended: '场活动',
  coursesAttended: '节课程',
};

/** "还差 3 天", "还差 1 位好友", "还差 120 点成长值"; "已获得" when nothing is left. */
export function remainingText(metric: BadgeMetric, remaining: number): string {
  if (remaining <= 0) return '已获得';
  return `还差 ${remaining} ${UNITS[metric]}`;
}

export function badgeRemainingText(badge: BadgeDoc, progress: BadgeProgress): string {
  return progress.earned ? '已获得' : remainingText(badge.rule.metric, progress.target - progress.current);
}

/** Badge metrics of a member record; `treeNodes` comes from the growth tree. */
export function memberBadgeMetrics(
  member: {
    streak: { current: number; best: number };
    checkinDays: number;
    invitesActivated: number;
    redemptions: number;
    growth: number;
    purchases?: number;
    eventsAttended?: number;
    coursesAttended?: number;
  },
  treeNodes: number,
  currentStreak: number = member.streak.current,
): BadgeMetrics {
  return {
    streak: member.streak.best,
    currentStreak,
    checkinDays: member.checkinDays,
    invitesActivated: member.invitesActivated,
    redemptions: member.redemptions,
    growth: member.growth,
    treeNodes,
    purchases: member.purchases ?? 0,
    eventsAttended: member.eventsAttended ?? 0,
    coursesAttended: member.coursesAttended ?? 0,
  };
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
