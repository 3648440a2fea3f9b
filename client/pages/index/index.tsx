import { useEffect } from 'react';
import { View, Text } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@/components/Button';
import { PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { Section } from '@/components/Section';
import { Sheet } from '@/components/Sheet';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { inviteCodeFromParams } from '@/services/inviteArrival';
import { invitePath, sharePayloadFrom } from '@/services/share';
import { useCeremonyStore } from '@/stores/ceremony';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { BirthdaySheet } from './components/BirthdaySheet';
import { CampaignBanner } from './components/CampaignBanner';
import { CheckinPanel } from './components/CheckinPanel';
import { deletionPendingView } from './components/DeletionPending';
import { MemberCard } from './components/MemberCard';
import { PackTeaser } from './components/PackTeaser';
import { Shortcuts } from './components/Shortcuts';
import { TeamLine } from './components/TeamLine';
import { TreeTeaser } from './components/TreeTeaser';
import './index.css';

function WelcomeSheet() {
  const welcome = useInvitesStore((s) => s.welcome);
  const close = useInvitesStore((s) => s.closeWelcome);
  return (
    <Sheet
      open={welcome !== null}
      title="欢迎加入会员社群"
      onClose={close}
      footer={
        <Button block onClick={close}>
          开始我的第一次签到
        </Button>
      }
    >
      <View className="home-welcome">
        <Text className="home-welcome__wave">👋</Text>
        <Text className="home-welcome__text">你已接受「{welcome?.inviterNickname}」的邀请。</Text>
        <Text className="home-welcome__sub">每天签到积累积分和成长值，点亮徽章、种下你的成长树。</Text>
      </View>
    </Sheet>
  );
}

export default function Home() {
  const status = useMemberStore((s) => s.status);
  const error = useMemberStore((s) => s.error);
  const home = useMemberStore((s) => s.home);
  const load = useMemberStore((s) => s.load);
  const router = useRouter();
  const arrivalCode = inviteCodeFromParams(router.params);

  usePageData(({ quiet }) => load({ quiet }));

  const unseen = home?.badges.newestUnseen ?? null;
  useEffect(() => {
    if (unseen) useCeremonyStore.getState().enqueue([unseen]);
  }, [unseen]);

  const teamReward = home?.teamCeremony ?? null;
  useEffect(() => {
    if (teamReward) useCeremonyStore.getState().enqueueTeam(teamReward);
  }, [teamReward]);

  const ready = home !== null;
  useEffect(() => {
    if (ready && arrivalCode) void useInvitesStore.getState().bindArrival(arrivalCode);
  }, [ready, arrivalCode]);

  useShareAppMessage((event) => sharePayloadFrom(event, { title: '一起来会员社群签到、点亮徽章吧', path: invitePath(home?.invite.code) }));

  return (
    <Screen flush>
      <PageState status={status} error={error} hasData={home !== null} onRetry={() => void load()} errorView={deletionPendingView(load)}>
        {home ? (
          <View className="home">
            <MemberCard member={home.member} badges={home.badges} outlook={home.pointsOutlook} />
            {home.campaign ? <CampaignBanner campaign={home.campaign} /> : null}
            <View className="home__body">
              <CheckinPanel home={home} />
              <TeamLine home={home} />
              <Shortcuts home={home} />
              {home.packs.length ? (
                <Section title="为你推荐" more="全部福利 ›" onMore={() => go('benefits')}>
                  <PackTeaser packs={home.packs} />
                </Section>
              ) : null}
              <Section title="能力成长树" more="去看看 ›" onMore={() => go('tree')}>
                <TreeTeaser tree={home.tree} />
              </Section>
            </View>
          </View>
        ) : null}
      </PageState>
      <WelcomeSheet />
      <BirthdaySheet gift={home?.birthdayGift ?? null} ceremonyPending={unseen !== null || teamReward !== null} />
    </Screen>
  );
}
