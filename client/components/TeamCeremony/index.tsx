import { View, Text } from '@tarojs/components';
import type { TeamCeremony as Ceremony } from '@shared/contracts/team';
import { formatNumber } from '@/utils/format';
import { Button } from '../Button';

export interface TeamCeremonyProps {
  reward: Ceremony;
  onAccept: () => void;
  /** Opens the team's page. */
  onOpen?: () => void;
}

const SPARKS = [0, 1, 2, 3, 4, 5, 6, 7];
const GOLD = '#E8B43A';

/** The moment a team challenge is won: the challenge, what each member got (already in their balance), 收下. */
export function TeamCeremony({ reward, onAccept, onOpen }: TeamCeremonyProps) {
  return (
    <View className="mc-ceremony mc-team-ceremony" catchMove>
      <View className="mc-ceremony__backdrop" />
      <View className="mc-ceremony__stage">
        <Text className="mc-ceremony__eyebrow">组队挑战完成</Text>
        <View className="mc-ceremony__medal-wrap">
          <View className="mc-ceremony__glow" style={{ background: `radial-gradient(circle, ${GOLD}66 0%, ${GOLD}00 70%)` }} />
          {SPARKS.map((i) => (
            <View key={i} className={`mc-ceremony__spark mc-ceremony__spark--${i}`} style={{ background: GOLD }} />
          ))}
          <View className="mc-ceremony__medal" style={{ borderColor: GOLD }}>
            <Text className="mc-ceremony__icon">{reward.icon}</Text>
          </View>
        </View>
        <Text className="mc-ceremony__name">{reward.title}</Text>
        <Text className="mc-ceremony__desc">你和队友一起做到了！奖励已发到每位队员</Text>
        <View className="mc-team-ceremony__gains">
          {reward.points ? (
            <View className="mc-team-ceremony__gain">
              <Text className="mc-team-ceremony__gain-value mc-num">+{formatNumber(reward.points)}</Text>
              <Text className="mc-team-ceremony__gain-label">积分</Text>
            </View>
          ) : null}
          {reward.growth ? (
            <View className="mc-team-ceremony__gain">
              <Text className="mc-team-ceremony__gain-value mc-num">+{formatNumber(reward.growth)}</Text>
              <Text className="mc-team-ceremony__gain-label">成长值</Text>
            </View>
          ) : null}
          {reward.badge ? (
            <View className="mc-team-ceremony__gain">
              <Text className="mc-team-ceremony__gain-value">{reward.badge.icon}</Text>
              <Text className="mc-team-ceremony__gain-label">{reward.badge.name}</Text>
            </View>
          ) : null}
        </View>
        <View className="mc-ceremony__actions">
          {onOpen ? (
            <Button variant="ghost" className="mc-ceremony__share" onClick={onOpen}>
              看看队伍
            </Button>
          ) : null}
          <Button className="mc-ceremony__accept" variant="accent" onClick={onAccept}>
            收下
          </Button>
        </View>
      </View>
    </View>
  );
}
