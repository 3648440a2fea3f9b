import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  unit?: ReactNode;
  /** A line under the value, e.g. "较上周 +12%". */
  hint?: ReactNode;
  align?: 'left' | 'center';
  className?: string;
}

/** A labelled number: 积分 1,280 / 连续签到 7 天. */
export function Stat({ label, value, unit, hint, align = 'center', className }: StatProps) {
  return (
    <View className={cx('mc-stat', `mc-stat--${align}`, className)}>
      <View className="mc-stat__value-row">
        <Text className="mc-stat__value mc-num">{value}</Text>
        {unit ? <Text className="mc-stat__unit">{unit}</Text> : null}
      </View>
      <Text className="mc-stat__label">{label}</Text>
      {hint ? <Text className="mc-stat__hint">{hint}</Text> : null}
    </View>
  );
}
