import { View, Text } from '@tarojs/components';
import type { VoucherView } from '@shared/contracts/redeem';
import { formatVoucherCode } from '@shared/domain/codes';
import { Button } from '@/components/Button';
import { LoadMore } from '@/components/LoadMore';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { StatusTag } from '@/components/StatusTag';
import { Tabs } from '@/components/Tabs';
import { VOUCHER_STATUS } from '@/copy/statuses';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useVouchersStore, type VoucherFilter } from '@/stores/vouchers';
import { cx } from '@/utils/cx';
import { formatDateTime, formatUntil } from '@/utils/format';
import { VoucherTicket } from '../../components/VoucherTicket';
import './index.css';

const FILTERS: Array<{ key: VoucherFilter; title: string }> = [
  { key: 'issued', title: '未使用' },
  { key: 'used', title: '已使用' },
  { key: 'expired', title: '已过期' },
  { key: 'all', title: '全部' },
];

const EMPTY: Record<VoucherFilter, string> = {
  issued: '还没有待使用的券',
  used: '还没有使用过的券',
  expired: '没有过期的券',
  cancelled: '没有取消的券',
  all: '还没有兑换过福利',
};

function VoucherRow({ voucher, onOpen }: { voucher: VoucherView; onOpen: () => void }) {
  const status = VOUCHER_STATUS[voucher.status];
  const usable = voucher.status === 'issued';
  return (
    <View className={cx('vc-row', !usable && 'vc-row--off')} hoverClass="vc-row--pressed" onClick={onOpen}>
      <View className="vc-row__main">
        <View className="vc-row__head">
          <Text className="vc-row__title">{voucher.packTitle}</Text>
          <StatusTag tone={status.tone}>{status.text}</StatusTag>
        </View>
        <Text className="vc-row__code mc-num">{formatVoucherCode(voucher.code)}</Text>
        <Text className="vc-row__meta">
          {voucher.usedAt ? `${formatDateTime(voucher.usedAt)} 已核销` : `有效期至 ${formatUntil(voucher.expiresAt)}`}
        </Text>
      </View>
      <View className="vc-row__stub">
        <Text className="vc-row__qr-icon">▦</Text>
        <Text className="vc-row__stub-text">{usable ? '出示' : '查看'}</Text>
      </View>
    </View>
  );
}

export default function Vouchers() {
  const status = useVouchersStore((s) => s.status);
  const error = useVouchersStore((s) => s.error);
  const items = useVouchersStore((s) => s.items);
  const filter = useVouchersStore((s) => s.filter);
  const openId = useVouchersStore((s) => s.openId);
  const load = useVouchersStore((s) => s.load);
  const open = useVouchersStore((s) => s.open);

  usePageData(() => load());
  const opened = items.find((v) => v.id === openId) ?? null;

  return (
    <Screen>
      <Tabs items={FILTERS} value={filter} onChange={(f) => void load(f)} />
      <PageState status={status} error={error} hasData={status === 'ready'} onRetry={() => void load()}>
        {items.length ? (
          <View>
            {items.map((v) => (
              <VoucherRow key={v.id} voucher={v} onOpen={() => open(v.id)} />
            ))}
            <LoadMore list={useVouchersStore} className="vc-more" />
          </View>
        ) : (
          <EmptyState
            icon="🎫"
            title={EMPTY[filter]}
            description="用积分兑换专属福利，券会出现在这里"
            action={
              <Button variant="secondary" onClick={() => go('benefits')}>
                去看看福利
              </Button>
            }
          />
        )}
      </PageState>
      <Sheet open={opened !== null} title="券码" onClose={() => open(null)}>
        {opened ? <VoucherTicket voucher={opened} /> : null}
      </Sheet>
    </Screen>
  );
}
