import { useState } from 'react';
import { Text, Picker } from '@tarojs/components';
import { monthDayText } from '@shared/domain/opsAudit';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { BIRTHDAY_DAYS, BIRTHDAY_MONTHS, birthdayFromPicker } from '@/copy/birthday';
import { useOpsChange } from '../../stores/change';
import { birthdayText } from '../../utils/changes';
import { Field } from '../Field';
import { ReasonField, reasonReady } from '../ReasonField';

export interface BirthdaySheetProps {
  openid: string;
  nickname: string;
  current: string | null;
  onClose: () => void;
}

/** 修改生日: members set theirs once; ops correct it (a gift already given this year stays the year's only one). */
export function BirthdaySheet({ openid, nickname, current, onClose }: BirthdaySheetProps) {
  const propose = useOpsChange((s) => s.propose);
  const [birthday, setBirthday] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reasonOk = reasonReady(reason);
  const ready = birthday !== null && birthday !== current && reasonOk;
  const start = current ? [Number(current.slice(0, 2)) - 1, Number(current.slice(3, 5)) - 1] : [0, 0];
  return (
    <Sheet
      open
      title={`修改 ${nickname} 的生日`}
      onClose={onClose}
      footer={
        <Button
          block
          disabled={!ready}
          onClick={() => {
            if (birthday)
              void propose({
                kind: 'birthday',
                openid,
                birthday,
                reason: reason.trim(),
                text: birthdayText(nickname, current, birthday, reason),
              });
          }}
        >
          下一步：确认
        </Button>
      }
    >
      <Field label="生日" hint={`现在：${monthDayText(current)}。今年已发的生日礼不会再发一次。`}>
        <Picker
          mode="multiSelector"
          range={[BIRTHDAY_MONTHS, BIRTHDAY_DAYS]}
          value={start}
          onChange={(e) => setBirthday(birthdayFromPicker(e.detail.value as number[]))}
        >
          <Text className="ops-field__input">{birthday ? monthDayText(birthday) : '选择月、日'}</Text>
        </Picker>
      </Field>
      <ReasonField label="原因（记入操作记录）" placeholder="例如：会员来电，核对证件后更正" value={reason} onChange={setReason} />
    </Sheet>
  );
}
