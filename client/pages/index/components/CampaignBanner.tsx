import { View, Text } from '@tarojs/components';
import type { CampaignView } from '@shared/contracts/member';
import { campaignBoostsText, PHASE_LABELS, phaseLine } from '@/copy/campaign';
import { go } from '@/routes';
import { cx } from '@/utils/cx';

export interface CampaignBannerProps {
  campaign: CampaignView;
}

/** The campaign that matters now: a countdown and the packs to come, the live boost, or the way to the recap. */
export function CampaignBanner({ campaign: c }: CampaignBannerProps) {
  const boost = campaignBoostsText(c);
  return (
    <View className={cx('home-campaign', `home-campaign--${c.phase}`)} onClick={() => go('campaign', { id: c.id })}>
      <View className="home-campaign__top">
        <Text className="home-campaign__tag">{PHASE_LABELS[c.phase]}</Text>
        <Text className="home-campaign__when">{phaseLine(c)}</Text>
      </View>
      <View className="home-campaign__main">
        <View className="home-campaign__text">
          <Text className="home-campaign__title">{c.title}</Text>
          {c.phase === 'preheat' ? (
            <Text className="home-campaign__line">
              {c.packs.length ? `即将上线：${c.packs.map((p) => p.title).join('、')}` : boost ? `开始后${boost}` : c.description}
            </Text>
          ) : null}
          {c.phase === 'live' ? (
            <Text className="home-campaign__line">
              {[boost, c.badge ? (c.joined ? `已获得「${c.badge.name}」徽章` : `活动期间签到得「${c.badge.name}」徽章`) : '']
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ) : null}
          {c.phase === 'recap' ? <Text className="home-campaign__line">看看你在活动中的签到、积分和徽章</Text> : null}
        </View>
        {c.phase === 'preheat' && c.daysToStart > 0 ? (
          <View className="home-campaign__count">
            <Text className="home-campaign__count-num mc-num">{c.daysToStart}</Text>
            <Text className="home-campaign__count-unit">天后开始</Text>
          </View>
        ) : (
          <Text className="home-campaign__go">{c.phase === 'recap' ? '活动回顾 ›' : '查看 ›'}</Text>
        )}
      </View>
    </View>
  );
}
