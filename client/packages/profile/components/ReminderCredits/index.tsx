import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ReminderCreditView } from '@shared/contracts/member';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { ErrorState, Loading } from '@/components/PageState';
import { creditText } from '@/copy/reminders';
import { useRemindersStore } from '@/stores/reminders';

function CreditRow({ reminder }: { reminder: ReminderCreditView }) {
  const withdrawing = useRemindersStore((s) => s.withdrawing === reminder.purpose);
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: `撤回「${reminder.title}」？`,
      content: '撤回后不会再收到这类提醒，需要时可以再次开启。',
      confirmText: '撤回',
    });
    if (!confirm) return;
    const ok = await useRemindersStore.getState().withdraw(reminder.purpose);
    if (!ok) void Taro.showToast({ title: useRemindersStore.getState().withdrawError?.message ?? '撤回失败', icon: 'none' });
  };
  return (
    <View className="pf-remind" data-purpose={reminder.purpose}>
      <View className="pf-remind__text">
        <Text className="pf-remind__title">{reminder.title}</Text>
        <Text className="pf-remind__credits">{creditText(reminder.credits)}</Text>
        {reminder.campaigns.length ? (
          <Text className="pf-remind__campaigns">{`活动：${reminder.campaigns.map((c) => c.title).join('、')}`}</Text>
        ) : null}
      </View>
      {reminder.credits > 0 ? (
        <Button variant="ghost" size="sm" loading={withdrawing} onClick={() => void withdraw()}>
          撤回
        </Button>
      ) : null}
    </View>
  );
}

/** 消息提醒: what the member allowed per purpose (one message per 允许), each to withdraw. */
export function ReminderCredits() {
  const data = useRemindersStore((s) => s.data);
  const status = useRemindersStore((s) => s.status);
  const error = useRemindersStore((s) => s.error);
  const load = useRemindersStore((s) => s.load);
  if (data && data.reminders.length === 0) return null;
  return (
    <Card title="消息提醒" className="pf-reminders">
      {data ? (
        <View>
          {data.reminders.map((r) => (
            <CreditRow key={r.purpose} reminder={r} />
          ))}
          <Text className="pf-remind__note">每次点「允许」可收到一条该提醒，通过微信服务通知发送</Text>
        </View>
      ) : status === 'error' ? (
        <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void load()} />
      ) : (
        <Loading rows={1} />
      )}
    </Card>
  );
}
