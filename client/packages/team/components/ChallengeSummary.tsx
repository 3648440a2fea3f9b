import { View, Text } from '@tarojs/components';
import type { ChallengeView } from '@shared/contracts/team';
import { challengeDatesText, goalText, teamRewardText } from '@/copy/team';
import './ChallengeSummary.css';

export interface ChallengeSummaryProps {
  challenge: ChallengeView;
}

/** What the challenge asks and what each member of a team that makes it wins. */
export function ChallengeSummary({ challenge }: ChallengeSummaryProps) {
  const { min, max } = challenge.teamSize;
  const rows: Array<[string, string, string]> = [
    ['🎯', '目标', goalText(challenge.goal)],
    ['👥', '队伍', min === max ? `${max} 人一队` : `${min}–${max} 人一队`],
    ['📅', '时间', challengeDatesText(challenge)],
    ['🎁', '完成后每人', teamRewardText(challenge.reward)],
  ];
  return (
    <View className="tm-summary">
      {rows.map(([icon, label, value]) => (
        <View key={label} className="tm-summary__row">
          <Text className="tm-summary__icon">{icon}</Text>
          <Text className="tm-summary__label">{label}</Text>
          <Text className="tm-summary__value">{value}</Text>
        </View>
      ))}
    </View>
  );
}
