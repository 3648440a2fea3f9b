import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ChallengeView, TeamView } from '@shared/contracts/team';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { PageState } from '@/components/PageState';
import { PosterSheet } from '@/components/PosterSheet';
import { Screen } from '@/components/Screen';
import { ShareButton } from '@/components/ShareButton';
import { challengeDatesText, FAIR_PLAY, goalText, teamRewardText } from '@/copy/team';
import { teamPosterLayout } from '@/features/poster/teamPoster';
import { usePoster } from '@/features/poster/usePoster';
import { usePageData } from '@/hooks/usePageData';
import { go, routeUrl } from '@/routes';
import { sharePayloadFrom } from '@/services/share';
import { useTeamStore } from '@/stores/team';
import { ChallengeSummary } from '../../components/ChallengeSummary';
import { Roster } from '../../components/Roster';
import { TeamHero } from '../../components/TeamHero';
import './index.css';

const POSTER_CANVAS_ID = 'team-poster';

/** No team in this challenge yet: what it is, and 创建队伍 while it takes teams. */
function NoTeam({ challenge }: { challenge: ChallengeView }) {
  const busy = useTeamStore((s) => s.busy);
  const error = useTeamStore((s) => s.actionError);
  return (
    <Card title="还没有队伍">
      <ChallengeSummary challenge={challenge} />
      {challenge.joinable ? (
        <View className="tm-page__start">
          <Button block loading={busy === 'create'} onClick={() => void useTeamStore.getState().create()}>
            创建队伍
          </Button>
          <Text className="tm-page__hint">建好队伍后，把队伍分享给好友；好友打开就能加入。也可以通过好友分享的队伍加入。</Text>
        </View>
      ) : (
        <Text className="tm-page__hint">{challenge.phase === 'upcoming' ? '还没到组队时间，敬请期待' : '这个挑战已经截止组队了'}</Text>
      )}
      {error ? <Text className="tm-page__error">{error.message}</Text> : null}
    </Card>
  );
}

function TeamActions({ challenge, team }: { challenge: ChallengeView; team: TeamView }) {
  const busy = useTeamStore((s) => s.busy);
  const poster = usePoster(POSTER_CANVAS_ID, '组队海报.png');

  const makePoster = () =>
    poster.make(async () => {
      await useTeamStore.getState().loadCard();
      const card = useTeamStore.getState().card;
      if (!card) throw new Error('no team card');
      return teamPosterLayout({
        nickname: card.nickname,
        avatarUrl: card.avatarUrl,
        challengeTitle: card.challengeTitle,
        icon: challenge.icon,
        goal: goalText(challenge.goal),
        meta: `${challenge.teamSize.min}–${challenge.teamSize.max} 人 · ${challengeDatesText(challenge)}`,
        code: card.code,
        qrUrl: card.qrUrl,
      });
    });

  const leave = async () => {
    const { confirm } = await Taro.showModal({
      title: team.members > 1 ? '确定退出队伍？' : '确定解散队伍？',
      content: team.isCaptain && team.members > 1 ? '退出后，队长将交给下一位队员。' : '开赛前可以随时重新组队。',
      confirmText: '确定',
    });
    if (confirm && (await useTeamStore.getState().leave())) void Taro.showToast({ title: '已退出队伍', icon: 'none' });
  };

  return (
    <View className="tm-page__actions">
      {team.canInvite ? (
        <View className="tm-page__share-row">
          <ShareButton share={{ title: team.shareTitle, path: team.sharePath }} className="tm-page__share">
            邀请好友加入
          </ShareButton>
          <Button variant="secondary" className="tm-page__poster" loading={poster.busy} onClick={() => void makePoster()}>
            生成海报
          </Button>
        </View>
      ) : null}
      {team.canInvite ? (
        <Text className="tm-page__code">
          队伍码 <Text className="mc-num tm-page__code-value">{team.code}</Text>
        </Text>
      ) : null}
      {team.canLeave ? (
        <View className="tm-page__leave" onClick={() => void leave()}>
          <Text>{busy === 'leave' ? '正在退出…' : team.members > 1 ? '退出队伍' : '解散队伍'}</Text>
        </View>
      ) : null}
      <PosterSheet
        canvasId={POSTER_CANVAS_ID}
        title="组队海报"
        open={poster.open}
        src={poster.src}
        onSave={() => void poster.save()}
        onClose={poster.close}
      />
    </View>
  );
}

export default function TeamPage() {
  const { params } = useRouter();
  const challengeId = params.challenge ?? '';
  const page = useTeamStore((s) => s.page);
  const status = useTeamStore((s) => s.pageStatus);
  const error = useTeamStore((s) => s.pageError);

  usePageData(({ quiet }) =>
    quiet ? useTeamStore.getState().loadPage({ quiet: true }) : useTeamStore.getState().openChallenge(challengeId),
  );

  const team = page?.team ?? null;
  useShareAppMessage((event) =>
    sharePayloadFrom(event, {
      title: team?.shareTitle ?? page?.challenge.title ?? '组队挑战赛',
      path: team?.sharePath ?? routeUrl('challenges').slice(1),
    }),
  );

  return (
    <Screen>
      <PageState status={status} error={error} hasData={page !== null} onRetry={() => void useTeamStore.getState().loadPage()}>
        {page ? (
          <View>
            <TeamHero challenge={page.challenge} team={team} />
            {team ? (
              <View>
                {team.status === 'completed' ? (
                  <Card tone="tinted" className="tm-page__won">
                    <Text className="tm-page__won-title">🎉 挑战完成</Text>
                    <Text className="tm-page__won-text">
                      {team.rewardPaid
                        ? `奖励已发放：${teamRewardText(page.challenge.reward)}`
                        : '你在队伍完成后才加入，这次的奖励属于完成时在队的队员'}
                    </Text>
                  </Card>
                ) : null}
                <Card title={`队员 ${team.members}/${team.maxMembers}`}>
                  <Roster team={team} />
                </Card>
                <TeamActions challenge={page.challenge} team={team} />
                <Card title="挑战说明">
                  <ChallengeSummary challenge={page.challenge} />
                  <Text className="tm-page__fair">{FAIR_PLAY}</Text>
                </Card>
              </View>
            ) : (
              <View>
                <NoTeam challenge={page.challenge} />
                <Text className="tm-page__fair tm-page__fair--alone">{FAIR_PLAY}</Text>
              </View>
            )}
            <View className="tm-page__more" onClick={() => go('challenges')}>
              <Text>全部组队挑战 ›</Text>
            </View>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
