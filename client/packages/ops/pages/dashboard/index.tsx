import { useEffect } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { CAMPAIGN_FIGURES, type CampaignStats, type OpsStatsData } from '@shared/contracts/ops';
import { TIER_IDS } from '@shared/content/ids';
import { Card } from '@/components/Card';
import { EmptyState, ErrorState, Loading } from '@/components/PageState';
import { Stat } from '@/components/Stat';
import { Tabs } from '@/components/Tabs';
import { colors, tierColors } from '@/styles/tokens';
import { BarList } from '../../components/BarList';
import { ColumnChart } from '../../components/ColumnChart';
import { CoverageGauge } from '../../components/CoverageGauge';
import { Funnel } from '../../components/Funnel';
import { LineChart } from '../../components/LineChart';
import { ValidationReport } from '../../components/ValidationReport';
import { useOpsDashboard } from '../../stores/dashboard';
import { ExportBar } from './ExportBar';
import { count, liftText, meanOf, percent, yuan } from '../../utils/format';
import { CAMPAIGN_PHASE_LABELS, TIER_LABELS, rejectionLabel } from '../../utils/labels';
import { RANGE_PRESETS, shortDay, type RangePreset } from '../../utils/range';
import { ReminderEffect } from './ReminderEffect';
import './index.css';

/**
 * 运营看板 — the program's effect metrics for staff with role ops (anyone else sees a locked
 * page: the function answers FORBIDDEN). Figures come from `ops.stats` for the chosen range;
 * the content report from `ops.validate`.
 */
export default function OpsDashboard() {
  const status = useOpsDashboard((s) => s.status);
  const error = useOpsDashboard((s) => s.error);
  const stats = useOpsDashboard((s) => s.stats);
  const refreshing = useOpsDashboard((s) => s.refreshing);
  const load = useOpsDashboard((s) => s.load);
  const loadValidation = useOpsDashboard((s) => s.loadValidation);

  useEffect(() => {
    void load();
    void loadValidation();
  }, [load, loadValidation]);

  if (error?.code === 'FORBIDDEN') {
    return (
      <View className="mc-page ops-dash">
        <EmptyState icon="🔒" title="仅限运营人员" description="你的账号没有运营权限，如需开通请联系管理员在 staff 集合中登记。" />
      </View>
    );
  }

  return (
    <View className="mc-page ops-dash">
      <RangeBar />
      {stats ? <Metrics stats={stats} refreshing={refreshing} /> : null}
      {!stats && status === 'error' ? <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void load()} /> : null}
      {!stats && status !== 'error' ? <Loading rows={4} text="正在统计…" /> : null}
      {stats && error ? <Text className="ops-dash__stale">刷新失败：{error.message}（显示的是上一次的数据）</Text> : null}
      <Validation />
    </View>
  );
}

function RangeBar() {
  const preset = useOpsDashboard((s) => s.preset);
  const range = useOpsDashboard((s) => s.range);
  const choosePreset = useOpsDashboard((s) => s.choosePreset);
  const chooseRange = useOpsDashboard((s) => s.chooseRange);
  const asOf = useOpsDashboard((s) => s.stats?.asOf);
  return (
    <View className="ops-dash__range">
      <Tabs<RangePreset | 'custom'>
        items={[...RANGE_PRESETS.map((p) => ({ key: p.key, title: p.title })), { key: 'custom', title: '自选' }]}
        value={preset}
        onChange={(key) => {
          if (key !== 'custom') void choosePreset(key);
        }}
      />
      <View className="ops-dash__dates">
        <Picker
          mode="date"
          value={range.from}
          end={range.to}
          onChange={(e) => void chooseRange({ from: String(e.detail.value), to: range.to })}
        >
          <Text className="ops-dash__date">{range.from}</Text>
        </Picker>
        <Text className="ops-dash__to">至</Text>
        <Picker
          mode="date"
          value={range.to}
          start={range.from}
          onChange={(e) => void chooseRange({ from: range.from, to: String(e.detail.value) })}
        >
          <Text className="ops-dash__date">{range.to}</Text>
        </Picker>
        {asOf ? <Text className="ops-dash__asof">统计于 {asOf}</Text> : null}
      </View>
      <ExportBar />
    </View>
  );
}

