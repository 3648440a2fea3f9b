import { useEffect } from 'react';
import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { TIER_IDS, isTierId, type TierId } from '@shared/content/ids';
import { voucherReminderOffered } from '@shared/domain/reminders';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { ReminderPrompt } from '@/components/ReminderPrompt';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { Tabs } from '@/components/Tabs';
import { TierTag } from '@/components/TierTag';
import { limitText, packAvailability } from '@/copy/packEligibility';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useBenefitsStore } from '@/stores/benefits';
import { useMemberStore } from '@/stores/member';
import { tierColors } from '@/styles/tokens';
import { formatNumber } from '@/utils/format';
import { PackCard } from '../../components/PackCard';
import { VoucherTicket } from '../../components/VoucherTicket';
import './index.css';

function ConfirmSheet() {
  const pack = useBenefitsStore((s) => s.data?.packs.find((p) => p.id === s.confirmingId) ?? null);
  const points = useBenefitsStore((s) => s.data?.points ?? 0);
  const redeeming = useBenefitsStore((s) => s.redeeming);
  const error = useBenefitsStore((s) => s.redeemError);
  const close = useBenefitsStore((s) => s.closeConfirm);
  const confirm = useBenefitsStore((s) => s.confirm);
  if (!pack) return null;
  const a = packAvailability(pack);
  return (
    <Sheet
      open
      title="确认兑换"
      onClose={close}
      footer={
        <View className="bn-confirm__actions">
          <Button variant="ghost" onClick={close} disabled={redeeming} className="bn-confirm__cancel">
            再想想
          </Button>
          <Button
            onClick={() => void confirm()}
            loading={redeeming}
            disabled={!a.redeemable && error?.code !== 'NETWORK'}
            className="bn-confirm__ok"
          >
            {error?.code === 'NETWORK' ? '重试兑换' : `确认兑换 · ${formatNumber(pack.cost)} 积分`}
          </Button>
        </View>
      }
    >
      <View className="bn-confirm">
        <Text className="bn-confirm__title">{pack.title}</Text>
        <View className="bn-confirm__rows">
          <View className="bn-confirm__row">
            <Text className="mc-muted">消耗积分</Text>
            <Text className="mc-num bn-confirm__strong">{formatNumber(pack.cost)}</Text>
          </View>
          <View className="bn-confirm__row">
            <Text className="mc-muted">兑换后剩余</Text>
            <Text className="mc-num">{formatNumber(Math.max(0, points - pack.cost))}</Text>
          </View>
          <View className="bn-confirm__row">
            <Text className="mc-muted">兑换限制</Text>
            <Text>{limitText(pack)}</Text>
          </View>
          <View className="bn-confirm__row">
            <Text className="mc-muted">券有效期</Text>
            <Text>兑换后 {pack.voucherDays} 天内</Text>
          </View>
        </View>
        {error ? <Text className="bn-confirm__error">{error.message}</Text> : null}
        {!error && !a.redeemable ? <Text className="bn-confirm__error">{a.reason}</Text> : null}
      </View>
    </Sheet>
  );
}

/** After a redemption: the voucher's expiry first, then what else may come due (one WeChat sheet, ≤ 3). */
const AFTER_REDEEM = ['voucherExpiry', 'pointsExpiry', 'tierWarning'] as const;

function ResultSheet() {
  const result = useBenefitsStore((s) => s.result);
  const close = useBenefitsStore((s) => s.closeResult);
  if (!result) return null;
  return (
    <Sheet
      open
      title="兑换成功 🎉"
      onClose={close}
      footer={
        <View className="bn-confirm__actions">
          <Button variant="ghost" onClick={close} className="bn-confirm__cancel">
            完成
          </Button>
          <Button
            className="bn-confirm__ok"
            onClick={() => {
              close();
              go('vouchers');
            }}
          >
            查看我的券
          </Button>
        </View>
      }
    >
      <VoucherTicket voucher={result.voucher} />
      <Text className="bn-result__balance">剩余积分 {formatNumber(result.balance.points)}</Text>
      {voucherReminderOffered(result.voucher.expiresAt, Date.now()) ? (
        <ReminderPrompt promptKey={`redeem:${result.voucher.id}`} purposes={AFTER_REDEEM} label="券到期前提醒我" />
      ) : null}
    </Sheet>
  );
}

export default function Benefits() {
  const status = useBenefitsStore((s) => s.status);
  const error = useBenefitsStore((s) => s.error);
  const data = useBenefitsStore((s) => s.data);
  const tab = useBenefitsStore((s) => s.tab);
  const setTab = useBenefitsStore((s) => s.setTab);
  const load = useBenefitsStore((s) => s.load);
  const openConfirm = useBenefitsStore((s) => s.openConfirm);
  const tierName = useMemberStore((s) => s.home?.member.tierName);
  const wanted = useRouter().params.tier;

  usePageData(({ quiet }) => load({ quiet }));
  useEffect(() => {
    if (wanted && isTierId(wanted)) setTab(wanted);
  }, [wanted, setTab]);

  const tabTitle = (t: TierId) =>
    data?.packs.find((p) => p.minTier === t)?.minTierName ?? { basic: '基础层', advanced: '进阶层', core: '核心层' }[t];
  const packs = data ? data.packs.filter((p) => p.minTier === tab) : [];

  return (
    <Screen>
      <PageState status={status} error={error} hasData={data !== null} onRetry={() => void load()}>
        {data ? (
          <View>
            <Card className="bn-head">
              <View className="bn-head__row">
                <View className="bn-head__points">
                  <Text className="bn-head__label">我的积分</Text>
                  <Text className="bn-head__value mc-num">{formatNumber(data.points)}</Text>
                </View>
                <View className="bn-head__side">
                  <TierTag tier={data.tier} name={tierName} size="md" />
                  <View className="bn-head__link" onClick={() => go('vouchers')}>
                    <Text>我的券 ›</Text>
                  </View>
                </View>
              </View>
            </Card>
            <Tabs
              items={TIER_IDS.map((t) => ({ key: t, title: tabTitle(t) }))}
              value={tab}
              onChange={setTab}
              activeColor={tierColors[tab]}
            />
            {packs.length ? (
              packs.map((p) => <PackCard key={p.id} pack={p} onRedeem={() => openConfirm(p.id)} />)
            ) : (
              <EmptyState icon="🎁" title="这一层的福利正在准备中" description="新的福利上架后会第一时间出现在这里" />
            )}
          </View>
        ) : null}
      </PageState>
      <ConfirmSheet />
      <ResultSheet />
    </Screen>
  );
}
