import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface SectionProps {
  title: ReactNode;
  /** e.g. "全部 ›", tappable with `onMore`. */
  more?: ReactNode;
  onMore?: () => void;
  children?: ReactNode;
  className?: string;
}

/** A titled group of cards on a page. */
export function Section({ title, more, onMore, children, className }: SectionProps) {
  return (
    <View className={cx('mc-section', className)}>
      <View className="mc-section__head">
        <Text className="mc-section__title">{title}</Text>
        {more ? (
          <View className="mc-section__more" onClick={onMore}>
            <Text>{more}</Text>
          </View>
        ) : null}
      </View>
      {children}
    </View>
  );
}
