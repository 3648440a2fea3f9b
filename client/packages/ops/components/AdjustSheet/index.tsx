import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { balanceChangeText } from '@shared/domain/opsAudit';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { Tabs } from '@/components/Tabs';
import { useOpsChange } from '../../stores/change';
import { adjustText, parseDelta } from '../../utils/changes';
import { Field } from '../Field';
import { ReasonField, reasonReady } from '../ReasonField';
import './index.css';

export interface AdjustSheetProps {
  openid: string;
  nickname: string;
  balance: { points: number; growth: number };
  onClose: () => void;
}

type Direction = 'add' | 'deduct';

/** 调整积分/成长值: how much, which way, and why — then the confirmation says exactly what changes. */
export function AdjustSheet({ openid, nickname, balance, onClose }: AdjustSheetProps) {
  const propose = useOpsChange((s) => s.propose);
  const [direction, setDirection] = useState<Direction>('add');
  const [points, setPoints] = useState('');
  const [growth, setGrowth] = useState('');
  const [reason, setReason] = useState('');

  const sign = direction === 'add' ? 1 : -1;
  const p = points.trim() ? parseDelta(points) : 0;
  const g = growth.trim() ? parseDelta(growth) : 0;
  const delta = p !== null && g !== null ? { points: sign * Math.abs(p), growth: sign * Math.abs(g) } : null;
  const after = delta ? { points: balance.points + delta.points, growth: balance.growth + delta.growth } : null;
  const problem =
    p === null || g === null
      ? '请输入整数'
      : delta && delta.points === 0 && delta.growth === 0
        ? null
        : after && after.points < 0
          ? `扣减后积分会小于 0（现有 ${balance.points}）`
          : after && after.growth < 0
            ? `扣减后成长值会小于 0（现有 ${balance.growth}）`
            : null;
  const reasonOk = reasonReady(reason);
  const ready = delta !== null && (delta.points !== 0 || delta.growth !== 0) && problem === null && reasonOk;

  return (
    <Sheet
      open
      title={`调整 ${nickname} 的积分/成长值`}
      onClose={onClose}
      footer={
        <Button
          block
          disabled={!ready}
          onClick={() => {
            if (!delta) return;
            void propose({ kind: 'adjust', openid, ...delta, reason: reason.trim(), text: adjustText(nickname, balance, delta, reason) });
          }}
        >
          下一步：确认
        </Button>
      }
    >
      <Tabs<Direction>
        items={[
          { key: 'add', title: '增加（补发）' },
          { key: 'deduct', title: '扣减（更正）' },
        ]}
        value={direction}
        onChange={setDirection}
      />
      <Field label="积分" hint={`现有 ${balance.points} 积分`}>
        <Input
          className="ops-field__input"
          type="number"
          value={points}
          placeholder="0"
          maxlength={7}
          onInput={(e) => setPoints(e.detail.value)}
        />
      </Field>
      <Field label="成长值" hint={`累计 ${balance.growth} 成长值（等级按近 12 个月计算）`}>
        <Input
          className="ops-field__input"
          type="number"
          value={growth}
          placeholder="0"
          maxlength={7}
          onInput={(e) => setGrowth(e.detail.value)}
        />
      </Field>
      <ReasonField
        label="原因（会员积分明细中可见，记入操作记录）"
        placeholder="例如：线下沙龙签到补发"
        value={reason}
        onChange={setReason}
      />
      <View className="ops-adjust__preview">
        {problem ? (
          <Text className="ops-adjust__problem">{problem}</Text>
        ) : delta && after ? (
          <Text>{balanceChangeText(balance, after)}</Text>
        ) : null}
      </View>
    </Sheet>
  );
}
