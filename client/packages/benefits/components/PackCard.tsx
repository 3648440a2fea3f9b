import { View, Text } from '@tarojs/components';
import type { PackView } from '@shared/contracts/redeem';
import { PACK_SCENE_NAMES } from '@shared/content/ids';
import { Button } from '@/components/Button';
import { StatusTag } from '@/components/StatusTag';
import { limitText, packAvailability, requiresText, stockText } from '@/copy/packEligibility';
import { tierColors } from '@/styles/tokens';
import { formatNumber } from '@/utils/format';
import './PackCard.css';

export interface PackCardProps {
  pack: PackView;
  onRedeem: () => void;
}

/** A benefit pack: cost, stock, schedule and limit; redeem, or the one reason why not yet. */
export function PackCard({ pack, onRedeem }: PackCardProps) {
  const a = packAvailability(pack);
  const requires = requiresText(pack);
  return (
    <View className="pk" style={{ borderTopColor: tierColors[pack.minTier] }}>
      <View className="pk__head">
        <Text className="pk__title">{pack.title}</Text>
        {pack.scene !== 'normal' ? <StatusTag tone="accent">{PACK_SCENE_NAMES[pack.scene]}</StatusTag> : null}
        {requires ? <StatusTag tone="primary">{requires}</StatusTag> : null}
      </View>
      <Text className="pk__desc">{pack.description}</Text>
      <View className="pk__meta">
        {pack.scheduleText ? <Text className="pk__meta-item">🕐 {pack.scheduleText}</Text> : null}
        {pack.dateText ? <Text className="pk__meta-item">📅 {pack.dateText}</Text> : null}
        <Text className="pk__meta-item">{limitText(pack)}</Text>
        <Text className="pk__meta-item">{stockText(pack.stockLeft)}</Text>
        <Text className="pk__meta-item">券 {pack.voucherDays} 天内有效</Text>
      </View>
      <View className="pk__foot">
        <Text className="pk__cost mc-num">
          {formatNumber(pack.cost)}
          <Text className="pk__unit"> 积分</Text>
        </Text>
        <Button size="sm" variant={a.redeemable ? 'primary' : 'ghost'} disabled={!a.redeemable} onClick={onRedeem}>
          {a.action}
        </Button>
      </View>
      {a.reason ? <Text className="pk__reason">{a.reason}</Text> : null}
    </View>
  );
}