function Metrics({ stats, refreshing }: { stats: OpsStatsData; refreshing: boolean }) {
  const labels = stats.dau.map((d) => shortDay(d.date));
  // A day nobody checked in has no retention to speak of: no point on the line, not a 0.
  const d1Values = stats.retention.map((r) => (r.cohort > 0 ? r.d1 : null));
  const d7Values = stats.retention.map((r) => (r.cohort > 0 ? r.d7 : null));
  const d1 = meanOf(d1Values);
  const d7 = meanOf(d7Values);
  const newMembers = stats.newMembers.reduce((s, d) => s + d.count, 0);
  const packs = stats.redemptions.byPack.slice(0, 10);
  const rejections = Object.entries(stats.invites.rejections);
  return (
    <View className={refreshing ? 'ops-dash__metrics ops-dash__metrics--refreshing' : 'ops-dash__metrics'}>
      <Card className="ops-dash__overview">
        <View className="ops-dash__stats">
          <Stat label="活跃会员" value={count(stats.activeMembers)} hint="近 30 天签到" />
          <Stat label="新会员" value={count(newMembers)} hint="所选区间" />
          <Stat label="兑换" value={count(stats.redemptions.total)} unit="次" />
        </View>
        <View className="ops-dash__stats">
          <Stat label="平均次日留存" value={percent(d1)} />
          <Stat label="平均 7 日留存" value={percent(d7)} />
          <Stat label="K 因子" value={stats.invites.kFactor.toFixed(2)} hint="激活好友 ÷ 活跃会员" />
        </View>
      </Card>

      {stats.campaign ? <CampaignEffect campaign={stats.campaign} /> : null}

      <Card title="每日签到人数（DAU）">
        <LineChart
          series={[{ key: 'dau', name: '签到人数', color: colors.primary, values: stats.dau.map((d) => d.count) }]}
          labels={labels}
        />
      </Card>

      <Card title="签到留存" extra={<Text>当天签到者次日 / 第 7 日回来的比例</Text>}>
        <LineChart
          series={[
            { key: 'd1', name: '次日留存', color: colors.primary, values: d1Values },
            { key: 'd7', name: '7 日留存', color: colors.accent, values: d7Values },
          ]}
          labels={labels}
          max={1}
          format={(v) => percent(v)}
        />
      </Card>

      <Card title="每日新会员">
        <ColumnChart values={stats.newMembers.map((d) => d.count)} labels={labels} color={colors.accent} />
      </Card>

      <Card title="积分" extra={<Text>过期 {count(stats.points.expired)}</Text>}>
        <View className="ops-dash__stats">
          <Stat label="发放" value={count(stats.points.issued)} />
          <Stat label="兑换消耗" value={count(stats.points.spent)} />
          <Stat label="退回" value={count(stats.points.refunded)} />
          <Stat label="运营扣回" value={count(stats.points.corrected)} />
        </View>
      </Card>

      <Card
        title="消费积分"
        extra={
          <Text>
            {count(stats.purchases.orders)} 笔订单 · {yuan(stats.purchases.amount)}
          </Text>
        }
      >
        <View className="ops-dash__stats">
          <Stat label="发放" value={count(stats.purchases.pointsIssued)} hint="区间内订单" />
          <Stat label="待到账" value={count(stats.purchases.pointsPending)} hint="今天仍在冻结" />
          <Stat label="退款扣回" value={count(stats.purchases.pointsReversed)} hint={`${count(stats.purchases.refunds)} 笔退款`} />
          <Stat label="其中欠分" value={count(stats.purchases.pointsDebt)} hint="从之后积分抵扣" />
        </View>
      </Card>

      <Card title="兑换" extra={<Text>共 {count(stats.redemptions.total)} 次</Text>}>
        <Text className="ops-dash__sub">按福利包等级</Text>
        <BarList
          items={TIER_IDS.map((t) => ({ key: t, label: TIER_LABELS[t], value: stats.redemptions.byTier[t], color: tierColors[t] }))}
          empty="区间内没有兑换"
        />
        <Text className="ops-dash__sub">按福利包{stats.redemptions.byPack.length > 10 ? '（前 10）' : ''}</Text>
        <BarList
          items={packs.map((p) => ({
            key: p.packId,
            label: p.title,
            value: p.count,
            color: tierColors[p.minTier],
            hint: TIER_LABELS[p.minTier],
          }))}
          empty="区间内没有兑换"
        />
      </Card>

      <Card title="等级覆盖率" extra={<Text>{`目标 ${stats.coverage.map((c) => c.target).join(' / ')}`}</Text>}>
        <Text className="ops-dash__note">
          活跃会员 {count(stats.activeMembers)} 人（{stats.activeFrom} 至 {stats.to} 有签到）中，达到各等级及以上的比例。
        </Text>
        <CoverageGauge coverage={stats.coverage} activeMembers={stats.activeMembers} />
      </Card>

      <Card title="福利渗透率" extra={<Text>区间内兑换过本层福利的活跃会员</Text>}>
        <BarList
          max={1}
          items={stats.penetration.map((p) => ({
            key: p.tier,
            label: TIER_LABELS[p.tier],
            value: p.rate,
            display: percent(p.rate),
            color: tierColors[p.tier],
            hint: `${p.redeemers} / ${p.activeMembers} 人`,
          }))}
        />
      </Card>

      <Card title="邀请" extra={<Text>K 因子 {stats.invites.kFactor.toFixed(2)}</Text>}>
        <Funnel
          steps={[
            { key: 'cards', label: '新生成邀请卡', value: stats.invites.cards },
            // A member's card is made once and shared many times: friends per card, not a conversion rate.
            {
              key: 'binds',
              label: '好友绑定',
              value: stats.invites.binds,
              note: stats.invites.cards > 0 ? `每张卡 ${(stats.invites.binds / stats.invites.cards).toFixed(1)} 人` : '—',
            },
            { key: 'activations', label: '好友激活', value: stats.invites.activations },
            { key: 'rewards', label: '发放奖励', value: stats.invites.rewards },
          ]}
        />
        <Text className="ops-dash__note">
          K 因子 = 区间内激活的好友 {stats.invites.activations} ÷ 区间内签到过的会员 {stats.invites.activeMembersInRange}
        </Text>
        <Text className="ops-dash__sub">绑定被拒原因</Text>
        <BarList
          items={rejections.map(([reason, n]) => ({ key: reason, label: rejectionLabel(reason), value: n, color: colors.warning }))}
          empty="区间内没有被拒的绑定"
        />
      </Card>

      <ReminderEffect reminders={stats.reminders} />

      <Card title="KOC 候选" extra={<Text>累计激活好友最多的会员</Text>}>
        <Text className="ops-dash__note">可联系他们参加 KOC 孵化计划；激活率 = 已激活好友 ÷ 邀请的好友。</Text>
        <BarList
          items={stats.koc.map((k) => ({
            key: k.openid,
            label: `${k.nickname || '未设置昵称'} · ${TIER_LABELS[k.tier]}`,
            value: k.activated,
            display: `${k.activated} 位`,
            color: colors.primary,
            hint: `邀请 ${k.invited} 位 · 激活率 ${percent(k.activationRate)} · ${k.openid}`,
          }))}
          empty="还没有会员邀请的好友成为活跃会员"
        />
      </Card>
    </View>
  );
}

