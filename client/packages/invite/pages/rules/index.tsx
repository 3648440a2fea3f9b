import { View, Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { usePageData } from '@/hooks/usePageData';
import type { MemberSummary, ProgramData } from '@shared/contracts/member';
import { campaignBoostsText } from '@/copy/campaign';
import { entryRewardText } from '@/copy/tiers';
import { useMemberStore } from '@/stores/member';
import { useProgramStore } from '@/stores/program';
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

/** 活动规则: invites, check-in, tiers, campaigns, birthday, benefits, purchases and events — with this program's own numbers (`member.program`). */
export default function Rules() {
  const program = useProgramStore((s) => s.data);
  const status = useProgramStore((s) => s.status);
  const error = useProgramStore((s) => s.error);
  const load = useProgramStore((s) => s.load);
  const home = useMemberStore((s) => s.home);

  usePageData(({ quiet }) => {
    const m = useMemberStore.getState();
    return Promise.all([load({ quiet }), m.home ? Promise.resolve() : m.load().catch(() => undefined)]);
  });

  const member = home?.member;
  return (
    <Screen>
      <PageState status={status} error={error} hasData={program !== null} onRetry={() => void load()}>
        {program ? <RulesBody program={program} member={member} /> : null}
      </PageState>
    </Screen>
  );
}

function RulesBody({ program, member }: { program: ProgramData; member: MemberSummary | undefined }) {
  const { invite, checkin, tier, birthday } = program;
  const months = tier.windowMonths;
  const tierNames = program.tiers.map((t) => t.name).join('、');
  const bonus = checkin.streakBonuses.filter((b) => b.points > 0 || b.growth > 0).sort((a, b) => a.days - b.days)[0];
  const entryRewards = program.tiers.filter((t) => t.entryReward);
  const boosted = program.campaigns.filter((c) => c.boost || c.purchaseBoost);
  return (
    <View>
      <Card title="💌 邀请好友">
        <Rule n={1}>通过邀请卡或海报把会员中心分享给朋友。分享本身不会获得任何奖励，也不需要分享到群或朋友圈。</Rule>
        <Rule n={2}>朋友第一次打开时自动接受你的邀请。只有新会员可以接受邀请，每人只能接受一次，不能邀请自己。</Rule>
        <Rule n={3}>
          {`朋友在接受邀请当天起 ${invite.withinDays} 天内，有 ${invite.checkinDays} 个不同的日子完成签到${invite.orFirstRedemption ? '，或完成第一次福利兑换' : ''}，即成为活跃会员（激活）。`}
        </Rule>
        <Rule n={4}>
          {invite.rewardPoints || invite.rewardGrowth
            ? `每位朋友激活后，你获得 ${rewardWords(invite.rewardPoints, invite.rewardGrowth)}。每天最多因 ${invite.dailyRewardCap} 位朋友获得奖励，超出的朋友依然计入激活人数。`
            : '当前没有设置邀请奖励，朋友激活后会计入你的邀请记录。'}
        </Rule>
        {invite.inviteeReward.points || invite.inviteeReward.growth ? (
          <Rule
            n={5}
          >{`朋友自己完成激活时，也会获得新会员激活奖励 ${rewardWords(invite.inviteeReward.points, invite.inviteeReward.growth)}。`}</Rule>
        ) : null}
        <Rule n={invite.inviteeReward.points || invite.inviteeReward.growth ? 6 : 5}>
          只计算你直接邀请的朋友，朋友再邀请的人不计入你的奖励。在“我的邀请”里可以看到每位朋友的进度。
        </Rule>
      </Card>

      <Card title="📅 每日签到">
        <Rule
          n={1}
        >{`每天可签到一次，按北京时间计算，0 点开始新的一天。每次签到获得 ${rewardWords(checkin.points, checkin.growth)}。`}</Rule>
        <Rule n={2}>
          {bonus
            ? `连续签到达到里程碑有额外奖励，例如连续 ${bonus.days} 天额外获得 ${rewardWords(bonus.points, bonus.growth)}。`
            : '当前没有设置连续签到奖励。'}
        </Rule>
        <Rule n={3}>中断后连续天数从 1 重新开始；已经点亮的徽章不会收回。</Rule>
      </Card>

      <Card title="🌟 会员等级">
        <Rule n={1}>{`会员等级分为${tierNames}，由最近 ${months} 个月获得的成长值决定，每天滚动计算。`}</Rule>
        <Rule
          n={2}
        >{`签到、邀请奖励以及品牌认可的消费与线下活动都会带来成长值；${months} 个月前获得的成长值会过期，等级可能因此下降。`}</Rule>
        <Rule n={3}>{`成长值过期会导致降级时，首页会提前 ${tier.downgradeWarningDays} 天提醒你降级的日期和保级还需的成长值。`}</Rule>
        {entryRewards.length ? (
          <Rule n={4}>
            {`升入${entryRewards.map((t) => `${t.name}可获得升级礼 ${entryRewardText(t.entryReward)}`).join('；')}。每个等级每年只发放一次，降级后再升回当年不重复发放。`}
          </Rule>
        ) : null}
        {member ? (
          <Rule n={entryRewards.length ? 5 : 4}>
            {member.nextTier
              ? `你当前是${member.tierName}，近 ${months} 个月成长值 ${formatNumber(member.windowGrowth)}，达到 ${formatNumber(member.nextTier.threshold)} 即可升级${member.nextTier.name}。`
              : `你当前是最高等级${member.tierName}，近 ${months} 个月成长值 ${formatNumber(member.windowGrowth)}。`}
          </Rule>
        ) : null}
      </Card>

      <Card title="🎪 会员活动">
        <Rule n={1}>
          会员活动分为预热、活动和回顾三个阶段：预热期公布活动内容和即将上线的福利，活动期内签到（以及活动写明的消费）享受活动加成，活动结束后可查看自己的活动回顾。
        </Rule>
        <Rule n={2}>
          {boosted.length
            ? `活动加成只作用于活动期内的签到和消费（以每个活动写明的为准），例如「${boosted[0].title}」${campaignBoostsText(boosted[0])}；消费加成只加积分、不加成长值。同时进行多个活动时，按倍数最高的一个计算。签到的加成部分会在积分明细中注明。`
            : '活动加成只作用于活动期内的签到和消费（以每个活动写明的为准），消费加成只加积分、不加成长值；同时进行多个活动时，按倍数最高的一个计算。'}
        </Rule>
        <Rule n={3}>活动期间第一次签到即参加活动，可获得该活动的徽章（如有）。回顾卡片只展示你自己的活动数据。</Rule>
      </Card>

      <Card title="🎂 生日特权">
        <Rule n={1}>在“我的资料”里填写生日（只需月和日，只有你自己可见）。生日填写后不能自行修改，如需更正请联系客服。</Rule>
        <Rule n={2}>
          {birthday.points || birthday.growth
            ? `生日当月第一次打开会员中心时，获得生日礼 ${rewardWords(birthday.points, birthday.growth)}，每年一次。`
            : '生日当月可兑换生日月专属福利。'}
        </Rule>
        <Rule n={3}>标有“生日月专享”的福利只在你的生日当月开放兑换。</Rule>
      </Card>

      <Card title="🎁 积分与专属福利">
        <Rule n={1}>
          积分用于兑换专属福利包，也可以在“公益同行”中捐赠给公益项目。每个福利包标明所需等级、积分、库存、兑换次数和开放时间。
        </Rule>
        <Rule n={2}>部分福利需要先点亮成长树的对应节点或获得对应徽章，福利卡片上会写明条件。</Rule>
        <Rule n={3}>兑换成功后生成券码和二维码，请在有效期内向门店员工出示核销，每张券只能使用一次。</Rule>
        <Rule n={4}>积分的每一笔变动都记录在“积分明细”中，积分不会变为负数。</Rule>
        <Rule n={5}>{expiryRuleText(program.points.expiryMonths)}</Rule>
      </Card>

      <Card title="🛍️ 消费与线下活动">
        <Rule n={1}>{purchaseRuleText(program.purchase)}</Rule>
        <Rule n={2}>参加品牌线下活动时，在活动开始前后向工作人员出示会员码签到，即可获得该活动的积分与成长值，每场活动每人签到一次。</Rule>
      </Card>

      <Card title="🏅 徽章与成长树">
        <Rule n={1}>完成签到、兑换、邀请、公益捐赠、参加活动等行为即可点亮对应徽章，每枚徽章只会获得一次。</Rule>
        <Rule n={2}>
          成长树的每个分支按各自的方式点亮，每个节点写明点亮条件和解锁内容；点亮后不会熄灭，解锁的积分、徽章或福利在点亮时当即发放。
        </Rule>
      </Card>
      <Text className="rl-foot">本活动规则由品牌方制定并负责解释。如有疑问，请联系社群客服。</Text>
    </View>
  );
}
