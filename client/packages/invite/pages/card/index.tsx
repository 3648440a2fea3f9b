import { useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { PageState, ErrorState, Loading } from '@/components/PageState';
import { PosterSheet } from '@/components/PosterSheet';
import { ReminderPrompt } from '@/components/ReminderPrompt';
import { Screen } from '@/components/Screen';
import { ShareButton } from '@/components/ShareButton';
import { posterLayout } from '@/features/poster/layout';
import { usePoster } from '@/features/poster/usePoster';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { sharePayloadFrom } from '@/services/share';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { InviteCardPreview } from '../../components/InviteCardPreview';
import { InviteeList } from '../../components/InviteeList';
import './index.css';

const POSTER_CANVAS_ID = 'invite-poster';
const ACTIVATED_NOTICE = ['inviteActivated'] as const;

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
  const poster = usePoster(POSTER_CANVAS_ID, '邀请海报.png');

  usePageData(() => {
    const m = useMemberStore.getState();
    return Promise.all([loadCard(), loadMine(), m.home ? Promise.resolve() : m.load()]);
  });

  useShareAppMessage((event) =>
    sharePayloadFrom(event, { title: card?.shareTitle ?? '一起加入会员社群', path: card?.sharePath ?? 'pages/index/index' }),
  );

  const makePoster = () => {
    if (!card) return;
    void poster.make(() =>
      posterLayout({
        nickname: card.nickname,
        avatarUrl: card.avatarUrl,
        tier: member?.tier ?? 'basic',
        tierName: member?.tierName ?? '会员',
        tierColor: member?.tierColor,
        qrUrl: card.qrUrl,
        code: card.code,
      }),
    );
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
              <Button variant="secondary" className="iv-actions__poster" onClick={makePoster} loading={poster.busy}>
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
          <View>
            <InviteeList mine={mine} />
            <ReminderPrompt promptKey="invite" purposes={ACTIVATED_NOTICE} label="好友激活时告诉我" />
          </View>
        ) : mineStatus === 'error' ? (
          <ErrorState message={mineError?.message ?? '加载失败'} onRetry={() => void loadMine()} />
        ) : (
          <Loading rows={1} />
        )}
      </Card>

      <View className="iv-board-link" onClick={() => go('leaderboard')}>
        <Text>🏆 本月邀请榜 ›</Text>
      </View>

      <PosterSheet
        canvasId={POSTER_CANVAS_ID}
        title="邀请海报"
        open={poster.open}
        src={poster.src}
        onSave={() => void poster.save()}
        onClose={poster.close}
      />
    </Screen>
  );
}
