import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export type StatusTone = 'primary' | 'success' | 'warning' | 'danger' | 'neutral' | 'accent';

export interface StatusTagProps {
  tone?: StatusTone;
  children: ReactNode;
  className?: string;
}

/** A small rounded label: 未使用, 已激活, 稀有… */
export function StatusTag({ tone = 'neutral', children, className }: StatusTagProps) {
  return <Text className={cx('mc-status', `mc-status--${tone}`, className)}>{children}</Text>;
}
