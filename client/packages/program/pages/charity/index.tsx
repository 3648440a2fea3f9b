import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { CharityProjectView } from '@shared/contracts/member';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { StatusTag } from '@/components/StatusTag';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useCharityStore } from '@/stores/charity';
import { cx } from '@/utils/cx';
import { formatDay, formatNumber } from '@/utils/format';
import { DONATION_CHOICES, donationChoices, projectStatusText } from '../../copy/charity';
import './index.css';

function Certificate({ nickname, pointsDonated }: { nickname: string; pointsDonated: number }) {
  return (
    <View className="ch-cert">
      <Text className="ch-cert__badge">💚</Text>
      <Text className="ch-cert__title">公益同行电子证书</Text>
      <Text className="ch-cert__name">{nickname}</Text>
      <Text className="ch-cert__text">{`累计以 ${formatNumber(pointsDonated)} 积分支持品牌公益项目，感谢你的同行。`}</Text>
    </View>
  );
}

function Project({ project, onDonate }: { project: CharityProjectView; onDonate: () => void }) {
  const open = project.status === 'open';
  return (
    <Card className="ch-project">
      <View className="ch-project__head">
        <Text className="ch-project__title">{project.title}</Text>
        <StatusTag tone={open ? 'success' : 'neutral'}>{projectStatusText(project)}</StatusTag>
      </View>
      <Text className="ch-project__story">{project.story}</Text>
      <View className="ch-project__progress">
        <ProgressBar value={project.progress} color="#2E9E6B" size="sm" />
        <View className="ch-project__figures">
          <Text className="mc-num">
            已筹 <Text className="ch-project__strong">{formatNumber(project.donated)}</Text> / {formatNumber(project.goalPoints)} 积分
          </Text>
          <Text className="mc-num">{Math.floor(project.progress * 100)}%</Text>
        </View>
      </View>
      <View className="ch-project__foot">
        <Text className={cx('ch-project__mine', project.mine > 0 && 'ch-project__mine--on')}>
          {project.mine > 0 ? `我已捐赠 ${formatNumber(project.mine)} 积分` : '还没有捐赠过'}
        </Text>
        {open ? (
          <Button size="sm" onClick={onDonate}>
            捐赠积分
          </Button>
        ) : project.status === 'upcoming' && project.startAt ? (
          <Text className="ch-project__when">{formatDay(project.startAt)} 开始</Text>
        ) : null}
      </View>
    </Card>
  );
}

function DonateSheet() {
  const project = useCharityStore((s) => s.data?.projects.find((p) => p.id === s.donatingId) ?? null);
  const points = useCharityStore((s) => s.data?.points ?? 0);
  const donating = useCharityStore((s) => s.donating);
  const error = useCharityStore((s) => s.donateError);
  const close = useCharityStore((s) => s.closeDonate);
  const donate = useCharityStore((s) => s.donate);
  const [amount, setAmount] = useState<number>(DONATION_CHOICES[0]);
  if (!project) return null;
  const choices = donationChoices(points);
  return (
    <Sheet
      open
      title={`捐赠给「${project.title}」`}
      onClose={close}
      footer={
        <Button block loading={donating} disabled={amount > points} onClick={() => void donate(amount)}>
          {`确认捐赠 ${formatNumber(amount)} 积分`}
        </Button>
      }
    >
      <View className="ch-donate">
        <Text className="ch-donate__balance">{`可用积分 ${formatNumber(points)}`}</Text>
        <View className="ch-donate__choices">
          {choices.map((c) => (
            <View
              key={c.points}
              className={cx('ch-donate__choice', c.points === amount && 'ch-donate__choice--on', !c.affordable && 'ch-donate__choice--off')}
              onClick={() => c.affordable && setAmount(c.points)}
            >
              <Text className="mc-num">{formatNumber(c.points)}</Text>
            </View>
          ))}
        </View>
        <Text className="ch-donate__note">捐赠的积分会记入积分明细，不能撤回。品牌按项目说明将积分转化为实际捐助。</Text>
        {error ? <Text className="ch-donate__error">{error.message}</Text> : null}
      </View>
    </Sheet>
  );
}

function ThanksSheet() {
  const result = useCharityStore((s) => s.result);
  const close = useCharityStore((s) => s.closeResult);
  if (!result) return null;
  return (
    <Sheet
      open
      title="感谢你的善意"
      onClose={close}
      footer={
        <Button block onClick={close}>
          好的
        </Button>
      }
    >
      <View className="ch-thanks">
        <Text className="ch-thanks__icon">🌱</Text>
        <Text className="ch-thanks__line">{`已捐赠 ${formatNumber(result.points)} 积分，累计 ${formatNumber(result.pointsDonated)} 积分`}</Text>
        {result.newNodes.map((n) => (
          <Text key={n.id} className="ch-thanks__node">{`成长树「${n.title}」已点亮 · ${n.unlocksText}`}</Text>
        ))}
        <Text className="ch-thanks__balance">{`剩余积分 ${formatNumber(result.balance.points)}`}</Text>
      </View>
    </Sheet>
  );
}

/** 公益同行: the brand's charity projects, their progress and my share; a gift of points, once per tap. */
export default function Charity() {
  const data = useCharityStore((s) => s.data);
  const status = useCharityStore((s) => s.status);
  const error = useCharityStore((s) => s.error);
  const load = useCharityStore((s) => s.load);
  const openDonate = useCharityStore((s) => s.openDonate);
  usePageData(({ quiet }) => load({ quiet }));

  return (
    <Screen>
      <PageState status={status} error={error} hasData={data !== null} onRetry={() => void load()}>
        {data ? (
          <View>
            <Card tone="tinted" className="ch-summary">
              <View className="ch-summary__row">
                <View className="ch-summary__item">
                  <Text className="ch-summary__num mc-num">{formatNumber(data.pointsDonated)}</Text>
                  <Text className="ch-summary__label">我已捐赠（积分）</Text>
                </View>
                <View className="ch-summary__item">
                  <Text className="ch-summary__num mc-num">{formatNumber(data.points)}</Text>
                  <Text className="ch-summary__label">可用积分</Text>
                </View>
              </View>
              <Text className="ch-summary__tree" onClick={() => go('tree')}>
                捐赠的积分会点亮成长树「公益」分支 ›
              </Text>
            </Card>
            {data.certificate ? <Certificate nickname={data.certificate.nickname} pointsDonated={data.certificate.pointsDonated} /> : null}
            {data.projects.length ? (
              data.projects.map((p) => <Project key={p.id} project={p} onDonate={() => openDonate(p.id)} />)
            ) : (
              <EmptyState icon="💚" title="公益项目筹备中" description="新的公益项目上线后会出现在这里" />
            )}
          </View>
        ) : null}
      </PageState>
      <DonateSheet />
      <ThanksSheet />
    </Screen>
  );
}
