import { Text, View } from '@tarojs/components';
import { cx } from '@/utils/cx';
import { count, percent } from '../../utils/format';
import './index.css';

export interface FunnelStep {
  key: string;
  label: string;
  value: number;
  /** What is written under the label instead of the rate from the step before (when that rate means nothing). */
  note?: string;
}

export interface FunnelProps {
  steps: FunnelStep[];
  className?: string;
}

/** Steps as centred bars narrowing with the numbers, each with its rate from the step before. */
export function Funnel({ steps, className }: FunnelProps) {
  const max = Math.max(1, ...steps.map((s) => s.value));
  return (
    <View className={cx('ops-funnel', className)}>
      {steps.map((s, i) => {
        const prev = i > 0 ? steps[i - 1].value : 0;
        return (
          <View key={s.key} className="ops-funnel__step">
            <View className="ops-funnel__bar-wrap">
              <View className="ops-funnel__bar" style={{ width: `${Math.max(8, (s.value / max) * 100)}%`, opacity: 1 - i * 0.15 }}>
                <Text className="ops-funnel__value mc-num">{count(s.value)}</Text>
              </View>
            </View>
            <View className="ops-funnel__meta">
              <Text className="ops-funnel__label">{s.label}</Text>
              {s.note !== undefined ? <Text className="ops-funnel__rate">{s.note}</Text> : null}
              {s.note === undefined && i > 0 ? <Text className="ops-funnel__rate">{prev > 0 ? percent(s.value / prev) : '—'}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
