import { useEffect, useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { BadgeView } from '@shared/contracts/member';
import { BADGE_RARITY_NAMES } from '@shared/content/ids';
import { rarityText } from '@shared/domain/rarity';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { PosterSheet } from '@/components/PosterSheet';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { badgeCardLayout } from '@/features/poster/badgeCard';
import { usePoster } from '@/features/poster/usePoster';
import { usePageData } from '@/hooks/usePageData';
import { memberService } from '@/services/member';
import { useBadgesStore } from '@/stores/badges';
import { rarityColors } from '@/styles/tokens';
import { cx } from '@/utils/cx';
import { formatDay, formatFullDay } from '@/utils/format';
import './index.css';

function Medal({ badge, size }: { badge: BadgeView; size: 'md' | 'lg' }) {
  const color = rarityColors[badge.rarity];
  return (
    <View
      className={cx('bw-medal', `bw-medal--${size}`, !badge.earned && 'bw-medal--locked')}
      style={badge.earned ? { borderColor: color, boxShadow: `0 6px 18px ${color}40` } : undefined}
    >
      <Text className="bw-medal__icon">{badge.icon}</Text>
      {!badge.earned ? <Text className="bw-medal__lock">🔒</Text> : null}
    </View>
  );
}

function BadgeTile({ badge, onOpen }: { badge: BadgeView; onOpen: () => void }) {
  const { current, target } = badge.progress;
  return (
    <View className="bw-tile" hoverClass="bw-tile--pressed" onClick={onOpen}>
      {badge.rarity !== 'common' ? (
        <Text className="bw-tile__rarity" style={{ color: rarityColors[badge.rarity] }}>
          {BADGE_RARITY_NAMES[badge.rarity]}
        </Text>
      ) : null}
      <Medal badge={badge} size="md" />
      <Text className={cx('bw-tile__name', !badge.earned && 'bw-tile__name--locked')}>{badge.name}</Text>
      {badge.earned && badge.earnedAt ? (
        <Text className="bw-tile__meta">{formatDay(badge.earnedAt)}获得</Text>
      ) : (
        <View className="bw-tile__progress">
          <ProgressBar value={target ? current / target : 0} size="xs" color="#A39E95" />
          <Text className="bw-tile__meta">{badge.remainingText}</Text>
        </View>
      )}
    </View>
  );
}

const CARD_CANVAS_ID = 'badge-card';

function BadgeDetail({ badge, onClose, onShare }: { badge: BadgeView; onClose: () => void; onShare: () => void }) {
  const color = rarityColors[badge.rarity];
  const { current, target } = badge.progress;
  return (
    <Sheet
      open
      title={badge.earned ? '已获得的徽章' : '未解锁的徽章'}
      onClose={onClose}
      footer={
        badge.earned ? (
          <Button block variant="accent" onClick={onShare}>
            分享徽章卡
          </Button>
        ) : undefined
      }
    >
      <View className="bw-detail">
        <Medal badge={badge} size="lg" />
        <Text className="bw-detail__name">{badge.name}</Text>
        <Text className="bw-detail__desc">{badge.description}</Text>
        <View className="bw-detail__rarity" style={{ color, borderColor: color }}>
          <Text>
            {BADGE_RARITY_NAMES[badge.rarity]} · {rarityText(badge.rarityPct)}
          </Text>
        </View>
        {badge.earned ? (
          <Text className="bw-detail__earned">{badge.earnedAt ? `于 ${formatFullDay(badge.earnedAt)} 点亮` : '已点亮'}</Text>
        ) : (
          <View className="bw-detail__progress">
            <View className="bw-detail__progress-row">
              <Text>当前进度</Text>
              <Text className="mc-num">
                {current} / {target}
              </Text>
            </View>
            <ProgressBar value={target ? current / target : 0} size="md" color={color} />
            <Text className="bw-detail__remaining">{badge.remainingText}</Text>
          </View>
        )}
      </View>
    </Sheet>
  );
}

export default function BadgeWall() {
  const status = useBadgesStore((s) => s.status);
  const error = useBadgesStore((s) => s.error);
  const data = useBadgesStore((s) => s.data);
  const selectedId = useBadgesStore((s) => s.selectedId);
  const load = useBadgesStore((s) => s.load);
  const select = useBadgesStore((s) => s.select);
  usePageData(() => load());
  const poster = usePoster(CARD_CANVAS_ID, '徽章卡.png');

  /** The shareable card of an earned badge: drawn with the badge wall's mini-program code. */
  const shareCard = (badgeId: string) => {
    select(null);
    void poster.make(async () => {
      const card = await memberService.badgeCard(badgeId);
      return badgeCardLayout({
        nickname: card.nickname,
        avatarUrl: card.avatarUrl,
        badge: card.badge,
        earnedOn: formatFullDay(card.badge.earnedAt),
        qrUrl: card.qrUrl,
      });
    });
  };

  // Arriving from the unlock ceremony's 分享 (`?card=<badgeId>`): the card is made once the wall is known.
  const { params } = useRouter();
  const cardAsked = useRef(false);
  useEffect(() => {
    const wanted = params.card;
    if (!wanted || cardAsked.current || !data) return;
    cardAsked.current = true;
    if (data.badges.some((b) => b.id === wanted && b.earned)) shareCard(wanted);
    else void Taro.showToast({ title: '还没有点亮这枚徽章', icon: 'none' });
  });

  const selected = data?.badges.find((b) => b.id === selectedId) ?? null;
  const badges = data ? [...data.badges].sort((a, b) => a.order - b.order) : [];

  return (
    <Screen>
      <PageState status={status} error={error} hasData={data !== null} onRetry={() => void load()}>
        {data ? (
          <View>
            <Card className="bw-summary">
              <View className="bw-summary__row">
                <View>
                  <Text className="bw-summary__count mc-num">{data.earned}</Text>
                  <Text className="bw-summary__total mc-num"> / {data.total}</Text>
                </View>
                <Text className="bw-summary__label">枚徽章已点亮</Text>
              </View>
              <ProgressBar value={data.total ? data.earned / data.total : 0} size="sm" color="#E8912D" />
              <Text className="bw-summary__hint">坚持签到、兑换福利、邀请好友，点亮更多徽章</Text>
            </Card>
            {badges.length ? (
              <View className="bw-grid">
                {badges.map((b) => (
                  <BadgeTile key={b.id} badge={b} onOpen={() => select(b.id)} />
                ))}
              </View>
            ) : (
              <EmptyState icon="🏅" title="徽章还在准备中" description="运营同学正在设计新的徽章，敬请期待" />
            )}
          </View>
        ) : null}
      </PageState>
      {selected ? <BadgeDetail badge={selected} onClose={() => select(null)} onShare={() => shareCard(selected.id)} /> : null}
      <PosterSheet
        canvasId={CARD_CANVAS_ID}
        title="徽章卡"
        open={poster.open}
        src={poster.src}
        onSave={() => void poster.save()}
        onClose={poster.close}
      />
    </Screen>
  );
}
