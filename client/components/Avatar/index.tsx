import { useState } from 'react';
import { Image, View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';

export interface AvatarProps {
  src?: string;
  /** The first character shows when there is no picture (or it fails to load). */
  name: string;
  size?: 'sm' | 'md' | 'lg';
  /** A white ring, for avatars on coloured backgrounds. */
  ring?: boolean;
  className?: string;
}

export function Avatar({ src, name, size = 'md', ring, className }: AvatarProps) {
  const [broken, setBroken] = useState(false);
  const initial = Array.from(name.trim())[0] ?? '会';
  return (
    <View className={cx('mc-avatar', `mc-avatar--${size}`, ring && 'mc-avatar--ring', className)}>
      {src && !broken ? (
        <Image className="mc-avatar__img" src={src} mode="aspectFill" onError={() => setBroken(true)} />
      ) : (
        <Text className="mc-avatar__initial">{initial}</Text>
      )}
    </View>
  );
}
