import { View, Text } from '@tarojs/components';
import type { InviteCardData } from '@shared/contracts/invite';
import type { TierId } from '@shared/content/ids';
import { Avatar } from '@/components/Avatar';
import { TierTag } from '@/components/TierTag';
import { POSTER_COPY } from '@/features/poster/layout';
import './InviteCardPreview.css';

export interface InviteCardPreviewProps {
  card: InviteCardData;
  tier: TierId;
  tierName?: string;
}

/** The invite card as a friend will see it: who invites, a line of copy, the code. No reward wording. */
export function InviteCardPreview({ card, tier, tierName }: InviteCardPreviewProps) {
  return (
    <View className="ic">
      <View className="ic__deco ic__deco--a" />
      <View className="ic__deco ic__deco--b" />
      <View className="ic__who">
        <Avatar src={card.avatarUrl} name={card.nickname} size="lg" ring />
        <View className="ic__who-text">
          <Text className="ic__name">{card.nickname}</Text>
          <TierTag tier={tier} name={tierName} onColor />
        </View>
      </View>
      <Text className="ic__headline">{POSTER_COPY.headline}</Text>
      <Text className="ic__features">{POSTER_COPY.features}</Text>
      <View className="ic__code">
        <Text className="ic__code-label">邀请码</Text>
        <Text className="ic__code-value mc-num">{card.code}</Text>
      </View>
    </View>
  );
}
