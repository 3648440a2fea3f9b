import { View, Text } from '@tarojs/components';
import './index.css';

export default function Index() {
  return (
    <View className="home">
      <Text className="home__title">会员中心</Text>
    </View>
  );
}
