import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { StaffView } from '@shared/contracts/ops';
import { roleNames } from '@shared/domain/staffChange';
import { Avatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { LockedPage } from '../../components/Locked';
import { StaffSheet } from '../../components/StaffSheet';
import { useOpsChange } from '../../stores/change';
import { useOpsStaff } from '../../stores/staff';
import './index.css';

/**
 * 员工管理 (`ops.staff`, `ops.setStaff`): who verifies vouchers, checks members in at events and
 * runs the program. A change takes effect on the person's next action; the function keeps at
 * least one active ops member and never lets ops take away their own ops role.
 */
export default function StaffPage() {
  const roster = useOpsStaff((s) => s.roster);
  const status = useOpsStaff((s) => s.status);
  const error = useOpsStaff((s) => s.error);
  const load = useOpsStaff((s) => s.load);
  const [editing, setEditing] = useState<StaffView | null>(null);
  usePageData(({ quiet }) => load({ quiet }));

  if (error?.code === 'FORBIDDEN') {
    return <LockedPage />;
  }

  const onDone = () => {
    const done = useOpsChange.getState().done;
    setEditing(null);
    if (done) void Taro.showToast({ title: done, icon: 'success' });
    void load({ quiet: true });
  };

  return (
    <Screen>
      <Card className="ops-staff__intro">
        <Text className="ops-staff__rules">
          修改在对方下一次操作时生效。至少保留一位在职的运营人员；不能撤销自己的运营权限。新员工请先打开一次小程序，再在「运营后台」找到他，于会员详情中授予角色。
        </Text>
        <Button size="sm" variant="secondary" onClick={() => go('opsOffice')}>
          找会员添加员工
        </Button>
      </Card>
      <PageState status={status} error={error} hasData={roster !== null} onRetry={() => void load()}>
        {roster ? (
          <Card title={`员工 ${roster.staff.length} 位`} extra={<Text>{`在职运营 ${roster.activeOps} 位`}</Text>}>
            {roster.staff.length === 0 ? <EmptyState icon="🪪" title="还没有员工" /> : null}
            {roster.staff.map((s) => (
              <View key={s.openid} className="ops-staff__row" hoverClass="ops-staff__row--pressed" onClick={() => setEditing(s)}>
                <Avatar src={s.avatarUrl} name={s.name} size="sm" />
                <View className="ops-staff__body">
                  <View className="ops-staff__line">
                    <Text className="ops-staff__name">{s.name}</Text>
                    {s.nickname && s.nickname !== s.name ? <Text className="ops-staff__nick">{s.nickname}</Text> : null}
                  </View>
                  <View className="ops-staff__line">
                    {roleNames(s.roles).map((r) => (
                      <StatusTag key={r} tone="primary">
                        {r}
                      </StatusTag>
                    ))}
                    {s.problem ? null : <StatusTag tone={s.active ? 'success' : 'neutral'}>{s.active ? '在职' : '已停用'}</StatusTag>}
                    {s.storeId ? <Text className="ops-staff__store">{`门店 ${s.storeId}`}</Text> : null}
                  </View>
                  {s.problem ? <Text className="ops-staff__problem">{`记录有误，暂无权限：${s.problem}`}</Text> : null}
                </View>
                <Text
                  className="ops-staff__audit"
                  onClick={(e) => {
                    e.stopPropagation();
                    go('opsAudit', { who: s.openid, whoName: s.name });
                  }}
                >
                  操作记录
                </Text>
                <Text className="ops-staff__chevron">›</Text>
              </View>
            ))}
          </Card>
        ) : null}
      </PageState>
      {editing ? (
        <StaffSheet
          openid={editing.openid}
          name={editing.name}
          current={editing.problem ? null : { roles: editing.roles, active: editing.active, storeId: editing.storeId }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmSheet onDone={onDone} />
    </Screen>
  );
}
