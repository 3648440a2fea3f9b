import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input } from '@tarojs/components';
import { formatVoucherCode } from '@shared/domain/codes';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { Screen } from '@/components/Screen';
import { Sheet } from '@/components/Sheet';
import { OutcomeCard } from '../../components/OutcomeCard';
import { canScan, scanCode } from '@/platform/scanner';
import { useVerifyStore } from '@/stores/verify';
import { formatDateTime, formatUntil } from '@/utils/format';
import { VOUCHER_STATUS } from '@/copy/statuses';
import './index.css';

const FAILURE_TITLES: Record<string, string> = {
  ALREADY_USED: '这张券已经核销过了',
  EXPIRED: '这张券已过期',
  NOT_FOUND: '没有找到这张券',
  FORBIDDEN: '你还没有核销权限',
  RATE_LIMITED: '操作太频繁了',
};

function Outcome({ onReset }: { onReset: () => void }) {
  const result = useVerifyStore((s) => s.result);
  const error = useVerifyStore((s) => s.error);
  const lastCode = useVerifyStore((s) => s.lastCode);
  const reset = () => {
    useVerifyStore.getState().reset();
    onReset();
  };
  if (result) {
    return (
      <OutcomeCard ok title="已核销" next="继续核销" onNext={reset}>
        <View className="vf-outcome__rows">
          <View className="vf-outcome__row">
            <Text className="mc-muted">福利</Text>
            <Text className="vf-outcome__strong">{result.packTitle}</Text>
          </View>
          <View className="vf-outcome__row">
            <Text className="mc-muted">会员</Text>
            <Text className="vf-outcome__strong">{result.memberNickname}</Text>
          </View>
          <View className="vf-outcome__row">
            <Text className="mc-muted">券码</Text>
            <Text className="mc-num">{formatVoucherCode(result.code)}</Text>
          </View>
          <View className="vf-outcome__row">
            <Text className="mc-muted">时间</Text>
            <Text>{formatDateTime(result.usedAt)}</Text>
          </View>
        </View>
      </OutcomeCard>
    );
  }
  if (error) {
    const usedAt = typeof error.details?.usedAt === 'string' ? error.details.usedAt : null;
    return (
      <OutcomeCard ok={false} title={FAILURE_TITLES[error.code] ?? '核销未成功'} next="重新输入" onNext={reset}>
        <Text className="vf-outcome__text">{usedAt ? `该券已于 ${formatDateTime(usedAt)} 核销，请勿重复发放。` : error.message}</Text>
        {lastCode ? <Text className="vf-outcome__code mc-num">{formatVoucherCode(lastCode)}</Text> : null}
      </OutcomeCard>
    );
  }
  return null;
}

export default function Verify() {
  const [typed, setTyped] = useState('');
  const pendingCode = useVerifyStore((s) => s.pendingCode);
  const verifying = useVerifyStore((s) => s.verifying);
  const showingOutcome = useVerifyStore((s) => s.result !== null || s.error !== null);
  const propose = useVerifyStore((s) => s.propose);
  const cancel = useVerifyStore((s) => s.cancel);
  const confirm = useVerifyStore((s) => s.confirm);
  const preview = useVerifyStore((s) => s.preview);
  const previewError = useVerifyStore((s) => s.previewError);

  const submit = (value: string) => {
    if (!propose(value)) void Taro.showToast({ title: '券码是 12 位字母和数字，请检查', icon: 'none' });
  };

  const scan = async () => {
    const text = await scanCode();
    if (text) submit(text);
  };

  return (
    <Screen>
      <Card className="vf-head">
        <Text className="vf-head__title">核销会员券</Text>
        <Text className="vf-head__text">
          {canScan ? '扫描会员出示的券码二维码，或手动输入券码。' : '输入会员出示的 12 位券码（不区分大小写，可带短横线）。'}
        </Text>
        {canScan ? (
          <Button block size="lg" className="vf-head__scan" onClick={() => void scan()}>
            扫码核销
          </Button>
        ) : null}
        <View className="vf-input">
          <Input
            className="vf-input__field"
            value={typed}
            placeholder="例如 K7QM-2XRT-9PAB"
            maxlength={20}
            confirmType="done"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => submit(typed)}
          />
          <Button size="sm" variant={canScan ? 'secondary' : 'primary'} onClick={() => submit(typed)} disabled={!typed.trim()}>
            核销
          </Button>
        </View>
      </Card>

      {showingOutcome ? <Outcome onReset={() => setTyped('')} /> : null}

      <Sheet
        open={pendingCode !== null}
        title="核对券码"
        onClose={cancel}
        footer={
          <View className="vf-confirm__actions">
            <Button variant="ghost" className="vf-confirm__cancel" onClick={cancel} disabled={verifying}>
              取消
            </Button>
            <Button className="vf-confirm__ok" onClick={() => void confirm()} loading={verifying}>
              确认核销
            </Button>
          </View>
        }
      >
        <View className="vf-confirm">
          <Text className="vf-confirm__label">券码</Text>
          <Text className="vf-confirm__code mc-num">{pendingCode ? formatVoucherCode(pendingCode) : ''}</Text>
          {preview ? (
            <View className="vf-outcome__rows vf-confirm__preview">
              <View className="vf-outcome__row">
                <Text className="mc-muted">福利</Text>
                <Text className="vf-outcome__strong">{preview.packTitle}</Text>
              </View>
              <View className="vf-outcome__row">
                <Text className="mc-muted">会员</Text>
                <Text className="vf-outcome__strong">{preview.memberNickname || '未设置昵称'}</Text>
              </View>
              <View className="vf-outcome__row">
                <Text className="mc-muted">状态</Text>
                <Text>
                  {VOUCHER_STATUS[preview.status].text}
                  {preview.status === 'issued' ? ` · ${formatUntil(preview.expiresAt)} 前有效` : ''}
                  {preview.status === 'used' && preview.usedAt ? ` · ${formatDateTime(preview.usedAt)}` : ''}
                </Text>
              </View>
            </View>
          ) : (
            <Text className="vf-confirm__note">{previewError ? previewError.message : '正在查询券信息…'}</Text>
          )}
          <Text className="vf-confirm__note">请核对会员出示的券码。核销后券即失效，无法撤销。</Text>
        </View>
      </Sheet>
    </Screen>
  );
}
