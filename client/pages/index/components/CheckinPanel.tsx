import { View, Text } from '@tarojs/components';
import { tierRank } from '@shared/content/ids';
import type { CheckinData } from '@shared/contracts/checkin';
import type { HomeData } from '@shared/contracts/member';
import { checkinReminderOffered } from '@shared/domain/reminders';
import { CheckinButton } from '@/components/CheckinButton';
import { ReminderPrompt } from '@/components/ReminderPrompt';
import { boostText } from '@/copy/campaign';
import { boostRewardText, bonusText, nextBonusText, rewardText, streakText } from '@/copy/checkin';
import { go } from '@/routes';
import { useCheckinStore } from '@/stores/checkin';

export interface CheckinPanelProps {
  home: HomeData;
}

const CHECKIN_REMINDER = ['checkinReminder'] as const;

/** "恭喜升级为进阶层！升级礼 +100 积分、健康福利包券一张". */
function tierChangeText(change: NonNullable<CheckinData['tierChanged']>): string {
  if (tierRank(change.to) < tierRank(change.from)) return `部分成长值已到期，等级调整为${change.toName}`;
  const up = `恭喜升级为${change.toName}！`;
  const gift = change.entryReward;
  if (!gift) return up;
  const parts = [gift.points ? `+${gift.points} 积分` : '', gift.packTitle ? `「${gift.packTitle}」券一张` : ''].filter(Boolean);
  return `${up}升级礼 ${parts.join('、')} 已发放`;
}

/** Today's check-in: the button, the streak, what today brought and the next streak bonus. */
export function CheckinPanel({ home }: CheckinPanelProps) {
  const { member } = home;
  const result = useCheckinStore((s) => (s.lastResult?.date === home.today ? s.lastResult : null));
  const fresh = result !== null && !result.alreadyCheckedIn;
  const next = nextBonusText(home.nextStreakBonus, member.checkedInToday);
  const live = home.campaign?.phase === 'live' ? home.campaign : null;
  const boostToday = live && !member.checkedInToday ? boostText(live.boost) : '';
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
            {result.reward.boost ? <Text className="home-checkin__boost">{boostRewardText(result.reward)}</Text> : null}
            {result.tierChanged ? <Text className="home-checkin__reward-bonus">{tierChangeText(result.tierChanged)}</Text> : null}
            {result.inviteeReward ? (
              <Text className="home-checkin__reward-bonus">你已成为活跃会员，激活奖励 {rewardText(result.inviteeReward)}</Text>
            ) : null}
            {checkinReminderOffered(result.streak.current) ? (
              <ReminderPrompt promptKey={`checkin:${result.date}`} purposes={CHECKIN_REMINDER} label="明天提醒我签到" />
            ) : null}
          </View>
        ) : next ? (
          <Text className="home-checkin__next">{next}</Text>
        ) : null}
        {boostToday ? <Text className="home-checkin__boost">{`「${live?.title ?? ''}」进行中：今日${boostToday}`}</Text> : null}
        <View className="home-checkin__link" onClick={() => go('checkin')}>
          <Text>签到日历 · 最长连续 {member.streak.best} 天 ›</Text>
        </View>
      </View>
    </View>
  );
}