function liftClass(lift: number | null): string {
  if (lift === null || lift === 0) return 'ops-dash__lift-delta';
  return lift > 0 ? 'ops-dash__lift-delta ops-dash__lift-delta--up' : 'ops-dash__lift-delta ops-dash__lift-delta--down';
}

/** A campaign's figures over its live days against as many days just before it (lift). */
function CampaignEffect({ campaign }: { campaign: CampaignStats }) {
  const { during, before } = campaign;
  return (
    <Card title={`活动效果 · ${campaign.title}`} extra={<Text>{CAMPAIGN_PHASE_LABELS[campaign.phase]}</Text>}>
      {campaign.phase === 'preheat' ? (
        <Text className="ops-dash__note">活动尚未开始，开始后按活动期与之前同样天数对比。</Text>
      ) : (
        <View>
          <Text className="ops-dash__note">{`活动期 ${during.from} 至 ${during.to}，对比之前 ${before.from} 至 ${before.to}`}</Text>
          <View className="ops-dash__lift">
            {CAMPAIGN_FIGURES.map(([key, label]) => (
              <View key={key} className="ops-dash__lift-row">
                <Text className="ops-dash__lift-label">{label}</Text>
                <Text className="ops-dash__lift-num mc-num">{count(during.figures[key])}</Text>
                <Text className="ops-dash__lift-before mc-num">{`之前 ${count(before.figures[key])}`}</Text>
                <Text className={liftClass(campaign.lift[key])}>{liftText(campaign.lift[key])}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </Card>
  );
}

function Validation() {
  const status = useOpsDashboard((s) => s.validationStatus);
  const error = useOpsDashboard((s) => s.validationError);
  const report = useOpsDashboard((s) => s.validation);
  const checking = useOpsDashboard((s) => s.validationRefreshing);
  const loadValidation = useOpsDashboard((s) => s.loadValidation);
  return (
    <Card title="内容校验">
      {report ? <ValidationReport report={report} checking={checking} onRecheck={() => void loadValidation()} /> : null}
      {!report && status === 'error' ? <ErrorState message={error?.message ?? '校验失败'} onRetry={() => void loadValidation()} /> : null}
      {!report && status !== 'error' ? <Loading rows={1} text="正在校验内容…" /> : null}
    </Card>
  );
}
