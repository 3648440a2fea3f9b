import { View, Text } from '@tarojs/components';
import type { AttendedEventView, EventView } from '@shared/contracts/event';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { rewardText } from '@/copy/checkin';
import { EVENT_PHASE, eventRewardText, eventTimeText } from '@/copy/events';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useEventsStore } from '@/stores/events';
import { formatDateTime, formatNumber } from '@/utils/format';
import './index.css';

function UpcomingEvent({ event }: { event: EventView }) {
  const phase = EVENT_PHASE[event.phase];
  return (
    <View className="ev-item">
      <View className="ev-item__head">
        <Text className="ev-item__title">{event.title}</Text>
        <StatusTag tone={phase.tone}>{phase.text}</StatusTag>
      </View>
      <Text className="ev-item__line">
        {event.kindName} · {eventTimeText(event.startAt, event.endAt)}
      </Text>
      <Text className="ev-item__line">📍 {event.place}</Text>
      {event.description ? <Text className="ev-item__desc">{event.description}</Text> : null}
      {eventRewardText(event) ? <Text className="ev-item__reward">{eventRewardText(event)}</Text> : null}
      {event.badge ? (
        <Text className="ev-item__badge">
          {event.badge.icon} 到场即得「{event.badge.name}」徽章
        </Text>
      ) : null}
    </View>
  );
}

function AttendedEvent({ event }: { event: AttendedEventView }) {
  const reward = rewardText(event);
  return (
    <View className="ev-row">
      <View className="ev-row__body">
        <Text className="ev-row__title">{event.title}</Text>
        <Text className="ev-row__time">
          {formatDateTime(event.attendedAt)} 签到 · {event.place}
        </Text>
      </View>
      {reward ? <Text className="ev-row__reward mc-num">{reward}</Text> : null}
    </View>
  );
}

/** 我的活动: events to come (check in at the door with the 会员码) and the ones attended. */
export default function MyEvents() {
  const mine = useEventsStore((s) => s.mine);
  const status = useEventsStore((s) => s.status);
  const error = useEventsStore((s) => s.error);
  const load = useEventsStore((s) => s.load);

  usePageData(({ quiet }) => load({ quiet }));

  return (
    <Screen>
      <PageState status={status} error={error} hasData={mine !== null} onRetry={() => void load()}>
        {mine ? (
          <View>
            <Card className="ev-head">
              <View className="ev-head__stats">
                <View className="ev-head__stat">
                  <Text className="ev-head__value mc-num">{formatNumber(mine.totals.events)}</Text>
                  <Text className="ev-head__label">参加活动（场）</Text>
                </View>
                <View className="ev-head__stat">
                  <Text className="ev-head__value mc-num">{formatNumber(mine.totals.courses)}</Text>
                  <Text className="ev-head__label">其中课程（节）</Text>
                </View>
              </View>
              <Text className="ev-head__hint">到场后向工作人员出示会员码即可签到，签到奖励即时到账。</Text>
              <Button block variant="secondary" onClick={() => go('memberCode')}>
                出示会员码
              </Button>
            </Card>

            <Card title="近期活动">
              {mine.upcoming.length ? (
                mine.upcoming.map((e) => <UpcomingEvent key={e.id} event={e} />)
              ) : (
                <EmptyState icon="📅" title="暂时没有新活动" description="有新的线下活动时会出现在这里" />
              )}
            </Card>

            <Card title="参加过的活动">
              {mine.attended.length ? (
                mine.attended.map((e) => <AttendedEvent key={e.eventId} event={e} />)
              ) : (
                <EmptyState icon="🎪" title="还没有参加过线下活动" description="参加活动并扫码签到后，记录会出现在这里" />
              )}
            </Card>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
