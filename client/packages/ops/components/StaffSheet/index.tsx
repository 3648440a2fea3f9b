import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { STAFF_ROLES, type StaffRole } from '@shared/content/ids';
import { STAFF_ROLE_INFO, requestedStaffState, sameStaffState, type StaffState } from '@shared/domain/staffChange';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { Toggle } from '@/components/Toggle';
import { useOpsChange } from '../../stores/change';
import { staffText } from '../../utils/changes';
import { Field } from '../Field';
import { ReasonField } from '../ReasonField';
import './index.css';

export interface StaffSheetProps {
  openid: string;
  /** How the person is named in the confirmation. */
  name: string;
  current: StaffState | null;
  onClose: () => void;
}

/**
 * 员工权限: the roles from the shared roles list, on or off; 在职 (off keeps the roles but grants
 * nothing); the store. No role left means the person is no longer staff. The function refuses
 * taking away one's own ops role and removing the last active ops member.
 */
export function StaffSheet({ openid, name, current, onClose }: StaffSheetProps) {
  const propose = useOpsChange((s) => s.propose);
  const [roles, setRoles] = useState<StaffRole[]>(current?.roles ?? []);
  const [active, setActive] = useState(current?.active ?? true);
  const [storeId, setStoreId] = useState(current?.storeId ?? '');
  const [reason, setReason] = useState('');
  const after = requestedStaffState({ roles, active, storeId: storeId.trim() || null });
  const changed = !sameStaffState(current, after);
  const toggle = (role: StaffRole, on: boolean) => setRoles((rs) => (on ? [...rs, role] : rs.filter((r) => r !== role)));
  return (
    <Sheet
      open
      title={`${name} 的员工权限`}
      onClose={onClose}
      footer={
        <Button
          block
          disabled={!changed}
          onClick={() =>
            void propose({
              kind: 'staff',
              openid,
              roles: after?.roles ?? [],
              active: after?.active ?? false,
              storeId: after?.storeId ?? null,
              reason: reason.trim(),
              text: staffText(name, current, after, reason),
            })
          }
        >
          {changed ? '下一步：确认' : '没有改动'}
        </Button>
      }
    >
      <View className="ops-staff-sheet__roles">
        {STAFF_ROLES.map((role) => (
          <Toggle
            key={role}
            label={STAFF_ROLE_INFO[role].name}
            hint={STAFF_ROLE_INFO[role].description}
            on={roles.includes(role)}
            onChange={(on) => toggle(role, on)}
          />
        ))}
        <Toggle label="在职" hint="停用后保留角色，但暂时没有任何权限" on={active} disabled={roles.length === 0} onChange={setActive} />
      </View>
      {roles.length === 0 && current ? <Text className="ops-staff-sheet__note">不勾选任何角色：移除员工身份。</Text> : null}
      <Field label="门店编号（可选，核销记录中会记下）">
        <Input
          className="ops-field__input"
          value={storeId}
          placeholder="例如 sh-jingan-01"
          maxlength={32}
          onInput={(e) => setStoreId(e.detail.value)}
        />
      </Field>
      <ReasonField label="备注原因（可选，记入操作记录）" placeholder="例如：新店开业" value={reason} onChange={setReason} optional />
    </Sheet>
  );
}
