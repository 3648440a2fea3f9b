import { View, Text } from '@tarojs/components';
import { useSubscribeSheet } from '@/platform/subscribeSheet';
import { cx } from '@/utils/cx';
import { Button } from '../Button';

export function SubscribeSheet() {
  const templates = useSubscribeSheet((s) => s.templates);
  const ticked = useSubscribeSheet((s) => s.ticked);
  const toggle = useSubscribeSheet((s) => s.toggle);
  const answer = useSubscribeSheet((s) => s.answer);
  if (templates.length === 0) return null;
  return (
    <View className="mc-subscribe" catchMove>
      <View className="mc-subscribe__mask" onClick={() => answer(false)} />
      <View className="mc-subscribe__panel" role="dialog" aria-label="订阅消息">
        <Text className="mc-subscribe__title">会员中心 申请向你发送以下订阅消息</Text>
        {templates.map((t) => (
          <View
            key={t.templateId}
            className={cx('mc-subscribe__item', ticked.includes(t.templateId) && 'mc-subscribe__item--on')}
            onClick={() => toggle(t.templateId)}
          >
            <Text className="mc-subscribe__tick">{ticked.includes(t.templateId) ? '✓' : ''}</Text>
            <Text>{t.title}</Text>
          </View>
        ))}
        <Text className="mc-subscribe__note">每次允许，只会收到一条该消息（模拟微信订阅消息弹窗）</Text>
        <View className="mc-subscribe__actions">
          <Button variant="secondary" onClick={() => answer(false)}>
            取消
          </Button>
          <Button variant="primary" onClick={() => answer(true)}>
            允许
          </Button>
        </View>
      </View>
    </View>
  );
}
