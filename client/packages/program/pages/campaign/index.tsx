import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import type { CampaignView, RecapData } from '@shared/contracts/member';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, ErrorState, Loading, PageState } from '@/components/PageState';
import { PosterCanvas } from '@/components/PosterCanvas';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { StatusTag } from '@/components/StatusTag';
import { boostText, liveDatesText, PHASE_LABELS, phaseLine, purchaseBoostText } from '@/copy/campaign';
import { recapPosterLayout } from '@/features/poster/recapLayout';
import { usePageData } from '@/hooks/usePageData';
import { renderPoster, savePoster, SAVE_POSTER_LABEL } from '@/platform/poster';
import { go, replaceWith } from '@/routes';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { useProgramStore } from '@/stores/program';
import { useRecapStore } from '@/stores/recap';
import { cx } from '@/utils/cx';
import { formatNumber } from '@/utils/format';
import './index.css';

const POSTER_CANVAS_ID = 'recap-poster';

function Hero({ c }: { c: CampaignView }) {
  return (
    <View className={cx('cp-hero', `cp-hero--${c.phase}`)}>
      <Text className="cp-hero__tag">{PHASE_LABELS[c.phase]}</Text>
      <Text className="cp-hero__title">{c.title}</Text>
      <Text className="cp-hero__dates">{`活动时间 ${liveDatesText(c)}`}</Text>
      {c.phase === 'preheat' && c.daysToStart > 0 ? (
        <View className="cp-hero__count">
          <Text className="cp-hero__count-num mc-num">{c.daysToStart}</Text>
          <Text className="cp-hero__count-unit">天后开始</Text>
        </View>
      ) : (
        <Text className="cp-hero__line">{c.phase === 'recap' ? '活动已结束，感谢你的参与' : phaseLine(c)}</Text>
      )}
    </View>
  );
}

