import { Text } from '@tarojs/components';
import type { OpsStatsData } from '@shared/contracts/ops';
import { Card } from '@/components/Card';
import { colors } from '@/styles/tokens';
import { BarList } from '../../components/BarList';
import { count, percent } from '../../utils/format';

/** 订阅消息提醒: messages sent per purpose in the range, and the members back within 24 h of one. */
export function ReminderEffect({ reminders }: { reminders: OpsStatsData['reminders'] }) {
  return (
    <Card title="消息提醒" extra={<Text>{`发送 ${count(reminders.sent)} 条 · 24 小时内回访 ${percent(reminders.returnRate)}`}</Text>}>
      <Text className="ops-dash__note">会员点「允许」后由系统发送的订阅消息；回访 = 收到消息后 24 小时内打开了会员中心。</Text>
      <BarList
        items={reminders.byPurpose
          .filter((p) => p.sent > 0)
          .map((p) => ({
            key: p.purpose,
            label: p.name,
            value: p.sent,
            display: `${p.sent} 条`,
            color: colors.primary,
            hint: `回访 ${p.returned} 人`,
          }))}
        empty="区间内没有发送提醒"
      />
    </Card>
  );
}
