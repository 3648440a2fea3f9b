import { View, Text } from '@tarojs/components';
import type { LedgerKind } from '@shared/domain/ledger';
import { Card } from '@/components/Card';
import { LoadMore } from '@/components/LoadMore';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { debtText, expiringText, pendingText } from '@/copy/points';
import { usePageData } from '@/hooks/usePageData';
import { useLedgerStore } from '@/stores/ledger';
import { useMemberStore } from '@/stores/member';
import { cx } from '@/utils/cx';
import { boostLine } from '@/copy/campaign';
import { formatDateTime, formatNumber, signed } from '@/utils/format';
import './index.css';

const KIND_ICONS: Record<LedgerKind, string> = {
  checkin: '📅',
  redeem: '🎁',
  redeem_refund: '↩️',
  invite_reward: '💌',
  team_reward: '🏁',
  ops_adjust: '🛠️',
  node_reward: '🌳',
  tier_entry: '🎖️',
  birthday_gift: '🎂',
  invitee_reward: '🤝',
  donation: '💚',
  purchase: '🛍️',
  purchase_release: '✅',
  purchase_refund: '↩️',
  debt_repayment: '🧾',
  expire: '⌛',
  event_reward: '🎪',
};

export default function Ledger() {
  const status = useLedgerStore((s) => s.status);
  const error = useLedgerStore((s) => s.error);
  const items = useLedgerStore((s) => s.items);
  const load = useLedgerStore((s) => s.load);
  const points = useMemberStore((s) => s.home?.member.points);
  const growth = useMemberStore((s) => s.home?.member.growth);
  const outlook = useMemberStore((s) => s.home?.pointsOutlook);
  const notes = outlook ? [pendingText(outlook), debtText(outlook), expiringText(outlook)].filter(Boolean) : [];

  usePageData(() => {
    const m = useMemberStore.getState();
    return Promise.all([load(), m.load({ quiet: true })]);
  });

  return (
    <Screen>
      {points !== undefined ? (
        <Card className="lg-head">
          <View className="lg-head__item">
            <Text className="lg-head__label">可用积分</Text>
            <Text className="lg-head__value lg-head__value--points mc-num">{formatNumber(points)}</Text>
          </View>
          <View className="lg-head__item">
            <Text className="lg-head__label">累计成长值</Text>
            <Text className="lg-head__value mc-num">{formatNumber(growth ?? 0)}</Text>
          </View>
          {notes.length ? (
            <View className="lg-head__notes">
              {notes.map((note) => (
                <Text key={note} className="lg-head__note">
                  {note}
                </Text>
              ))}
            </View>
          ) : null}
        </Card>
      ) : null}
      <PageState status={status} error={error} hasData={status === 'ready'} onRetry={() => void load()}>
        {items.length ? (
          <Card className="lg-list">
            {items.map((e) => (
              <View key={e.id} className="lg-row">
                <View className="lg-row__icon">
                  <Text>{KIND_ICONS[e.kind] ?? '•'}</Text>
                </View>
                <View className="lg-row__body">
                  <Text className="lg-row__title">{e.title}</Text>
                  {e.boost ? <Text className="lg-row__boost">{boostLine(e.boost)}</Text> : null}
                  <Text className="lg-row__time">{formatDateTime(e.createdAt)}</Text>
                </View>
                <View className="lg-row__amounts">
                  {e.points !== 0 ? (
                    <Text className={cx('lg-row__points mc-num', e.points > 0 ? 'lg-row__points--in' : 'lg-row__points--out')}>
                      {signed(e.points)} 积分
                    </Text>
                  ) : null}
                  {e.growth !== 0 ? <Text className="lg-row__growth mc-num">{signed(e.growth)} 成长值</Text> : null}
                </View>
              </View>
            ))}
            <LoadMore list={useLedgerStore} className="lg-more" />
          </Card>
        ) : (
          <EmptyState icon="📒" title="还没有积分记录" description="完成每日签到，就会有第一笔积分" />
        )}
      </PageState>
    </Screen>
  );
}
