import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { TeamPreviewData } from '@shared/contracts/team';
import { Avatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { FAIR_PLAY } from '@/copy/team';
import { usePageData } from '@/hooks/usePageData';
import { go, replaceWith } from '@/routes';
import { inviteCodeFromParams, teamCodeFromParams } from '@/services/inviteArrival';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { useTeamStore } from '@/stores/team';
import { ChallengeSummary } from '../../components/ChallengeSummary';
import './index.css';

const REFUSALS: Record<NonNullable<TeamPreviewData['refusal']>, string> = {
  TEAM_FULL: '这支队伍已经满员了，可以自己建一支队伍，或加入别的队伍',
  ALREADY_IN_TEAM: '你已经在这个挑战的另一支队伍里了',
  CHALLENGE_CLOSED: '这个挑战现在不能加入队伍了',
};

function JoinAction({ preview }: { preview: TeamPreviewData }) {
  const busy = useTeamStore((s) => s.busy);
  const error = useTeamStore((s) => s.actionError);
  const challengeId = preview.challenge.id;
  const join = async () => {
    const joined = await useTeamStore.getState().join();
    if (!joined) return;
    void Taro.showToast({ title: '已加入队伍', icon: 'success' });
    replaceWith('team', { challenge: challengeId });
  };

  if (preview.inThisTeam) {
    return (
      <Button block onClick={() => replaceWith('team', { challenge: challengeId })}>
        你已在队伍中，去看看
      </Button>
    );
  }
  if (preview.refusal) {
    return (
      <View>
        <Text className="tj-refusal">{REFUSALS[preview.refusal]}</Text>
        {preview.refusal === 'ALREADY_IN_TEAM' ? (
          <Button block variant="secondary" onClick={() => go('team', { challenge: challengeId })}>
            去我的队伍
          </Button>
        ) : (
          <Button block variant="secondary" onClick={() => go('challenges')}>
            看看其他挑战
          </Button>
        )}
      </View>
    );
  }
  return (
    <View>
      <Button block size="lg" loading={busy === 'join'} onClick={() => void join()}>
        加入队伍
      </Button>
      {error ? <Text className="tj-error">{error.message}</Text> : null}
    </View>
  );
}

export default function JoinTeam() {
  const { params } = useRouter();
  const code = teamCodeFromParams(params);
  const inviteCode = inviteCodeFromParams(params);
  const preview = useTeamStore((s) => s.preview);
  const status = useTeamStore((s) => s.previewStatus);
  const error = useTeamStore((s) => s.previewError);
  const welcome = useInvitesStore((s) => s.welcome);
  const memberReady = useMemberStore((s) => s.home !== null);

  usePageData(({ quiet }) => {
    const member = useMemberStore.getState();
    return Promise.all([
      member.home ? Promise.resolve() : member.load(),
      code ? (quiet ? useTeamStore.getState().loadPreview({ quiet: true }) : useTeamStore.getState().openCode(code)) : Promise.resolve(),
    ]);
  });

  // A friend new to the program arrives through a share: the existing invite rules bind them (once).
  useEffect(() => {
    if (memberReady && inviteCode) void useInvitesStore.getState().bindArrival(inviteCode);
  }, [memberReady, inviteCode]);

  if (!code) {
    return (
      <Screen>
        <EmptyState icon="🔍" title="没有找到队伍码" description="请让好友重新分享队伍，或在组队挑战赛页输入队伍码" />
      </Screen>
    );
  }

  return (
    <Screen>
      <PageState status={status} error={error} hasData={preview !== null} onRetry={() => void useTeamStore.getState().loadPreview()}>
        {preview ? (
          <View>
            <View className="tj-hero">
              <Avatar src={preview.team.captain.avatarUrl} name={preview.team.captain.nickname} size="lg" ring />
              <Text className="tj-hero__who">{preview.team.captain.nickname}</Text>
              <Text className="tj-hero__invite">邀你加入 TA 的队伍</Text>
              <View className="tj-hero__challenge">
                <Text className="tj-hero__icon">{preview.challenge.icon}</Text>
                <Text className="tj-hero__title">{preview.challenge.title}</Text>
              </View>
              <View className="tj-hero__roster">
                {preview.team.roster.map((m, i) => (
                  <View key={`${m.nickname}-${i}`} className="tj-hero__mate">
                    <Avatar src={m.avatarUrl} name={m.nickname} size="sm" ring />
                  </View>
                ))}
                <Text className="tj-hero__count">
                  {preview.team.members}/{preview.team.maxMembers} 人
                </Text>
              </View>
            </View>
            {welcome ? <Text className="tj-welcome">👋 欢迎加入会员社群，你已接受「{welcome.inviterNickname}」的邀请</Text> : null}
            <Card>
              <Text className="tj-desc">{preview.challenge.description}</Text>
              <ChallengeSummary challenge={preview.challenge} />
            </Card>
            <View className="tj-action">
              <JoinAction preview={preview} />
            </View>
            <Text className="tj-fair">{FAIR_PLAY}</Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
