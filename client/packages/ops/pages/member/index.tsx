import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { OpsInviteLine, OpsMemberData, OpsVoucher } from '@shared/contracts/ops';
import { formatVoucherCode } from '@shared/domain/codes';
import { roleNames } from '@shared/domain/staffChange';
import { monthDayText } from '@shared/domain/opsAudit';
import { Avatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { LoadMore } from '@/components/LoadMore';
import { EmptyState, ErrorState, Loading, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { Stat } from '@/components/Stat';
import { StatusTag } from '@/components/StatusTag';
import { Tabs } from '@/components/Tabs';
import { TierTag } from '@/components/TierTag';
import { VOUCHER_STATUS } from '@/copy/statuses';
import { teamStatusLabel } from '@/copy/team';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { cx } from '@/utils/cx';
import { formatDateTime, formatDayString, formatFullDay, formatNumber, formatUntil, signed } from '@/utils/format';
import { AdjustSheet } from '../../components/AdjustSheet';
import { AuditEntries } from '../../components/AuditEntries';
import { BirthdaySheet } from '../../components/BirthdaySheet';
import { CancelSheet } from '../../components/CancelSheet';
import { ConfirmSheet } from '../../components/ConfirmSheet';
import { LockedPage } from '../../components/Locked';
import { StaffSheet } from '../../components/StaffSheet';
import { useOpsChange } from '../../stores/change';
import { useOpsMember } from '../../stores/member';
import { useOpsLedger, useOpsMemberAudit, useOpsVouchers } from '../../stores/memberLists';
import './index.css';

type TabKey = 'ledger' | 'vouchers' | 'audit' | 'invites' | 'more';
type OpenSheet = { kind: 'adjust' } | { kind: 'birthday' } | { kind: 'staff' } | { kind: 'cancel'; voucher: OpsVoucher } | null;

const INVITE_STATUS: Record<OpsInviteLine['status'], string> = { bound: '待激活', activated: '已激活', rewarded: '已激活 · 已奖励' };

/**
 * 会员详情 in the back office (`ops.member`): who the member is, their tier and balance (pending
 * points, a refund debt, points about to expire when they have them), their ledger, vouchers,
 * invites, badges, teams and campaigns — and the corrections ops make, each behind a
 * confirmation that says exactly what changes.
 */
export default function OpsMemberPage() {
  const openid = useRouter().params.openid ?? '';
  const member = useOpsMember((s) => s.member);
  const status = useOpsMember((s) => s.status);
  const error = useOpsMember((s) => s.error);
  const [sheet, setSheet] = useState<OpenSheet>(null);

  usePageData(({ quiet }) => (quiet ? useOpsMember.getState().load({ quiet }) : useOpsMember.getState().open(openid)));

  // The lists start from the first pages the member's page brought (and again after each change).
  useEffect(() => {
    if (!member || member.openid !== openid) return;
    useOpsLedger.getState().show(openid, { items: member.ledger.entries, nextCursor: member.ledger.nextCursor });
    useOpsVouchers.getState().show(openid, { items: member.vouchers.vouchers, nextCursor: member.vouchers.nextCursor });
  }, [member, openid]);

  const shown = member && member.openid === openid ? member : null;

  const onDone = () => {
    const done = useOpsChange.getState().done;
    setSheet(null);
    if (done) void Taro.showToast({ title: done, icon: 'success' });
    void useOpsMember.getState().load({ quiet: true });
    // The change's audit line, when the member's audit was opened.
    const audit = useOpsMemberAudit.getState();
    if (audit.openid === openid && audit.status !== 'idle') void audit.loadFor(openid);
  };

  if (error?.code === 'FORBIDDEN') {
    return <LockedPage />;
  }

  return (
    <Screen>
      <PageState status={status} error={error} hasData={shown !== null} onRetry={() => void useOpsMember.getState().open(openid)}>
        {shown ? (
          <View className="ops-member">
            <Profile m={shown} />
            <Balance m={shown} />
            <View className="ops-member__actions">
              <Button size="sm" disabled={shown.profile.deleting} onClick={() => setSheet({ kind: 'adjust' })}>
                调整积分
              </Button>
              <Button size="sm" variant="secondary" disabled={shown.profile.deleting} onClick={() => setSheet({ kind: 'birthday' })}>
                修改生日
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setSheet({ kind: 'staff' })}>
                员工权限
              </Button>
              <Button size="sm" variant="ghost" onClick={() => go('opsAudit', { target: openid, targetName: shown.profile.nickname })}>
                操作记录
              </Button>
            </View>
            <Lists m={shown} onCancel={(voucher) => setSheet({ kind: 'cancel', voucher })} />
            {sheet?.kind === 'adjust' ? (
              <AdjustSheet
                openid={openid}
                nickname={shown.profile.nickname}
                balance={{ points: shown.balance.points, growth: shown.balance.growth }}
                onClose={() => setSheet(null)}
              />
            ) : null}
            {sheet?.kind === 'birthday' ? (
              <BirthdaySheet
                openid={openid}
                nickname={shown.profile.nickname}
                current={shown.profile.birthday}
                onClose={() => setSheet(null)}
              />
            ) : null}
            {sheet?.kind === 'staff' ? (
              <StaffSheet openid={openid} name={shown.profile.nickname} current={shown.profile.staff} onClose={() => setSheet(null)} />
            ) : null}
            {sheet?.kind === 'cancel' ? (
              <CancelSheet
                nickname={shown.profile.nickname}
                voucher={sheet.voucher}
                points={shown.balance.points}
                onClose={() => setSheet(null)}
              />
            ) : null}
            <ConfirmSheet onDone={onDone} />
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}

function Profile({ m }: { m: OpsMemberData }) {
  const { profile, tier } = m;
  return (
    <Card className="ops-member__profile">
      <View className="ops-member__who">
        <Avatar src={profile.avatarUrl} name={profile.nickname} size="lg" />
        <View className="ops-member__who-text">
          <View className="ops-member__name-line">
            <Text className="ops-member__name">{profile.nickname}</Text>
            <TierTag tier={tier.id} name={tier.name} />
            {profile.deleting ? <StatusTag tone="danger">注销中</StatusTag> : null}
          </View>
          <Text className="ops-member__sub">{`${formatFullDay(profile.joinedAt)}加入 · 生日 ${monthDayText(profile.birthday)} · 邀请码 ${profile.inviteCode}`}</Text>
          {profile.staff ? (
            <Text className="ops-member__sub">{`员工：${roleNames(profile.staff.roles).join('、')}${profile.staff.active ? '' : '（已停用）'}`}</Text>
          ) : null}
          <Text className="ops-member__openid" userSelect>{`OPENID ${m.openid}`}</Text>
        </View>
      </View>
      {profile.deleting ? <Text className="ops-member__warn">这位会员正在注销账号，积分、生日等已不能修改。</Text> : null}
    </Card>
  );
}

function Balance({ m }: { m: OpsMemberData }) {
  const { balance, tier, activity } = m;
  return (
    <Card className="ops-member__balance">
      <View className="ops-member__stats">
        <Stat label="可用积分" value={formatNumber(balance.points)} />
        <Stat label="累计成长值" value={formatNumber(balance.growth)} />
        <Stat label={`近 ${tier.windowMonths} 个月成长值`} value={formatNumber(tier.windowGrowth)} />
      </View>
      {balance.pending ? (
        <Text className="ops-member__line">{`另有 ${formatNumber(balance.pending.points)} 积分待到账${balance.pending.nextDay ? ` · ${formatDayString(balance.pending.nextDay)}起可用` : ''}（到账前不能使用）`}</Text>
      ) : null}
      {balance.debt > 0 ? (
        <Text className="ops-member__line ops-member__line--warn">{`退款待抵扣 ${formatNumber(balance.debt)} 积分，将从之后获得的积分中扣除`}</Text>
      ) : null}
      {balance.expiring ? (
        <Text className="ops-member__line ops-member__line--warn">{`${formatNumber(balance.expiring.points)} 积分将于 ${formatDayString(balance.expiring.lastDay)}过期`}</Text>
      ) : null}
      <Text className="ops-member__line">
        {tier.next
          ? `${tier.name} · 再获得 ${formatNumber(tier.next.growthNeeded)} 成长值升级${tier.next.name}`
          : `${tier.name} · 已是最高等级`}
      </Text>
      {tier.downgrade ? (
        <Text className="ops-member__line ops-member__line--warn">{`${formatDayString(tier.downgrade.date)} 将降为${tier.downgrade.toTierName}，之前再获得 ${formatNumber(tier.downgrade.growthToKeep)} 成长值可保级`}</Text>
      ) : null}
      <Text className="ops-member__line ops-member__line--muted">
        {`连续签到 ${activity.streak.current} 天（最长 ${activity.streak.best} 天）· 签到 ${activity.checkinDays} 天 · 消费 ${activity.purchases} 笔 · 线下活动 ${activity.eventsAttended} 场 · 兑换 ${activity.redemptions} 次 · 邀请激活 ${activity.invitesActivated} 位 · 公益捐赠 ${formatNumber(activity.pointsDonated)} 积分`}
      </Text>
    </Card>
  );
}

function Lists({ m, onCancel }: { m: OpsMemberData; onCancel: (v: OpsVoucher) => void }) {
  const [tab, setTab] = useState<TabKey>('ledger');
  return (
    <Card className="ops-member__lists">
      <Tabs<TabKey>
        items={[
          { key: 'ledger', title: '积分明细' },
          { key: 'vouchers', title: '券' },
          { key: 'audit', title: '操作记录' },
          { key: 'invites', title: '邀请', badge: m.invites.total || null },
          { key: 'more', title: '更多' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'ledger' ? <LedgerList /> : null}
      {tab === 'vouchers' ? <VoucherList onCancel={m.profile.deleting ? null : onCancel} /> : null}
      {tab === 'audit' ? <MemberAudit openid={m.openid} /> : null}
      {tab === 'invites' ? <Invites m={m} /> : null}
      {tab === 'more' ? <More m={m} /> : null}
    </Card>
  );
}

function LedgerList() {
  const items = useOpsLedger((s) => s.items);
  if (items.length === 0) return <EmptyState icon="📒" title="还没有积分记录" />;
  return (
    <View>
      {items.map((e) => (
        <View key={e.id} className="ops-row">
          <View className="ops-row__body">
            <Text className="ops-row__title">{e.kindName}</Text>
            {e.reason ? <Text className="ops-row__sub">{`原因：${e.reason}`}</Text> : null}
            {e.boost ? <Text className="ops-row__sub">{`含活动加成：${e.boost}`}</Text> : null}
            <Text className="ops-row__meta">{`${formatDateTime(e.createdAt)}${e.byName ? ` · 操作人 ${e.byName}` : ''}`}</Text>
          </View>
          <View className="ops-row__amounts">
            {e.points !== 0 ? (
              <Text
                className={cx('ops-row__points mc-num', e.points > 0 ? 'ops-row__points--in' : 'ops-row__points--out')}
              >{`${signed(e.points)} 积分`}</Text>
            ) : null}
            {e.growth !== 0 ? <Text className="ops-row__growth mc-num">{`${signed(e.growth)} 成长值`}</Text> : null}
          </View>
        </View>
      ))}
      <LoadMore list={useOpsLedger} />
    </View>
  );
}

/** What ops changed for this member (corrections, cancelled vouchers, birthday, staff roles), newest first. */
function MemberAudit({ openid }: { openid: string }) {
  const items = useOpsMemberAudit((s) => s.items);
  const status = useOpsMemberAudit((s) => s.status);
  const error = useOpsMemberAudit((s) => s.error);
  const current = useOpsMemberAudit((s) => s.openid === openid);
  useEffect(() => {
    void useOpsMemberAudit.getState().loadFor(openid);
  }, [openid]);
  if (!current || status === 'idle' || status === 'loading') return <Loading rows={2} />;
  if (status === 'error')
    return <ErrorState message={error?.message ?? '加载失败'} onRetry={() => void useOpsMemberAudit.getState().loadFor(openid)} />;
  if (items.length === 0) return <EmptyState icon="🧾" title="还没有对这位会员的操作" />;
  return (
    <View>
      <AuditEntries entries={items} linkTargets={false} />
      <LoadMore list={useOpsMemberAudit} />
    </View>
  );
}

function VoucherList({ onCancel }: { onCancel: ((v: OpsVoucher) => void) | null }) {
  const items = useOpsVouchers((s) => s.items);
  if (items.length === 0) return <EmptyState icon="🎫" title="还没有券" />;
  return (
    <View>
      {items.map((v) => (
        <View key={v.id} className="ops-row">
          <View className="ops-row__body">
            <View className="ops-row__title-line">
              <Text className="ops-row__title">{v.packTitle}</Text>
              <StatusTag tone={VOUCHER_STATUS[v.status].tone}>
                {v.status === 'cancelled' ? '已作废' : VOUCHER_STATUS[v.status].text}
              </StatusTag>
            </View>
            <Text className="ops-row__sub mc-num">{`${formatVoucherCode(v.code)} · ${v.gift ? '赠送' : `${v.cost} 积分`}`}</Text>
            <Text className="ops-row__meta">
              {v.status === 'used'
                ? `${formatDateTime(v.usedAt ?? v.createdAt)} 核销${v.usedStore ? `（${v.usedStore}）` : ''}`
                : v.status === 'cancelled'
                  ? `${formatDateTime(v.cancelledAt ?? v.createdAt)} 作废${v.cancelReason ? `：${v.cancelReason}` : ''}`
                  : `${formatDateTime(v.createdAt)} 兑换 · 有效期至 ${formatUntil(v.expiresAt)}`}
            </Text>
          </View>
          {v.cancellable && onCancel ? (
            <Button size="sm" variant="ghost" onClick={() => onCancel(v)}>
              作废
            </Button>
          ) : null}
        </View>
      ))}
      <LoadMore list={useOpsVouchers} />
    </View>
  );
}

function InviteRow({ line, label }: { line: OpsInviteLine; label?: string }) {
  return (
    <View className="ops-row" onClick={() => go('opsMember', { openid: line.openid })}>
      <View className="ops-row__body">
        <Text className="ops-row__title">{label ? `${label}：${line.nickname}` : line.nickname}</Text>
        <Text className="ops-row__meta">{`${formatDateTime(line.boundAt)} 接受邀请${line.reward ? ` · 奖励 ${line.reward.points} 积分` : ''}`}</Text>
      </View>
      <StatusTag tone={line.status === 'bound' ? 'warning' : 'success'}>{INVITE_STATUS[line.status]}</StatusTag>
    </View>
  );
}

function Invites({ m }: { m: OpsMemberData }) {
  return (
    <View>
      {m.invitedBy ? (
        <InviteRow line={m.invitedBy} label="邀请人" />
      ) : (
        <Text className="ops-member__line ops-member__line--muted">不是通过邀请加入的</Text>
      )}
      <Text className="ops-member__subhead">{`邀请了 ${m.invites.total} 位好友，${m.invites.activated} 位已激活${m.invites.total > m.invites.latest.length ? `（显示最近 ${m.invites.latest.length} 位）` : ''}`}</Text>
      {m.invites.latest.map((line) => (
        <InviteRow key={line.openid} line={line} />
      ))}
    </View>
  );
}

function More({ m }: { m: OpsMemberData }) {
  return (
    <View>
      <Text className="ops-member__subhead">{`徽章 ${m.badges.length} 枚`}</Text>
      <View className="ops-member__chips">
        {m.badges.length ? (
          m.badges.map((b) => <Text key={b.id} className="ops-member__chip">{`${b.icon} ${b.name}`}</Text>)
        ) : (
          <Text className="ops-member__line--muted">还没有徽章</Text>
        )}
      </View>
      <Text className="ops-member__subhead">{`成长树：${m.tree.stageName}，点亮 ${m.tree.unlocked}/${m.tree.total} 个节点`}</Text>
      <Text className="ops-member__subhead">组队挑战</Text>
      {m.teams.length ? (
        m.teams.map((t) => (
          <View key={t.teamId} className="ops-row">
            <View className="ops-row__body">
              <Text className="ops-row__title">{`${t.challengeTitle}${t.captain ? '（队长）' : ''}`}</Text>
              <Text className="ops-row__meta">{`队伍 ${t.teamId} · 进度 ${t.progress}/${t.target}`}</Text>
            </View>
            <StatusTag tone="primary">{teamStatusLabel(t.status, t.failure)}</StatusTag>
          </View>
        ))
      ) : (
        <Text className="ops-member__line ops-member__line--muted">没有参加组队挑战</Text>
      )}
      <Text className="ops-member__subhead">参加过的会员活动</Text>
      <Text className="ops-member__line ops-member__line--muted">
        {m.campaigns.length ? m.campaigns.map((c) => c.title).join('、') : '还没有参加活动'}
      </Text>
    </View>
  );
}
