import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { LeaderboardRow } from '@shared/contracts/invite';
import { Avatar } from '@/components/Avatar';
import { Card } from '@/components/Card';
import { EmptyState, PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { Toggle } from '@/components/Toggle';
import { usePageData } from '@/hooks/usePageData';
import { go } from '@/routes';
import { useInvitesStore } from '@/stores/invites';
import { useProfileStore } from '@/stores/profile';
import { cx } from '@/utils/cx';
import { formatMonth } from '@/utils/format';
import './index.css';

const MEDALS = ['🥇', '🥈', '🥉'];

function Row({ row }: { row: LeaderboardRow }) {
  return (
    <View className={cx('lb-row', row.me && 'lb-row--me')}>
      <Text className={cx('lb-row__rank', row.rank <= 3 && 'lb-row__rank--medal')}>{MEDALS[row.rank - 1] ?? row.rank}</Text>
      <Avatar src={row.avatarUrl} name={row.nickname === '匿名会员' ? '匿' : row.nickname} size="sm" />
      <Text className="lb-row__name">{row.me ? `${row.nickname}（我）` : row.nickname}</Text>
      <Text className="lb-row__count mc-num">{row.activated}</Text>
      <Text className="lb-row__unit">位</Text>
    </View>
  );
}

export default function Leaderboard() {
  const board = useInvitesStore((s) => s.board);
  const status = useInvitesStore((s) => s.boardStatus);
  const error = useInvitesStore((s) => s.boardError);
  const load = useInvitesStore((s) => s.loadBoard);
  const saving = useProfileStore((s) => s.saving);
  usePageData(({ quiet }) => load({ quiet }));

  const toggle = async (on: boolean) => {
    const ok = await useProfileStore.getState().setLeaderboardOptIn(on);
    if (!ok) void Taro.showToast({ title: useProfileStore.getState().error?.message ?? '保存失败', icon: 'none' });
  };

  return (
    <Screen>
      <PageState status={status} error={error} hasData={board !== null} onRetry={() => void load()}>
        {board ? (
          <View>
            <View className="lb-hero">
              <Text className="lb-hero__title">{formatMonth(board.month)}邀请榜</Text>
              <Text className="lb-hero__sub">按本月「成为活跃会员」的好友人数排名</Text>
              <View className="lb-hero__mine">
                {board.mine ? (
                  <Text>
                    我的排名 <Text className="lb-hero__rank mc-num">第 {board.mine.rank} 名</Text> · 本月 {board.mine.activated}{' '}
                    位好友已激活
                  </Text>
                ) : (
                  <Text>本月还没有好友成为活跃会员，去邀请好友吧</Text>
                )}
              </View>
            </View>
            <Card>
              {board.rows.length ? (
                board.rows.map((row, i) => <Row key={`${row.rank}-${i}`} row={row} />)
              ) : (
                <EmptyState icon="🏆" title="本月榜单虚位以待" description="好友成为活跃会员后，你就会出现在这里" />
              )}
            </Card>
            <Card>
              <Toggle
                on={board.optedIn}
                disabled={saving}
                label="在榜单上显示我的昵称"
                hint="默认关闭：关闭时你在榜单上显示为「匿名会员」。随时可以在这里或「我的资料」中修改。"
                onChange={(on) => void toggle(on)}
              />
            </Card>
            <Text className="lb-note">榜单只是大家一起参与的记录，上榜没有额外奖励。</Text>
            <View className="lb-link" onClick={() => go('invite')}>
              <Text>邀请好友 ›</Text>
            </View>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
