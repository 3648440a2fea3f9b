import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import type { ViewProps } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface ButtonProps extends Omit<ViewProps, 'onClick' | 'children'> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger' | 'accent';
  size?: 'sm' | 'md' | 'lg';
  block?: boolean;
  disabled?: boolean;
  /** Shows a spinner and ignores taps. */
  loading?: boolean;
  onClick?: () => void;
  children?: ReactNode;
}

/**
 * A tappable pill. Built on View (not the native button, whose default styles differ per
 * platform); taps while `disabled` or `loading` are ignored.
 */
export function Button({ variant = 'primary', size = 'md', block, disabled, loading, onClick, className, children, ...rest }: ButtonProps) {
  const inactive = disabled || loading;
  return (
    <View
      className={cx('mc-btn', `mc-btn--${variant}`, `mc-btn--${size}`, block && 'mc-btn--block', inactive && 'mc-btn--disabled', className)}
      hoverClass={inactive ? 'none' : 'mc-btn--pressed'}
      onClick={() => {
        if (!inactive) onClick?.();
      }}
      {...rest}
    >
      {loading ? <View className="mc-btn__spinner" /> : null}
      <Text className="mc-btn__label">{children}</Text>
    </View>
  );
}
