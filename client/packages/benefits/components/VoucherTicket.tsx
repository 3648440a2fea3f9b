import { View, Text } from '@tarojs/components';
import type { VoucherView } from '@shared/contracts/redeem';
import { formatVoucherCode } from '@shared/domain/codes';
import { QrCode } from '@/components/QrCode';
import { StatusTag } from '@/components/StatusTag';
import { VOUCHER_STATUS } from '@/copy/statuses';
import { formatDateTime, formatUntil } from '@/utils/format';
import './VoucherTicket.css';

export interface VoucherTicketProps {
  voucher: VoucherView;
}

/** A voucher as shown at the counter: the pack, a big QR code, the code read aloud, its expiry. */
export function VoucherTicket({ voucher }: VoucherTicketProps) {
  const status = VOUCHER_STATUS[voucher.status];
  const usable = voucher.status === 'issued';
  return (
    <View className="vt">
      <View className="vt__head">
        <Text className="vt__title">{voucher.packTitle}</Text>
        <StatusTag tone={status.tone}>{status.text}</StatusTag>
      </View>
      <View className="vt__qr">
        <QrCode value={voucher.code} size={380} dimmed={!usable} />
        {!usable ? <Text className="vt__stamp">{status.text}</Text> : null}
      </View>
      <Text className="vt__code mc-num">{formatVoucherCode(voucher.code)}</Text>
      <Text className="vt__hint">
        {usable
          ? `请向门店员工出示此码 · 有效期至 ${formatUntil(voucher.expiresAt)}`
          : voucher.usedAt
            ? `已于 ${formatDateTime(voucher.usedAt)} 核销`
            : `有效期至 ${formatUntil(voucher.expiresAt)}`}
      </Text>
    </View>
  );
}
