import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input } from '@tarojs/components';
import type { HostedEventView } from '@shared/contracts/event';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { OutcomeCard } from '../../components/OutcomeCard';
import { rewardText } from '@/copy/checkin';
import { eventTimeText } from '@/copy/events';
import { usePageData } from '@/hooks/usePageData';
import { canScan, scanCode } from '@/platform/scanner';
import { useHostCheckinStore } from '@/stores/hostCheckin';
import { cx } from '@/utils/cx';
import { formatDateTime, formatTime } from '@/utils/format';
// The outcome card and the code input look as on the voucher page.
import '../verify/index.css';
import './index.css';

const FAILURE_TITLES: Record<string, string> = {
  ALREADY_ATTENDED: '这位会员已经签到过了',
  MEMBER_CODE_EXPIRED: '会员码已过期',
  MEMBER_CODE_INVALID: '会员码无效',
  NOT_AVAILABLE_NOW: '不在签到时间内',
  FORBIDDEN: '你还没有活动签到权限',
  RATE_LIMITED: '操作太频繁了',
};

function EventChoice({ event, chosen, onChoose }: { event: HostedEventView; chosen: boolean; onChoose: () => void }) {
  return (
    <View className={cx('ec-event', chosen && 'ec-event--chosen')} onClick={onChoose}>
      <View className="ec-event__head">
        <Text className="ec-event__title">{event.title}</Text>
        <StatusTag tone={event.open ? 'success' : 'neutral'}>{event.open ? '可签到' : '未开放'}</StatusTag>
      </View>
      <Text className="ec-event__line">
        {eventTimeText(event.startAt, event.endAt)} · {event.place}
      </Text>
      <Text className="ec-event__line">
        已签到 {event.attended} 人 · 签到时间 {formatTime(event.opensAt)}–{formatTime(event.closesAt)}
      </Text>
    </View>
  );
}

function Outcome() {
  const result = useHostCheckinStore((s) => s.result);
  const error = useHostCheckinStore((s) => s.error);
  const reset = useHostCheckinStore((s) => s.reset);
  if (result) {
    const reward = rewardText(result);
    return (
      <OutcomeCard ok title="已签到" next="继续签到" onNext={reset}>
        <Text className="vf-outcome__text">
          {result.memberNickname} · {formatDateTime(result.attendedAt)}
        </Text>
        {reward ? <Text className="ec-outcome__reward">{reward}</Text> : null}
        {result.badgeName ? <Text className="vf-outcome__text">获得徽章「{result.badgeName}」</Text> : null}
      </OutcomeCard>
    );
  }
  if (error) {
    const firstAt = typeof error.details?.attendedAt === 'string' ? error.details.attendedAt : null;
    return (
      <OutcomeCard ok={false} title={FAILURE_TITLES[error.code] ?? '签到未成功'} next="继续签到" onNext={reset}>
        <Text className="vf-outcome__text">{firstAt ? `该会员已于 ${formatDateTime(firstAt)} 签到，无需重复签到。` : error.message}</Text>
      </OutcomeCard>
    );
  }
  return null;
}

/** 活动签到: staff with role host (or verifier) pick today's event and scan members' 会员码 at the door. */
export default function EventCheckin() {
  const [typed, setTyped] = useState('');
  const hosting = useHostCheckinStore((s) => s.hosting);
  const status = useHostCheckinStore((s) => s.hostingStatus);
  const error = useHostCheckinStore((s) => s.hostingError);
  const load = useHostCheckinStore((s) => s.loadHosting);
  const eventId = useHostCheckinStore((s) => s.eventId);
  const choose = useHostCheckinStore((s) => s.choose);
  const submit = useHostCheckinStore((s) => s.submit);
  const checking = useHostCheckinStore((s) => s.checking);

  usePageData(({ quiet }) => load({ quiet }));
  const chosen = hosting?.events.find((e) => e.id === eventId) ?? null;

  const send = (value: string) => {
    if (submit(value)) setTyped('');
    else void Taro.showToast({ title: '会员码是 18 位数字，请检查', icon: 'none' });
  };
  const scan = async () => {
    const text = await scanCode();
    if (text) send(text);
  };

  return (
    <Screen>
      <PageState status={status} error={error} hasData={hosting !== null} onRetry={() => void load()}>
        {hosting ? (
          <View>
            <Card title="今天的活动" extra={<Text>开始前、结束后 {hosting.graceMinutes} 分钟内可签到</Text>}>
              {hosting.events.length ? (
                hosting.events.map((e) => <EventChoice key={e.id} event={e} chosen={e.id === eventId} onChoose={() => choose(e.id)} />)
              ) : (
                <EmptyState icon="📅" title="今天没有线下活动" description="活动由运营在「线下活动」中设置" />
              )}
            </Card>
            {chosen ? (
              <Card className="vf-head">
                <Text className="vf-head__title">{chosen.title}</Text>
                <Text className="vf-head__text">
                  {canScan ? '扫描会员出示的会员码，或手动输入 18 位数字。' : '输入会员出示的 18 位会员码数字（可带空格）。'}
                </Text>
                {canScan ? (
                  <Button block size="lg" className="vf-head__scan" onClick={() => void scan()} loading={checking}>
                    扫码签到
                  </Button>
                ) : null}
                <View className="vf-input">
                  <Input
                    className="vf-input__field"
                    value={typed}
                    type="number"
                    placeholder="例如 1234 5678 9012 3456 78"
                    maxlength={24}
                    confirmType="done"
                    onInput={(e) => setTyped(e.detail.value)}
                    onConfirm={() => send(typed)}
                  />
                  <Button
                    size="sm"
                    variant={canScan ? 'secondary' : 'primary'}
                    onClick={() => send(typed)}
                    disabled={!typed.trim()}
                    loading={checking}
                  >
                    签到
                  </Button>
                </View>
              </Card>
            ) : hosting.events.length ? (
              <Text className="ec-pick">先在上面选择要签到的活动</Text>
            ) : null}
            <Outcome />
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