function Perks({ c }: { c: CampaignView }) {
  const boost = boostText(c.boost);
  const rows: Array<{ icon: string; text: string }> = [];
  if (boost) rows.push({ icon: '⚡', text: c.phase === 'live' ? `活动期间${boost}，签到即自动计入` : `活动期间${boost}` });
  const purchase = purchaseBoostText(c.purchaseBoost);
  if (purchase) rows.push({ icon: '🛍️', text: `活动期间在门店或商城消费，${purchase}（出示会员码或商城下单自动计入）` });
  if (c.badge) {
    rows.push({
      icon: c.badge.icon,
      text: c.joined ? `你已获得活动徽章「${c.badge.name}」` : `活动期间第一次签到，获得活动徽章「${c.badge.name}」`,
    });
  }
  if (rows.length === 0 && c.packs.length === 0) return null;
  return (
    <Card title={c.phase === 'preheat' ? '活动预告' : '活动内容'}>
      {c.description ? <Text className="cp-desc">{c.description}</Text> : null}
      {rows.map((r) => (
        <View key={r.text} className="cp-perk">
          <Text className="cp-perk__icon">{r.icon}</Text>
          <Text className="cp-perk__text">{r.text}</Text>
        </View>
      ))}
      {c.packs.length ? (
        <View className="cp-packs">
          <Text className="cp-packs__label">{c.phase === 'preheat' ? '即将上线的福利' : '活动福利'}</Text>
          {c.packs.map((p) => (
            <View key={p.id} className="cp-pack" onClick={() => go('benefits')}>
              <Text className="cp-pack__title">{p.title}</Text>
              <Text className="cp-pack__meta mc-num">{`${p.minTierName} · ${formatNumber(p.cost)} 积分`}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </Card>
  );
}

function Figures({ recap }: { recap: RecapData }) {
  const f = recap.figures;
  const cells: Array<[string, string]> = [
    [String(f.checkins), '签到天数'],
    [formatNumber(f.points), '获得积分'],
    [formatNumber(f.growth), '获得成长值'],
    [String(f.redemptions), '兑换福利'],
  ];
  return (
    <View>
      <View className="cp-figures">
        {cells.map(([value, label]) => (
          <View key={label} className="cp-figure">
            <Text className="cp-figure__value mc-num">{value}</Text>
            <Text className="cp-figure__label">{label}</Text>
          </View>
        ))}
      </View>
      {f.boostPoints > 0 ? <Text className="cp-boost-note">{`其中活动加成多得 ${formatNumber(f.boostPoints)} 积分`}</Text> : null}
      {f.badges.length ? (
        <View className="cp-badges">
          {f.badges.map((b) => (
            <View key={b.id} className="cp-badge">
              <Text className="cp-badge__icon">{b.icon}</Text>
              <Text className="cp-badge__name">{b.name}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="cp-muted">这次活动期间没有新获得的徽章</Text>
      )}
    </View>
  );
}

function MyFigures({ c }: { c: CampaignView }) {
  const recap = useRecapStore((s) => (s.campaignId === c.id ? s.data : null));
  const status = useRecapStore((s) => s.status);
  const error = useRecapStore((s) => s.error);
  const load = useRecapStore((s) => s.load);
  const member = useMemberStore((s) => s.home?.member);
  const card = useInvitesStore((s) => s.card);
  const [poster, setPoster] = useState<{ open: boolean; src: string | null; busy: boolean }>({ open: false, src: null, busy: false });

  useEffect(() => {
    void load(c.id);
  }, [c.id, load]);

  const makePoster = async () => {
    if (!recap || poster.busy) return;
    setPoster({ open: true, src: null, busy: true });
    try {
      // The mini-program code of the member's own card (cached per member), when it can be had.
      const qr =
        card ??
        (await useInvitesStore
          .getState()
          .loadCard()
          .then(() => useInvitesStore.getState().card));
      const ops = recapPosterLayout({
        nickname: recap.member.nickname,
        avatarUrl: recap.member.avatarUrl,
        tier: member?.tier ?? 'basic',
        tierName: recap.member.tierName,
        campaignTitle: recap.campaign.title,
        dates: liveDatesText(recap.campaign),
        checkins: recap.figures.checkins,
        points: recap.figures.points,
        growth: recap.figures.growth,
        redemptions: recap.figures.redemptions,
        badges: recap.figures.badges,
        qrUrl: qr?.qrUrl ?? null,
      });
      setPoster({ open: true, src: await renderPoster(ops, POSTER_CANVAS_ID), busy: false });
    } catch {
      setPoster({ open: false, src: null, busy: false });
      void Taro.showToast({ title: '卡片生成失败，请重试', icon: 'none' });
    }
  };

  const save = async () => {
    if (!poster.src) return;
    try {
      const result = await savePoster(poster.src, '活动回顾.png');
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
      if (result === 'downloaded') void Taro.showToast({ title: '卡片已下载', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
    }
  };

  return (
    <Card title={c.phase === 'recap' ? '我的活动回顾' : '我的活动数据'} extra={recap ? <Text>{`共 ${recap.days} 天`}</Text> : null}>
      {recap ? (
        <View>
          <Figures recap={recap} />
          {c.phase === 'recap' ? (
            <Button block className="cp-poster-btn" loading={poster.busy} onClick={() => void makePoster()}>
              生成回顾卡片
            </Button>
          ) : (
            <Text className="cp-muted">活动期间的数据实时更新，活动结束后可生成回顾卡片</Text>
          )}
        </View>
      ) : status === 'error' ? (
        <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void load(c.id)} />
      ) : (
        <Loading rows={2} />
      )}
      <PosterCanvas id={POSTER_CANVAS_ID} />
      <Sheet
        open={poster.open}
        title="活动回顾卡片"
        onClose={() => setPoster({ open: false, src: poster.src, busy: false })}
        footer={
          <Button block onClick={() => void save()} disabled={!poster.src}>
            {SAVE_POSTER_LABEL}
          </Button>
        }
      >
        <View className="cp-poster">
          {poster.src ? (
            <Image className="cp-poster__img" src={poster.src} mode="aspectFit" />
          ) : (
            <Text className="cp-muted">卡片生成中…</Text>
          )}
        </View>
      </Sheet>
    </Card>
  );
}

function Others({ campaigns, current }: { campaigns: CampaignView[]; current: string }) {
  const others = campaigns.filter((c) => c.id !== current);
  if (!others.length) return null;
  return (
    <Card title="更多会员活动">
      {others.map((c) => (
        <View key={c.id} className="cp-other" onClick={() => replaceWith('campaign', { id: c.id })}>
          <View className="cp-other__text">
            <Text className="cp-other__title">{c.title}</Text>
            <Text className="cp-other__line">{phaseLine(c)}</Text>
          </View>
          <StatusTag tone={c.phase === 'live' ? 'accent' : c.phase === 'preheat' ? 'primary' : 'neutral'}>
            {PHASE_LABELS[c.phase]}
          </StatusTag>
        </View>
      ))}
    </Card>
  );
}

/** 会员活动: one campaign in its phase — the pre-heat's countdown and packs to come, the live boost, the recap and its card. */
export default function Campaign() {
  const router = useRouter();
  const program = useProgramStore((s) => s.data);
  const status = useProgramStore((s) => s.status);
  const error = useProgramStore((s) => s.error);
  const load = useProgramStore((s) => s.load);
  usePageData(({ quiet }) => {
    const m = useMemberStore.getState();
    return Promise.all([load({ quiet }), m.home ? Promise.resolve() : m.load()]);
  });
  const campaigns = program?.campaigns ?? [];
  const c = campaigns.find((x) => x.id === router.params.id) ?? campaigns[0] ?? null;

  return (
    <Screen>
      <PageState status={status} error={error} hasData={program !== null} onRetry={() => void load()}>
        {c ? (
          <View>
            <Hero c={c} />
            <Perks c={c} />
            {c.phase !== 'preheat' ? <MyFigures c={c} /> : null}
            <Others campaigns={campaigns} current={c.id} />
          </View>
        ) : program ? (
          <EmptyState icon="🎪" title="暂时没有进行中的活动" description="新的会员活动开始前，首页会提前预告" />
        ) : null}
      </PageState>
    </Screen>
  );
}
