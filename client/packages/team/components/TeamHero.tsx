import { View, Text } from '@tarojs/components';
import type { ChallengeView, TeamProgress } from '@shared/contracts/team';
import { ProgressBar } from '@/components/ProgressBar';
import { StatusTag } from '@/components/StatusTag';
import { challengePhaseText, teamLineText, teamStatusLabel, teamStatusTone } from '@/copy/team';
import { formatNumber } from '@/utils/format';
import './TeamHero.css';

export interface TeamHeroProps {
  challenge: ChallengeView;
  /** The member's team; without one the hero shows the challenge alone. */
  team: TeamProgress | null;
}

const UNIT = { checkins: '次签到', checkinDays: '天', redemptions: '次兑换', purchases: '次消费' } as const;

/** The top of the team page: the challenge, the team's status and its bar toward the goal. */
export function TeamHero({ challenge, team }: TeamHeroProps) {
  const done = team?.status === 'completed';
  return (
    <View className={`tm-hero${done ? ' tm-hero--done' : ''}`}>
      <View className="tm-hero__orb" />
      <View className="tm-hero__top">
        <View className="tm-hero__icon">
          <Text>{challenge.icon}</Text>
        </View>
        <View className="tm-hero__titles">
          <Text className="tm-hero__title">{challenge.title}</Text>
          <Text className="tm-hero__phase">{challengePhaseText(challenge)}</Text>
        </View>
        {team ? <StatusTag tone={teamStatusTone(team.status)}>{teamStatusLabel(team.status, team.failure)}</StatusTag> : null}
      </View>
      {team ? (
        <View className="tm-hero__progress">
          <View className="tm-hero__numbers">
            <Text className="tm-hero__value mc-num">{formatNumber(team.progress)}</Text>
            <Text className="tm-hero__target mc-num">
              {' '}
              / {formatNumber(team.target)} {UNIT[team.metric]}
            </Text>
          </View>
          <ProgressBar
            value={team.target ? team.progress / team.target : 0}
            size="md"
            color="#FFFFFF"
            trackColor="rgba(255,255,255,0.25)"
          />
          <Text className="tm-hero__line">{teamLineText(team)}</Text>
        </View>
      ) : (
        <Text className="tm-hero__desc">{challenge.description}</Text>
      )}
    </View>
  );
}
