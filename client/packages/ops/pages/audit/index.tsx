import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text, Picker } from '@tarojs/components';
import { Card } from '@/components/Card';
import { LoadMore } from '@/components/LoadMore';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { AuditEntries } from '../../components/AuditEntries';
import { LockedPage } from '../../components/Locked';
import { useOpsAudit, type AuditFilter } from '../../stores/audit';
import { useOpsStaff } from '../../stores/staff';
import './index.css';

/**
 * 操作记录 (`ops.audit`): every change ops made — corrections, cancelled vouchers, birthdays,
 * staff roles, exports — newest first, by member (`?target=…&targetName=…`, from a member's
 * page) and/or by staff member (`?who=…&whoName=…`, from the staff page, or chosen here).
 */
export default function AuditPage() {
  const params = useRouter().params;
  const status = useOpsAudit((s) => s.status);
  const error = useOpsAudit((s) => s.error);
  const items = useOpsAudit((s) => s.items);
  const filter = useOpsAudit((s) => s.filter);
  const setFilter = useOpsAudit((s) => s.setFilter);
  const roster = useOpsStaff((s) => s.roster);

  useEffect(() => {
    const target = params.target ? { openid: params.target, name: decodeURIComponent(params.targetName ?? '') || '该会员' } : undefined;
    const who = params.who ? { openid: params.who, name: decodeURIComponent(params.whoName ?? '') || '该员工' } : undefined;
    void setFilter({ ...(target ? { target } : {}), ...(who ? { who } : {}) });
    void useOpsStaff.getState().load({ quiet: true });
  }, [params.target, params.targetName, params.who, params.whoName, setFilter]);

  if (error?.code === 'FORBIDDEN') {
    return <LockedPage />;
  }

  const staff = roster?.staff ?? [];
  const choose = (next: AuditFilter) => void setFilter(next);
  return (
    <Screen>
      <Card className="ops-audit-page__filters">
        <View className="ops-audit-page__chips">
          <Text className="ops-audit-page__label">会员</Text>
          {filter.target ? (
            <Text className="ops-audit-page__chip" onClick={() => choose({ who: filter.who })}>
              {`${filter.target.name} ×`}
            </Text>
          ) : (
            <Text className="ops-audit-page__hint">全部（在会员详情里点「操作记录」只看一位）</Text>
          )}
        </View>
        <View className="ops-audit-page__chips">
          <Text className="ops-audit-page__label">操作人</Text>
          {filter.who ? (
            <Text className="ops-audit-page__chip" onClick={() => choose({ target: filter.target })}>
              {`${filter.who.name} ×`}
            </Text>
          ) : (
            <Picker
              mode="selector"
              range={staff.map((s) => s.name)}
              onChange={(e) => {
                const s = staff[Number(e.detail.value)];
                if (s) choose({ target: filter.target, who: { openid: s.openid, name: s.name } });
              }}
            >
              <Text className="ops-audit-page__pick">{staff.length ? '全部 · 选择员工 ›' : '全部'}</Text>
            </Picker>
          )}
        </View>
      </Card>
      <PageState status={status} error={error} hasData={status === 'ready'} onRetry={() => void useOpsAudit.getState().load()}>
        {items.length ? (
          <Card>
            <AuditEntries entries={items} />
            <LoadMore list={useOpsAudit} />
          </Card>
        ) : (
          <EmptyState icon="🧾" title="没有操作记录" description="调整积分、作废券、修改生日、员工权限和导出数据都会记在这里。" />
        )}
      </PageState>
    </Screen>
  );
}
