import { View, Text } from '@tarojs/components';
import type { HomeData } from '@shared/contracts/member';
import { go, type RouteName } from '@/routes';

interface Shortcut {
  route: RouteName;
  icon: string;
  title: string;
  sub?: string;
  tint: string;
}

export interface ShortcutsProps {
  home: HomeData;
}

/** The ways into the member center, plus staff entries for members with a staff role. */
export function Shortcuts({ home }: ShortcutsProps) {
  const roles = home.member.roles;
  const main: Shortcut[] = [
    { route: 'badges', icon: '🏅', title: '徽章墙', sub: `${home.badges.earned}/${home.badges.total}`, tint: '#FDF1E2' },
    { route: 'tree', icon: '🌳', title: '成长树', sub: home.tree.stageName, tint: '#E4F4EC' },
    { route: 'benefits', icon: '🎁', title: '专属福利', sub: home.member.tierName, tint: '#F8ECEF' },
    {
      route: 'invite',
      icon: '💌',
      title: '邀请好友',
      sub: home.invite.invited ? `已邀 ${home.invite.invited}` : undefined,
      tint: '#E6EFFB',
    },
  ];
  const more: Shortcut[] = [
    { route: 'vouchers', icon: '🎫', title: '我的券', tint: '#F3F1ED' },
    { route: 'ledger', icon: '📒', title: '积分明细', tint: '#F3F1ED' },
    { route: 'charity', icon: '💚', title: '公益同行', tint: '#F3F1ED' },
    { route: 'myEvents', icon: '🎪', title: '我的活动', tint: '#F3F1ED' },
    { route: 'rules', icon: '📜', title: '活动规则', tint: '#F3F1ED' },
    { route: 'profile', icon: '🙂', title: '我的资料', tint: '#F3F1ED' },
  ];
  const staff: Shortcut[] = [
    ...(roles.includes('verifier') ? [{ route: 'verify' as const, icon: '🔍', title: '核销券码', sub: '门店员工', tint: '#E3F0EB' }] : []),
    ...(roles.includes('host') || roles.includes('verifier')
      ? [{ route: 'eventCheckin' as const, icon: '🎪', title: '活动签到', sub: '扫会员码', tint: '#E3F0EB' }]
      : []),
    ...(roles.includes('ops') ? [{ route: 'opsDashboard' as const, icon: '📊', title: '数据看板', sub: '运营', tint: '#E3F0EB' }] : []),
    ...(roles.includes('ops')
      ? [{ route: 'opsOffice' as const, icon: '🗂️', title: '运营后台', sub: '查会员 · 员工 · 操作记录', tint: '#E3F0EB' }]
      : []),
  ];
  return (
    <View className="home-shortcuts">
      <View className="home-shortcuts__grid">
        {main.map((s) => (
          <View key={s.route} className="home-shortcuts__item" hoverClass="home-shortcuts__item--pressed" onClick={() => go(s.route)}>
            <View className="home-shortcuts__icon" style={{ background: s.tint }}>
              <Text>{s.icon}</Text>
            </View>
            <Text className="home-shortcuts__title">{s.title}</Text>
            <Text className="home-shortcuts__sub">{s.sub ?? ' '}</Text>
          </View>
        ))}
      </View>
      <View className="home-shortcuts__grid home-shortcuts__grid--small">
        {more.map((s) => (
          <View key={s.route} className="home-shortcuts__item" hoverClass="home-shortcuts__item--pressed" onClick={() => go(s.route)}>
            <View className="home-shortcuts__icon home-shortcuts__icon--small" style={{ background: s.tint }}>
              <Text>{s.icon}</Text>
            </View>
            <Text className="home-shortcuts__title home-shortcuts__title--small">{s.title}</Text>
          </View>
        ))}
      </View>
      {staff.length ? (
        <View className="home-shortcuts__staff">
          {staff.map((s) => (
            <View
              key={s.route}
              className="home-shortcuts__staff-item"
              hoverClass="home-shortcuts__item--pressed"
              onClick={() => go(s.route)}
            >
              <Text className="home-shortcuts__staff-icon">{s.icon}</Text>
              <View className="home-shortcuts__staff-text">
                <Text className="home-shortcuts__title">{s.title}</Text>
                <Text className="home-shortcuts__sub">{s.sub}</Text>
              </View>
              <Text className="home-shortcuts__chevron">›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
