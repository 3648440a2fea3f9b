import { Text, View } from '@tarojs/components';
import { cx } from '@/utils/cx';
import './index.css';

export interface ColumnChartProps {
  /** One column per day. */
  values: number[];
  labels: string[];
  color?: string;
  className?: string;
}

/** Columns drawn with Views (new members per day); values are written on the columns for short ranges. */
export function ColumnChart({ values, labels, color, className }: ColumnChartProps) {
  const max = Math.max(1, ...values);
  const showValues = values.length <= 14;
  const ticks = labels.length > 2 ? [labels[0], labels[Math.floor((labels.length - 1) / 2)], labels[labels.length - 1]] : labels;
  return (
    <View className={cx('ops-cols', className)}>
      <View className="ops-cols__plot">
        {values.map((v, i) => (
          <View key={`${labels[i]}-${i}`} className="ops-cols__col">
            {showValues ? <Text className="ops-cols__value">{v}</Text> : null}
            <View className="ops-cols__bar" style={{ height: `${(v / max) * 100}%`, ...(color ? { background: color } : {}) }} />
          </View>
        ))}
      </View>
      <View className="ops-cols__x">
        {ticks.map((t, i) => (
          <Text key={`${t}-${i}`}>{t}</Text>
        ))}
      </View>
    </View>
  );
}
