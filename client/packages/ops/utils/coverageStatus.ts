import type { TierCoverage } from '@shared/domain/tierCoverage';

/** How close a layer's coverage is to the brand plan's target (percentage points). */
export const ON_TARGET_POINTS = 5;

export type CoverageStatus = 'floor' | 'on' | 'below' | 'above' | 'none';

export const COVERAGE_STATUS_TEXT: Record<CoverageStatus, string> = {
  floor: '起点层',
  on: '接近目标',
  below: '低于目标',
  above: '高于目标',
  none: '暂无活跃会员',
};

/**
 * Basic is every member's starting layer (its coverage is 100% whenever anyone is active), so it
 * is marked as the floor rather than judged. For the others, more than 5 points off the target
 * either way calls for a threshold change: too low → the threshold is out of reach; too high →
 * the layer is not exclusive any more.
 */
export function coverageStatus(c: TierCoverage, activeMembers: number): CoverageStatus {
  if (activeMembers === 0) return 'none';
  if (c.tier === 'basic') return 'floor';
  const diff = c.coverage - c.target;
  if (Math.abs(diff) <= ON_TARGET_POINTS) return 'on';
  return diff < 0 ? 'below' : 'above';
}
