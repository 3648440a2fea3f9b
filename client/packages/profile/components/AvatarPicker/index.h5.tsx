import { View, Text } from '@tarojs/components';
import { Avatar } from '@/components/Avatar';
import type { AvatarPickerProps } from './types';
import './index.css';

export function AvatarPicker({ src, name }: AvatarPickerProps) {
  return (
    <View className="ap">
      <Avatar src={src} name={name} size="lg" />
      <Text className="ap__hint">头像请在微信小程序中更换</Text>
    </View>
  );
}
