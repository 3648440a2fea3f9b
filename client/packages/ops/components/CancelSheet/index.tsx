import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { OpsVoucher } from '@shared/contracts/ops';
import { formatVoucherCode } from '@shared/domain/codes';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { useOpsChange } from '../../stores/change';
import { cancelText } from '../../utils/changes';
import { ReasonField, reasonReady } from '../ReasonField';

export interface CancelSheetProps {
  nickname: string;
  voucher: OpsVoucher;
  /** The member's points now (the confirmation says what they become). */
  points: number;
  onClose: () => void;
}

/** 作废券: an unused voucher, with a reason; its points come back and its stock unit returns. */
export function CancelSheet({ nickname, voucher, points, onClose }: CancelSheetProps) {
  const propose = useOpsChange((s) => s.propose);
  const [reason, setReason] = useState('');
  const reasonOk = reasonReady(reason);
  return (
    <Sheet
      open
      title="作废这张券"
      onClose={onClose}
      footer={
        <Button
          block
          variant="danger"
          disabled={!reasonOk}
          onClick={() =>
            void propose({
              kind: 'cancel',
              redemptionId: voucher.id,
              reason: reason.trim(),
              text: cancelText(nickname, voucher, points, reason),
            })
          }
        >
          下一步：确认
        </Button>
      }
    >
      <View className="ops-field">
        <Text className="ops-field__label">券</Text>
        <Text>{`${voucher.packTitle} · ${formatVoucherCode(voucher.code)}`}</Text>
        <Text className="ops-field__hint">
          {voucher.gift || voucher.cost === 0 ? '赠送的券，作废后不退积分' : `作废后退回 ${voucher.cost} 积分，库存加回 1 份`}
        </Text>
      </View>
      <ReasonField label="原因（记入操作记录）" placeholder="例如：会员到店时门店无货" value={reason} onChange={setReason} />
    </Sheet>
  );
}
