import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface SheetProps {
  open: boolean;
  title?: ReactNode;
  onClose?: () => void;
  /** Buttons pinned at the bottom. */
  footer?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A bottom sheet over a dimmed page; tapping the backdrop or × closes it. */
export function Sheet({ open, title, onClose, footer, children, className }: SheetProps) {
  if (!open) return null;
  return (
    <View className="mc-sheet" catchMove>
      <View className="mc-sheet__mask" onClick={onClose} />
      <View className={cx('mc-sheet__panel', className)}>
        <View className="mc-sheet__head">
          <Text className="mc-sheet__title">{title}</Text>
          {onClose ? (
            <View className="mc-sheet__close" onClick={onClose}>
              <Text>×</Text>
            </View>
          ) : null}
        </View>
        <View className="mc-sheet__body">{children}</View>
        {footer ? <View className="mc-sheet__footer">{footer}</View> : null}
      </View>
    </View>
  );
}
