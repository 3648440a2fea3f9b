import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { ViewProps } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface CardProps extends Omit<ViewProps, 'children'> {
  title?: ReactNode;
  /** Right side of the title row, e.g. a "查看全部 ›" link. */
  extra?: ReactNode;
  onExtraClick?: () => void;
  /** `flat` drops the shadow (cards inside cards); `tinted` uses the muted surface. */
  tone?: 'default' | 'flat' | 'tinted';
  children?: ReactNode;
}

/** The one card of the app: white, rounded, a soft shadow, optional title row. */
export function Card({ title, extra, onExtraClick, tone = 'default', className, children, ...rest }: CardProps) {
  return (
    <View className={cx('mc-card', `mc-card--${tone}`, className)} {...rest}>
      {(title || extra) && (
        <View className="mc-card__head">
          {title ? <Text className="mc-card__title">{title}</Text> : <View />}
          {extra ? (
            <View className="mc-card__extra" onClick={onExtraClick}>
              {extra}
            </View>
          ) : null}
        </View>
      )}
      {children}
    </View>
  );
}
