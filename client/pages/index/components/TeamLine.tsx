import { View, Text } from '@tarojs/components';
import type { HomeData } from '@shared/contracts/member';
import { ProgressBar } from '@/components/ProgressBar';
import { teamLineText } from '@/copy/team';
import { go } from '@/routes';
import { colors } from '@/styles/tokens';

export interface TeamLineProps {
  home: HomeData;
}

/**
 * The member's team in one line ("你的队伍还差 6 次签到") with its bar; outside a team, a quiet
 * way into the challenges taking teams. Nothing at all when neither applies.
 */
export function TeamLine({ home }: TeamLineProps) {
  const team = home.team;
  if (team) {
    const done = team.status === 'completed';
    return (
      <View className="home-team" hoverClass="home-team--pressed" onClick={() => go('team', { challenge: team.challengeId })}>
        <View className="home-team__icon">
          <Text>{team.icon}</Text>
        </View>
        <View className="home-team__body">
          <View className="home-team__row">
            <Text className="home-team__title">{team.title}</Text>
            <Text className="home-team__count mc-num">
              {team.progress}/{team.target}
            </Text>
          </View>
          <ProgressBar value={team.target ? team.progress / team.target : 0} size="xs" color={done ? colors.success : colors.accent} />
          <Text className="home-team__line">{teamLineText(team)}</Text>
        </View>
        <Text className="home-team__chevron">›</Text>
      </View>
    );
  }
  if (home.teamChallengesOpen > 0) {
    return (
      <View className="home-team home-team--invite" hoverClass="home-team--pressed" onClick={() => go('challenges')}>
        <View className="home-team__icon">
          <Text>🏁</Text>
        </View>
        <View className="home-team__body">
          <Text className="home-team__title">组队挑战赛</Text>
          <Text className="home-team__line">{home.teamChallengesOpen} 个挑战正在组队，约上好友一起坚持</Text>
        </View>
        <Text className="home-team__chevron">›</Text>
      </View>
    );
  }
  return null;
}
