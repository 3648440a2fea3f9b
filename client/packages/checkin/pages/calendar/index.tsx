import { View, Text } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { addMonths } from '@shared/time/shanghai';
import { Card } from '@/components/Card';
import { CheckinButton } from '@/components/CheckinButton';
import { PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { Stat } from '@/components/Stat';
import { bonusText, nextBonusText, rewardText, streakText } from '@/copy/checkin';
import { usePageData } from '@/hooks/usePageData';
import { invitePath, sharePayloadFrom } from '@/services/share';
import { useCheckinStore } from '@/stores/checkin';
import { useMemberStore } from '@/stores/member';
import { formatMonth, formatNumber } from '@/utils/format';
import { MonthCalendar } from '../../components/MonthCalendar';
import './index.css';

export default function CheckinCalendar() {
  const month = useCheckinStore((s) => s.month);
  const calendar = useCheckinStore((s) => (s.month ? s.calendars[s.month] : undefined));
  const status = useCheckinStore((s) => s.status);
  const error = useCheckinStore((s) => s.error);
  const loadMonth = useCheckinStore((s) => s.loadMonth);
  const home = useMemberStore((s) => s.home);
  const result = useCheckinStore((s) =>
    s.lastResult && s.lastResult.date === calendar?.today && !s.lastResult.alreadyCheckedIn ? s.lastResult : null,
  );

  usePageData(() =>
    Promise.all([useMemberStore.getState().load({ quiet: true }), loadMonth(useCheckinStore.getState().month ?? undefined)]),
  );

  useShareAppMessage((event) => sharePayloadFrom(event, { title: '一起来每日签到吧', path: invitePath(home?.invite.code) }));

  const thisMonth = calendar?.today.slice(0, 7);
  const streak = home?.member.streak ?? calendar?.streak;
  const next = home ? nextBonusText(home.nextStreakBonus, home.member.checkedInToday) : '';

  return (
    <Screen>
      <PageState status={status} error={error} hasData={calendar !== undefined} onRetry={() => void loadMonth(month ?? undefined)}>
        {calendar && streak ? (
          <View>
            <Card className="ck-hero">
              <View className="ck-hero__main">
                <CheckinButton size="md" />
                <View className="ck-hero__text">
                  <Text className="ck-hero__streak">{streakText(streak)}</Text>
                  {result ? (
                    <View className="ck-hero__reward">
                      <Text className="ck-hero__reward-main">今日获得 {rewardText(result.reward)}</Text>
                      {result.reward.bonus ? <Text className="ck-hero__reward-sub">{bonusText(result.reward)}</Text> : null}
                    </View>
                  ) : null}
                  {next ? <Text className="ck-hero__next">{next}</Text> : null}
                </View>
              </View>
              <View className="ck-hero__stats">
                <Stat label="当前连续" value={streak.current} unit="天" />
                <Stat label="最长连续" value={streak.best} unit="天" />
                <Stat label="累计签到" value={home?.member.checkinDays ?? calendar.totals.days} unit="天" />
              </View>
            </Card>

            <Card>
              <View className="ck-month">
                <View className="ck-month__arrow" onClick={() => void loadMonth(addMonths(calendar.month, -1))}>
                  <Text>‹</Text>
                </View>
                <Text className="ck-month__title">{formatMonth(calendar.month)}</Text>
                <View
                  className={`ck-month__arrow ${thisMonth && calendar.month >= thisMonth ? 'ck-month__arrow--off' : ''}`}
                  onClick={() => {
                    if (thisMonth && calendar.month < thisMonth) void loadMonth(addMonths(calendar.month, 1));
                  }}
                >
                  <Text>›</Text>
                </View>
              </View>
              <MonthCalendar calendar={calendar} />
              <View className="ck-month__totals">
                <Text>
                  本月签到 <Text className="ck-strong mc-num">{calendar.totals.days}</Text> 天，获得{' '}
                  <Text className="ck-strong mc-num">{formatNumber(calendar.totals.points)}</Text> 积分 ·{' '}
                  <Text className="ck-strong mc-num">{formatNumber(calendar.totals.growth)}</Text> 成长值
                </Text>
              </View>
            </Card>

            <View className="ck-legend">
              <View className="ck-legend__item">
                <View className="ck-legend__dot ck-legend__dot--done" />
                <Text>已签到</Text>
              </View>
              <View className="ck-legend__item">
                <View className="ck-legend__dot ck-legend__dot--bonus" />
                <Text>连续签到奖励</Text>
              </View>
              <View className="ck-legend__item">
                <View className="ck-legend__dot ck-legend__dot--today" />
                <Text>今天</Text>
              </View>
            </View>
            <Text className="ck-note">签到按北京时间计算，每天 0 点开始新的一天。断签后连续天数从 1 重新开始，已获得的徽章不会收回。</Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
