import { View, Text } from '@tarojs/components';
import type { HomeData } from '@shared/contracts/member';
import { CheckinButton } from '@/components/CheckinButton';
import { bonusText, nextBonusText, rewardText, streakText } from '@/copy/checkin';
import { go } from '@/routes';
import { useCheckinStore } from '@/stores/checkin';

export interface CheckinPanelProps {
  home: HomeData;
}

/** Today's check-in: the button, the streak, what today brought and the next streak bonus. */
export function CheckinPanel({ home }: CheckinPanelProps) {
  const { member } = home;
  const result = useCheckinStore((s) => (s.lastResult?.date === home.today ? s.lastResult : null));
  const fresh = result !== null && !result.alreadyCheckedIn;
  const next = nextBonusText(home.nextStreakBonus, member.checkedInToday);
  return (
    <View className="home-checkin">
      <CheckinButton />
      <View className="home-checkin__info">
        <Text className="home-checkin__title">每日签到</Text>
        <Text className="home-checkin__streak">{streakText(member.streak)}</Text>
        {fresh && result ? (
          <View className="home-checkin__reward">
            <Text className="home-checkin__reward-main">签到成功 {rewardText(result.reward)}</Text>
            {result.reward.bonus ? <Text className="home-checkin__reward-bonus">{bonusText(result.reward)}</Text> : null}
            {result.tierChanged ? <Text className="home-checkin__reward-bonus">恭喜升级为{result.tierChanged.toName}！</Text> : null}
          </View>
        ) : next ? (
          <Text className="home-checkin__next">{next}</Text>
        ) : null}
        <View className="home-checkin__link" onClick={() => go('checkin')}>
          <Text>签到日历 · 最长连续 {member.streak.best} 天 ›</Text>
        </View>
      </View>
    </View>
  );
}
