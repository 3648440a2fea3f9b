import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import type { ChallengesData } from '@shared/contracts/team';
import { TEAM_CODE_RE, normalizeCode } from '@shared/domain/codes';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { challengePhaseText, FAIR_PLAY, goalText, teamLineText, teamRewardText } from '@/copy/team';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useTeamStore } from '@/stores/team';
import { colors } from '@/styles/tokens';
import './index.css';

type Entry = ChallengesData['challenges'][number];

function ChallengeCard({ entry }: { entry: Entry }) {
  const { challenge, team } = entry;
  const open = () => go('team', { challenge: challenge.id });
  return (
    <View className="tl-card" hoverClass="tl-card--pressed" onClick={open}>
      <View className="tl-card__top">
        <View className="tl-card__icon">
          <Text>{challenge.icon}</Text>
        </View>
        <View className="tl-card__titles">
          <Text className="tl-card__title">{challenge.title}</Text>
          <Text className="tl-card__phase">{challengePhaseText(challenge)}</Text>
        </View>
        <StatusTag tone={challenge.phase === 'running' ? 'primary' : 'accent'}>
          {challenge.phase === 'running' ? '进行中' : '组队中'}
        </StatusTag>
      </View>
      <Text className="tl-card__goal">
        {challenge.teamSize.min}–{challenge.teamSize.max} 人一队 · {goalText(challenge.goal)}
      </Text>
      <Text className="tl-card__reward">完成后每人 {teamRewardText(challenge.reward)}</Text>
      {team ? (
        <View className="tl-card__team">
          <View className="tl-card__team-row">
            <Text className="tl-card__team-title">我的队伍 · {team.members} 人</Text>
            <Text className="tl-card__team-count mc-num">
              {team.progress}/{team.target}
            </Text>
          </View>
          <ProgressBar value={team.target ? team.progress / team.target : 0} size="xs" color={colors.accent} />
          <Text className="tl-card__team-line">{teamLineText(team)}</Text>
        </View>
      ) : (
        <View className="tl-card__cta">
          <Text>{challenge.joinable ? '创建队伍 ›' : '查看详情 ›'}</Text>
        </View>
      )}
    </View>
  );
}

/** A team code from a friend (read out in a group chat): straight to its join page. */
function JoinByCode() {
  const [code, setCode] = useState('');
  const valid = TEAM_CODE_RE.test(normalizeCode(code));
  return (
    <Card title="有好友的队伍码？">
      <View className="tl-code">
        <Input
          className="tl-code__input"
          value={code}
          maxlength={8}
          placeholder="输入 6 位队伍码"
          onInput={(e) => setCode(e.detail.value)}
        />
        <Button size="sm" disabled={!valid} onClick={() => go('teamJoin', { team: normalizeCode(code) })}>
          去看看
        </Button>
      </View>
    </Card>
  );
}

export default function ChallengeList() {
  const data = useTeamStore((s) => s.challenges);
  const status = useTeamStore((s) => s.challengesStatus);
  const error = useTeamStore((s) => s.challengesError);
  const load = useTeamStore((s) => s.loadChallenges);
  usePageData(({ quiet }) => load({ quiet }));

  return (
    <Screen>
      <View className="tl-intro">
        <Text className="tl-intro__title">组队挑战赛</Text>
        <Text className="tl-intro__text">
          约上好友组一支队，每个人的签到和兑换都会让队伍离目标更近一步。达成目标时，队里每个人都有奖励。
        </Text>
      </View>
      <PageState status={status} error={error} hasData={data !== null} onRetry={() => void load()}>
        {data ? (
          data.challenges.length ? (
            <View>
              {data.challenges.map((entry) => (
                <ChallengeCard key={entry.challenge.id} entry={entry} />
              ))}
            </View>
          ) : (
            <EmptyState icon="🏁" title="暂时没有进行中的挑战" description="新的组队挑战上线后会出现在这里" />
          )
        ) : null}
      </PageState>
      <JoinByCode />
      <Text className="tl-fair">{FAIR_PLAY}</Text>
    </Screen>
  );
}
