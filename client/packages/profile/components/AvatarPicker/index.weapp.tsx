import { Button, View, Text } from '@tarojs/components';
import { Avatar } from '@/components/Avatar';
import type { AvatarPickerProps } from './types';
import './index.css';

export function AvatarPicker({ src, name, onChoose }: AvatarPickerProps) {
  return (
    <View className="ap">
      <Button className="ap__btn" openType="chooseAvatar" onChooseAvatar={(e) => onChoose(e.detail.avatarUrl)}>
        <Avatar src={src} name={name} size="lg" />
        <View className="ap__edit">
          <Text>换</Text>
        </View>
      </Button>
      <Text className="ap__hint">点击头像更换</Text>
    </View>
  );
}
