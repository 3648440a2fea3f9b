import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import { MEMBER_MATCH_NAMES } from '@shared/domain/memberSearch';
import { Avatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { EmptyState, ErrorState, Loading } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { StatusTag } from '@/components/StatusTag';
import { TierTag } from '@/components/TierTag';
import { go, type RouteName } from '@/routes';
import { formatNumber } from '@/utils/format';
import { usePageData } from '@/hooks/usePageData';
import { AuditEntries } from '../../components/AuditEntries';
import { LockedPage } from '../../components/Locked';
import { useOpsRecent } from '../../stores/recent';
import { useOpsSearch } from '../../stores/search';
import './index.css';

const LINKS: Array<{ route: RouteName; icon: string; title: string }> = [
  { route: 'opsDashboard', icon: '📊', title: '数据看板' },
  { route: 'opsStaff', icon: '🪪', title: '员工管理' },
  { route: 'opsAudit', icon: '🧾', title: '操作记录' },
];

/**
 * 运营后台: find a member (nickname prefix, invite code, voucher code, openid), the latest changes
 * ops made, and the ways to staff, audit and the dashboard.
 */
export default function Office() {
  const [typed, setTyped] = useState('');
  const search = useOpsSearch((s) => s.search);
  const searchForbidden = useOpsSearch((s) => s.error?.code === 'FORBIDDEN');
  const recentForbidden = useOpsRecent((s) => s.error?.code === 'FORBIDDEN');
  usePageData(({ quiet }) => useOpsRecent.getState().load({ quiet }));
  if (searchForbidden || recentForbidden) {
    return <LockedPage />;
  }
  return (
    <Screen>
      <Card className="ops-office__search">
        <Text className="ops-office__title">找会员</Text>
        <View className="ops-office__bar">
          <Input
            className="ops-office__input"
            value={typed}
            placeholder="昵称开头 / 邀请码 / 券码 / OPENID"
            maxlength={64}
            confirmType="search"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => void search(typed)}
          />
          <Button size="sm" disabled={!typed.trim()} onClick={() => void search(typed)}>
            搜索
          </Button>
        </View>
        <View className="ops-office__links">
          {LINKS.map((l) => (
            <View key={l.route} className="ops-office__link" hoverClass="ops-office__link--pressed" onClick={() => go(l.route)}>
              <Text className="ops-office__link-icon">{l.icon}</Text>
              <Text className="ops-office__link-title">{l.title}</Text>
            </View>
          ))}
        </View>
      </Card>
      <Results />
      <Recent />
    </Screen>
  );
}

function Recent() {
  const recent = useOpsRecent((s) => s.recent);
  if (!recent || recent.entries.length === 0) return null;
  return (
    <Card
      title="最近操作"
      extra={
        <Text className="ops-office__more" onClick={() => go('opsAudit')}>
          全部记录 ›
        </Text>
      }
    >
      <AuditEntries entries={recent.entries} />
    </Card>
  );
}

function Results() {
  const status = useOpsSearch((s) => s.status);
  const query = useOpsSearch((s) => s.query);
  const hits = useOpsSearch((s) => s.hits);
  const error = useOpsSearch((s) => s.error);
  const search = useOpsSearch((s) => s.search);
  if (status === 'idle') {
    return (
      <EmptyState
        icon="🔎"
        title="输入关键词查找会员"
        description="昵称开头（如「林」）、8 位邀请码、12 位券码（可带短横线）或会员的 OPENID，最多显示 20 位。"
      />
    );
  }
  if (status === 'loading') return <Loading rows={2} text="正在查找…" />;
  if (status === 'error') return <ErrorState message={error?.message ?? '查找失败'} onRetry={() => void search(query)} />;
  if (hits.length === 0)
    return <EmptyState icon="🫥" title={`没有找到「${query}」`} description="昵称区分开头文字；邀请码、券码需完整输入。" />;
  return (
    <Card title={`找到 ${hits.length} 位会员`} className="ops-office__hits">
      {hits.map((h) => (
        <View
          key={h.openid}
          className="ops-office__hit"
          hoverClass="ops-office__hit--pressed"
          onClick={() => go('opsMember', { openid: h.openid })}
        >
          <Avatar src={h.avatarUrl} name={h.nickname} size="sm" />
          <View className="ops-office__hit-body">
            <View className="ops-office__hit-line">
              <Text className="ops-office__hit-name">{h.nickname}</Text>
              <TierTag tier={h.tier} name={h.tierName} />
              {h.deleting ? <StatusTag tone="danger">注销中</StatusTag> : null}
            </View>
            <Text className="ops-office__hit-sub">{`积分 ${formatNumber(h.points)} · 按${MEMBER_MATCH_NAMES[h.matchedBy]}找到`}</Text>
          </View>
          <Text className="ops-office__chevron">›</Text>
        </View>
      ))}
    </Card>
  );
}
