import { View, Text } from '@tarojs/components';
import type { PackView } from '@shared/contracts/redeem';
import { StatusTag } from '@/components/StatusTag';
import { packAvailability } from '@/copy/packEligibility';
import { go } from '@/routes';
import { tierInkColors, tierSoftColors } from '@/styles/tokens';
import { formatNumber } from '@/utils/format';

export interface PackTeaserProps {
  packs: PackView[];
}

/** Up to three packs for this member: what they can have now, else the nearest to reach. */
export function PackTeaser({ packs }: PackTeaserProps) {
  return (
    <View className="home-packs">
      {packs.map((pack) => {
        const a = packAvailability(pack);
        return (
          <View
            key={pack.id}
            className="home-packs__item"
            hoverClass="home-shortcuts__item--pressed"
            onClick={() => go('benefits', { tier: pack.minTier })}
          >
            <View className="home-packs__badge" style={{ background: tierSoftColors[pack.minTier], color: tierInkColors[pack.minTier] }}>
              <Text>{pack.minTierName}</Text>
            </View>
            <Text className="home-packs__title">{pack.title}</Text>
            <Text className="home-packs__cost mc-num">
              {formatNumber(pack.cost)}
              <Text className="home-packs__unit"> 积分</Text>
            </Text>
            {a.redeemable ? <StatusTag tone="success">可兑换</StatusTag> : <StatusTag tone="neutral">{a.action}</StatusTag>}
          </View>
        );
      })}
    </View>
  );
}
