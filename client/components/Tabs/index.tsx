import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface TabItem<K extends string> {
  key: K;
  title: ReactNode;
  /** A small count or mark beside the title. */
  badge?: ReactNode;
}

export interface TabsProps<K extends string> {
  items: Array<TabItem<K>>;
  value: K;
  onChange: (key: K) => void;
  /** Colour of the active title and its underline (e.g. a tier colour). */
  activeColor?: string;
  className?: string;
}

/** Segmented tabs with an underline; the active one in `activeColor` or the brand colour. */
export function Tabs<K extends string>({ items, value, onChange, activeColor, className }: TabsProps<K>) {
  return (
    <View className={cx('mc-tabs', className)}>
      {items.map((item) => {
        const active = item.key === value;
        return (
          <View key={item.key} className={cx('mc-tabs__item', active && 'mc-tabs__item--active')} onClick={() => onChange(item.key)}>
            <Text className="mc-tabs__title" style={active && activeColor ? { color: activeColor } : undefined}>
              {item.title}
            </Text>
            {item.badge !== undefined && item.badge !== null ? <Text className="mc-tabs__badge">{item.badge}</Text> : null}
            <View className="mc-tabs__bar" style={active && activeColor ? { background: activeColor } : undefined} />
          </View>
        );
      })}
    </View>
  );
}
