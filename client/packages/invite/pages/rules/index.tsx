import { View, Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { usePageData } from '@/hooks/usePageData';
import { useInvitesStore } from '@/stores/invites';
import { useMemberStore } from '@/stores/member';
import { expiryRuleText, purchaseRuleText } from '@/copy/points';
import { formatNumber } from '@/utils/format';
import './index.css';

function Rule({ n, children }: { n: number; children: string }) {
  return (
    <View className="rl-item">
      <Text className="rl-item__n">{n}</Text>
      <Text className="rl-item__text">{children}</Text>
    </View>
  );
}

function rewardWords(points: number, growth: number): string {
  return [points ? `${formatNumber(points)} 积分` : '', growth ? `${formatNumber(growth)} 成长值` : ''].filter(Boolean).join(' + ');
}

/** 活动规则: invites, check-in rewards, tiers, benefits — with this program's numbers. */
export default function Rules() {
  const mine = useInvitesStore((s) => s.mine);
  const status = useInvitesStore((s) => s.mineStatus);
  const error = useInvitesStore((s) => s.mineError);
  const loadMine = useInvitesStore((s) => s.loadMine);
  const home = useMemberStore((s) => s.home);

  usePageData(() => {
    const m = useMemberStore.getState();
    return Promise.all([loadMine(), m.home ? Promise.resolve() : m.load()]);
  });

  const rule = mine?.rule;
  const member = home?.member;
  const bonus = home?.nextStreakBonus;

  return (
    <Screen>
      <PageState status={status} error={error} hasData={mine !== null} onRetry={() => void loadMine()}>
        {rule ? (
          <View>
            <Card title="💌 邀请好友">
              <Rule n={1}>通过邀请卡或海报把会员中心分享给朋友。分享本身不会获得任何奖励，也不需要分享到群或朋友圈。</Rule>
              <Rule n={2}>{`朋友第一次打开时自动接受你的邀请。只有新会员可以接受邀请，每人只能接受一次，不能邀请自己。`}</Rule>
              <Rule n={3}>
                {`朋友在接受邀请当天起 ${rule.withinDays} 天内，有 ${rule.checkinDays} 个不同的日子完成签到${rule.orFirstRedemption ? '，或完成第一次福利兑换' : ''}，即成为活跃会员（激活）。`}
              </Rule>
              <Rule n={4}>
                {rule.rewardPoints || rule.rewardGrowth
                  ? `每位朋友激活后，你获得 ${rewardWords(rule.rewardPoints, rule.rewardGrowth)}。每天最多因 ${rule.dailyRewardCap} 位朋友获得奖励，超出的朋友依然计入激活人数。`
                  : '当前活动没有设置邀请奖励，朋友激活后会计入你的邀请记录。'}
              </Rule>
              <Rule n={5}>只计算你直接邀请的朋友，朋友再邀请的人不计入你的奖励。在“我的邀请”里可以看到每位朋友的进度。</Rule>
            </Card>

            <Card title="📅 每日签到">
              <Rule n={1}>每天可签到一次，按北京时间计算，0 点开始新的一天。每次签到获得积分和成长值。</Rule>
              <Rule n={2}>
                {bonus && bonus.points > 0
                  ? `连续签到达到里程碑有额外奖励，例如连续 ${bonus.days} 天额外获得 ${rewardWords(bonus.points, bonus.growth)}。`
                  : '连续签到达到里程碑（如连续 7 天、30 天）有额外奖励。'}
              </Rule>
              <Rule n={3}>中断后连续天数从 1 重新开始；已经点亮的徽章不会收回。</Rule>
            </Card>

            <Card title="🌟 会员等级">
              <Rule n={1}>会员等级分为基础层、进阶层、核心层，由最近 12 个月获得的成长值决定，每天滚动计算。</Rule>
              <Rule n={2}>签到、邀请奖励以及品牌认可的消费与线下活动都会带来成长值；12 个月前获得的成长值会过期，等级可能因此下降。</Rule>
              <Rule n={3}>成长值过期会导致降级时，首页会提前提醒你降级的日期和保级还需的成长值。</Rule>
              {member ? (
                <Rule n={4}>
                  {member.nextTier
                    ? `你当前是${member.tierName}，近 12 个月成长值 ${formatNumber(member.windowGrowth)}，达到 ${formatNumber(member.nextTier.threshold)} 即可升级${member.nextTier.name}。`
                    : `你当前是最高等级${member.tierName}，近 12 个月成长值 ${formatNumber(member.windowGrowth)}。`}
                </Rule>
              ) : null}
            </Card>

            <Card title="🎁 积分与专属福利">
              <Rule n={1}>积分用于兑换专属福利包。每个福利包标明所需等级、积分、库存、兑换次数和开放时间。</Rule>
              <Rule n={2}>兑换成功后生成券码和二维码，请在有效期内向门店员工出示核销，每张券只能使用一次。</Rule>
              <Rule n={3}>积分的每一笔变动都记录在“积分明细”中，积分不会变为负数。</Rule>
              {home ? <Rule n={4}>{expiryRuleText(home.pointsOutlook.expiryMonths)}</Rule> : null}
            </Card>

            {home ? (
              <Card title="🛍️ 消费与线下活动">
                <Rule n={1}>{purchaseRuleText(home.pointsOutlook.purchase)}</Rule>
                <Rule n={2}>
                  参加品牌线下活动时，在活动开始前后向工作人员出示会员码签到，即可获得该活动的积分与成长值，每场活动每人签到一次。
                </Rule>
              </Card>
            ) : null}

            <Card title="🏅 徽章与成长树">
              <Rule n={1}>完成签到、兑换、邀请等行为即可点亮对应徽章，每枚徽章只会获得一次。</Rule>
              <Rule n={2}>成长树的节点按累计成长值点亮，点亮后不会熄灭；树会随着点亮的节点从种子一路长到硕果累累。</Rule>
            </Card>
            <Text className="rl-foot">本活动规则由品牌方制定并负责解释。如有疑问，请联系社群客服。</Text>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
