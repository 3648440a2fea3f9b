import { Text, View } from '@tarojs/components';
import type { TierCoverage } from '@shared/domain/tierCoverage';
import { tierColors, tierSoftColors } from '@/styles/tokens';
import { cx } from '@/utils/cx';
import { COVERAGE_STATUS_TEXT, coverageStatus } from '../../utils/coverageStatus';
import { TIER_LABELS } from '../../utils/labels';
import './index.css';

export interface CoverageGaugeProps {
  coverage: TierCoverage[];
  activeMembers: number;
  className?: string;
}

/** Each layer's coverage of active members as a gauge, with the plan's target marked on it. */
export function CoverageGauge({ coverage, activeMembers, className }: CoverageGaugeProps) {
  return (
    <View className={cx('ops-gauge', className)}>
      {coverage.map((c) => {
        const status = coverageStatus(c, activeMembers);
        return (
          <View key={c.tier} className="ops-gauge__row">
            <View className="ops-gauge__head">
              <Text className="ops-gauge__tier">{TIER_LABELS[c.tier]}</Text>
              <Text className="ops-gauge__value mc-num" style={{ color: tierColors[c.tier] }}>
                {c.coverage}%
              </Text>
              <Text className="ops-gauge__target">目标 {c.target}%</Text>
              <Text className={cx('ops-gauge__status', `ops-gauge__status--${status}`)}>{COVERAGE_STATUS_TEXT[status]}</Text>
            </View>
            <View className="ops-gauge__track" style={{ background: tierSoftColors[c.tier] }}>
              <View className="ops-gauge__fill" style={{ width: `${Math.min(100, c.coverage)}%`, background: tierColors[c.tier] }} />
              <View className="ops-gauge__marker" style={{ left: `${Math.min(100, c.target)}%` }} />
            </View>
            <Text className="ops-gauge__hint">
              {c.members} 人达到{TIER_LABELS[c.tier]}及以上
            </Text>
          </View>
        );
      })}
    </View>
  );
}
