import { View, Text } from '@tarojs/components';
import { tierRank } from '@shared/content/ids';
import type { MemberSummary, TierInfo } from '@shared/contracts/member';
import { Card } from '@/components/Card';
import { PageState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { TierTag } from '@/components/TierTag';
import { usePageData } from '@/hooks/usePageData';
import { useMemberStore } from '@/stores/member';
import { useProgramStore } from '@/stores/program';
import { tierColor, tierSoftColors } from '@/styles/tokens';
import { cx } from '@/utils/cx';
import { formatDayString, formatNumber } from '@/utils/format';
import { entryRewardText, tierStanding } from '@/copy/tiers';
import './index.css';

function TierCard({ tier, member, months }: { tier: TierInfo; member: MemberSummary | undefined; months: number }) {
  const color = tierColor(tier.id, tier.color);
  const standing = member ? tierStanding(tier, member, months) : null;
  const mine = member?.tier === tier.id;
  const reward = entryRewardText(tier.entryReward);
  return (
    <Card className={cx('tp-tier', mine && 'tp-tier--mine')} style={{ borderTopColor: color }}>
      <View className="tp-tier__head" style={{ background: `linear-gradient(120deg, ${tierSoftColors[tier.id]} 0%, #ffffff 80%)` }}>
        <TierTag tier={tier.id} name={tier.name} size="md" />
        {mine ? <StatusTag tone="success">当前等级</StatusTag> : null}
        <Text className="tp-tier__need">
          {tier.threshold > 0 ? `近 ${months} 个月成长值 ≥ ${formatNumber(tier.threshold)}` : '加入即享'}
        </Text>
      </View>
      {tier.description ? <Text className="tp-tier__desc">{tier.description}</Text> : null}
      <View className="tp-tier__benefits">
        {tier.benefits.map((b) => (
          <View key={b} className="tp-tier__benefit">
            <Text className="tp-tier__check" style={{ color }}>
              ✓
            </Text>
            <Text className="tp-tier__benefit-text">{b}</Text>
          </View>
        ))}
      </View>
      {reward ? (
        <View className="tp-tier__reward">
          <Text className="tp-tier__reward-label">升级礼</Text>
          <Text className="tp-tier__reward-text">{reward}</Text>
        </View>
      ) : null}
      {standing ? (
        <View className="tp-tier__standing">
          {standing.progress !== null ? <ProgressBar value={standing.progress} color={color} size="sm" /> : null}
          <Text className="tp-tier__standing-text">{standing.text}</Text>
        </View>
      ) : null}
    </Card>
  );
}

/** 会员等级: what each tier gives, what it takes to reach it and to keep it — from content and settings. */
export default function Tiers() {
  const program = useProgramStore((s) => s.data);
  const status = useProgramStore((s) => s.status);
  const error = useProgramStore((s) => s.error);
  const load = useProgramStore((s) => s.load);
  const member = useMemberStore((s) => s.home?.member);

  usePageData(({ quiet }) => {
    const m = useMemberStore.getState();
    return Promise.all([load({ quiet }), m.home ? m.load({ quiet: true }) : m.load()]);
  });

  const months = program?.tier.windowMonths ?? member?.windowMonths ?? 12;
  const warning = member?.downgradeWarning;
  return (
    <Screen>
      <PageState status={status} error={error} hasData={program !== null} onRetry={() => void load()}>
        {program ? (
          <View>
            {member ? (
              <Card tone="tinted" className="tp-me">
                <Text className="tp-me__line">
                  你的近 {months} 个月成长值 <Text className="tp-me__num mc-num">{formatNumber(member.windowGrowth)}</Text>
                </Text>
                <Text className="tp-me__hint">
                  {member.nextTier
                    ? `再获得 ${formatNumber(member.nextTier.growthNeeded)} 成长值升级${member.nextTier.name}`
                    : `你已是最高等级「${member.tierName}」`}
                </Text>
                {warning ? (
                  <Text className="tp-me__warn">
                    {`${formatDayString(warning.date)}起将有 ${formatNumber(warning.growthLeaving)} 成长值到期，等级会降为${warning.toTierName}`}
                    {warning.growthToKeep > 0 ? `；再获得 ${formatNumber(warning.growthToKeep)} 成长值即可保级` : ''}
                  </Text>
                ) : null}
              </Card>
            ) : null}
            {[...program.tiers]
              .sort((a, b) => tierRank(a.id) - tierRank(b.id))
              .map((t) => (
                <TierCard key={t.id} tier={t} member={member} months={months} />
              ))}
            <Text className="tp-note">
              {`等级按最近 ${months} 个月获得的成长值每天滚动计算，可升可降；${months} 个月前获得的成长值会到期。降级前 ${program.tier.downgradeWarningDays} 天首页会提醒你。升级礼每个等级每年发放一次。`}
            </Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
