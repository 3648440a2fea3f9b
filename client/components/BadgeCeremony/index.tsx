import { View, Text } from '@tarojs/components';
import type { BadgeCeremony as Ceremony } from '@shared/contracts/member';
import { BADGE_RARITY_NAMES } from '@shared/content/ids';
import { rarityText } from '@shared/domain/rarity';
import { rarityColors } from '@/styles/tokens';
import { Button } from '../Button';

export interface BadgeCeremonyProps {
  badge: Ceremony;
  onAccept: () => void;
  /** 分享: makes the badge card (a poster; no reward wording). */
  onShare: () => void;
}

const SPARKS = [0, 1, 2, 3, 4, 5, 6, 7];

/** The full-screen moment a badge is earned: glow, the badge, its name and rarity; 分享 / 收下. */
export function BadgeCeremony({ badge, onAccept, onShare }: BadgeCeremonyProps) {
  const color = rarityColors[badge.rarity];
  return (
    <View className="mc-ceremony" catchMove>
      <View className="mc-ceremony__backdrop" />
      <View className="mc-ceremony__stage">
        <Text className="mc-ceremony__eyebrow">解锁新徽章</Text>
        <View className="mc-ceremony__medal-wrap">
          <View className="mc-ceremony__glow" style={{ background: `radial-gradient(circle, ${color}66 0%, ${color}00 70%)` }} />
          {SPARKS.map((i) => (
            <View key={i} className={`mc-ceremony__spark mc-ceremony__spark--${i}`} style={{ background: color }} />
          ))}
          <View className="mc-ceremony__medal" style={{ borderColor: color }}>
            <Text className="mc-ceremony__icon">{badge.icon}</Text>
          </View>
        </View>
        <Text className="mc-ceremony__name">{badge.name}</Text>
        <Text className="mc-ceremony__desc">{badge.description}</Text>
        <View className="mc-ceremony__rarity" style={{ color, borderColor: color }}>
          <Text>
            {BADGE_RARITY_NAMES[badge.rarity]} · {rarityText(badge.rarityPct)}
          </Text>
        </View>
        <View className="mc-ceremony__actions">
          <Button variant="ghost" className="mc-ceremony__share" onClick={onShare}>
            分享
          </Button>
          <Button className="mc-ceremony__accept" variant="accent" onClick={onAccept}>
            收下
          </Button>
        </View>
      </View>
    </View>
  );
}
