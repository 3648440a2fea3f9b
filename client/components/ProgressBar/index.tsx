import { View } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface ProgressBarProps {
  /** 0…1; clipped. */
  value: number;
  color?: string;
  trackColor?: string;
  size?: 'xs' | 'sm' | 'md';
  className?: string;
}

export function ProgressBar({ value, color, trackColor, size = 'sm', className }: ProgressBarProps) {
  const pct = Math.round(Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * 1000) / 10;
  return (
    <View className={cx('mc-progress', `mc-progress--${size}`, className)} style={trackColor ? { background: trackColor } : undefined}>
      <View className="mc-progress__fill" style={{ width: `${pct}%`, ...(color ? { background: color } : {}) }} />
    </View>
  );
}
