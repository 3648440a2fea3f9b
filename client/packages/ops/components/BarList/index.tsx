import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { cx } from '@/utils/cx';
import './index.css';

export interface BarItem {
  key: string;
  label: ReactNode;
  value: number;
  /** What is written at the end of the bar (default: the value). */
  display?: ReactNode;
  color?: string;
  /** A small line under the label, e.g. "12 / 40 人". */
  hint?: ReactNode;
}

export interface BarListProps {
  items: BarItem[];
  /** The full-length value; default the largest item. */
  max?: number;
  empty?: ReactNode;
  className?: string;
}

/** Horizontal bars drawn with Views: redemptions per pack, penetration per tier, rejections per reason. */
export function BarList({ items, max, empty = '暂无数据', className }: BarListProps) {
  if (items.length === 0) return <Text className="ops-bars__empty">{empty}</Text>;
  const full = max ?? Math.max(...items.map((i) => i.value));
  return (
    <View className={cx('ops-bars', className)}>
      {items.map((item) => {
        const pct = full > 0 ? Math.max(0, Math.min(100, (item.value / full) * 100)) : 0;
        return (
          <View key={item.key} className="ops-bars__row">
            <View className="ops-bars__head">
              <Text className="ops-bars__label">{item.label}</Text>
              <Text className="ops-bars__value mc-num">{item.display ?? item.value}</Text>
            </View>
            <View className="ops-bars__track">
              <View className="ops-bars__fill" style={{ width: `${pct}%`, ...(item.color ? { background: item.color } : {}) }} />
            </View>
            {item.hint ? <Text className="ops-bars__hint">{item.hint}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
