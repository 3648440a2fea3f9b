import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { PageState, ErrorState, Loading } from '@/components/PageState';
import { PosterCanvas } from '@/components/PosterCanvas';
import { Screen } from '@/components/Screen';
import { ShareButton } from '@/components/ShareButton';
import { Sheet } from '@/components/Sheet';
import { posterLayout } from '@/features/poster/layout';
import { usePageData } from '@/hooks/usePageData';
import { renderPoster, savePoster, SAVE_POSTER_LABEL } from '@/platform/poster';
import { go } from '@/routes';
import { sharePayloadFrom } from '@/services/share';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { InviteCardPreview } from '../../components/InviteCardPreview';
import { InviteeList } from '../../components/InviteeList';
import './index.css';

const POSTER_CANVAS_ID = 'invite-poster';

export default function Invite() {
  const card = useInvitesStore((s) => s.card);
  const cardStatus = useInvitesStore((s) => s.cardStatus);
  const cardError = useInvitesStore((s) => s.cardError);
  const mine = useInvitesStore((s) => s.mine);
  const mineStatus = useInvitesStore((s) => s.mineStatus);
  const mineError = useInvitesStore((s) => s.mineError);
  const loadCard = useInvitesStore((s) => s.loadCard);
  const loadMine = useInvitesStore((s) => s.loadMine);
  const member = useMemberStore((s) => s.home?.member);
  const [poster, setPoster] = useState<{ open: boolean; src: string | null; busy: boolean }>({ open: false, src: null, busy: false });

  usePageData(() => {
    const m = useMemberStore.getState();
    return Promise.all([loadCard(), loadMine(), m.home ? Promise.resolve() : m.load()]);
  });

  useShareAppMessage((event) =>
    sharePayloadFrom(event, { title: card?.shareTitle ?? '一起加入会员社群', path: card?.sharePath ?? 'pages/index/index' }),
  );

  const makePoster = async () => {
    if (!card || poster.busy) return;
    setPoster({ open: true, src: null, busy: true });
    try {
      const ops = posterLayout({
        nickname: card.nickname,
        avatarUrl: card.avatarUrl,
        tier: member?.tier ?? 'basic',
        tierName: member?.tierName ?? '会员',
        tierColor: member?.tierColor,
        qrUrl: card.qrUrl,
        code: card.code,
      });
      const src = await renderPoster(ops, POSTER_CANVAS_ID);
      setPoster({ open: true, src, busy: false });
    } catch {
      setPoster({ open: false, src: null, busy: false });
      void Taro.showToast({ title: '海报生成失败，请重试', icon: 'none' });
    }
  };

  const save = async () => {
    if (!poster.src) return;
    try {
      const result = await savePoster(poster.src);
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
      if (result === 'downloaded') void Taro.showToast({ title: '海报已下载', icon: 'success' });
    } catch {
      void Taro.showToast({ title: '保存失败，请重试', icon: 'none' });
    }
  };

  return (
    <Screen>
      <PageState status={cardStatus} error={cardError} hasData={card !== null} onRetry={() => void loadCard()}>
        {card ? (
          <View>
            <InviteCardPreview card={card} tier={member?.tier ?? 'basic'} tierName={member?.tierName} />
            <View className="iv-actions">
              <ShareButton share={{ title: card.shareTitle, path: card.sharePath }} className="iv-actions__share">
                发送给好友
              </ShareButton>
              <Button variant="secondary" className="iv-actions__poster" onClick={() => void makePoster()} loading={poster.busy}>
                生成海报
              </Button>
            </View>
            <View className="iv-rules-link" onClick={() => go('rules')}>
              <Text>邀请规则与活动说明 ›</Text>
            </View>
          </View>
        ) : null}
      </PageState>

      <Card title="我的邀请">
        {mine ? (
          <InviteeList mine={mine} />
        ) : mineStatus === 'error' ? (
          <ErrorState message={mineError?.message ?? '加载失败'} onRetry={() => void loadMine()} />
        ) : (
          <Loading rows={1} />
        )}
      </Card>

      <PosterCanvas id={POSTER_CANVAS_ID} />
      <Sheet
        open={poster.open}
        title="邀请海报"
        onClose={() => setPoster({ open: false, src: poster.src, busy: false })}
        footer={
          <Button block onClick={() => void save()} disabled={!poster.src}>
            {SAVE_POSTER_LABEL}
          </Button>
        }
      >
        <View className="iv-poster">
          {poster.src ? (
            <Image className="iv-poster__img" src={poster.src} mode="aspectFit" />
          ) : (
            <Text className="iv-poster__busy">海报生成中…</Text>
          )}
        </View>
      </Sheet>
    </Screen>
  );
}
