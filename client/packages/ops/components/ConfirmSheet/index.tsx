import { View, Text } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { CONFIRM_LABELS, useOpsChange } from '../../stores/change';
import './index.css';

export interface ConfirmSheetProps {
  /** After the change was applied: reload what shows it. */
  onDone: () => void;
}

/**
 * The confirmation every back-office change goes through: the exact sentence of what will
 * change, then one tap applies it (a second tap or a retry does nothing more). A refusal stays
 * on the sheet with its reason.
 */
export function ConfirmSheet({ onDone }: ConfirmSheetProps) {
  const pending = useOpsChange((s) => s.pending);
  const submitting = useOpsChange((s) => s.submitting);
  const error = useOpsChange((s) => s.error);
  const confirm = useOpsChange((s) => s.confirm);
  const dismiss = useOpsChange((s) => s.dismiss);
  return (
    <Sheet
      open={pending !== null}
      title="请确认"
      onClose={dismiss}
      footer={
        <View className="ops-confirm__actions">
          <Button variant="ghost" onClick={dismiss} disabled={submitting}>
            返回修改
          </Button>
          <Button
            variant={pending?.kind === 'cancel' ? 'danger' : 'primary'}
            loading={submitting}
            onClick={() => {
              void confirm().then((applied) => {
                if (applied) onDone();
              });
            }}
          >
            {pending ? CONFIRM_LABELS[pending.kind] : '确认'}
          </Button>
        </View>
      }
    >
      <View className="ops-confirm">
        <Text className="ops-confirm__text">{pending?.text}</Text>
        <Text className="ops-confirm__note">确认后立即生效，并记入操作记录（谁、何时、改了什么、原因）。</Text>
        {error ? <Text className="ops-confirm__error">{`没有执行：${error.message}`}</Text> : null}
      </View>
    </Sheet>
  );
}
