import { View, Text } from '@tarojs/components';
import type { TierId } from '@shared/content/ids';
import { DEFAULT_TIER_NAMES } from '@shared/content/ids';
import { tierInkColors, tierSoftColors } from '@/styles/tokens';
import { cx } from '@/utils/cx';

export interface TierTagProps {
  tier: TierId;
  /** The tier's name from content; the default name otherwise. */
  name?: string;
  size?: 'sm' | 'md';
  /** On a coloured background (the member card): white glass instead of the soft tier colour. */
  onColor?: boolean;
  className?: string;
}

const MARKS: Record<TierId, string> = { basic: '◆', advanced: '◆◆', core: '◆◆◆' };

export function TierTag({ tier, name, size = 'sm', onColor, className }: TierTagProps) {
  const style = onColor ? undefined : { background: tierSoftColors[tier], color: tierInkColors[tier] };
  return (
    <View className={cx('mc-tier', `mc-tier--${size}`, onColor && 'mc-tier--on-color', className)} style={style}>
      <Text className="mc-tier__mark">{MARKS[tier]}</Text>
      <Text>{name || DEFAULT_TIER_NAMES[tier]}</Text>
    </View>
  );
}
