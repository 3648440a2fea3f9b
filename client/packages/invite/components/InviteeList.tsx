import { View, Text } from '@tarojs/components';
import type { InviteMineData } from '@shared/contracts/invite';
import { Avatar } from '@/components/Avatar';
import { EmptyState } from '@/components/PageState';
import { ProgressBar } from '@/components/ProgressBar';
import { StatusTag } from '@/components/StatusTag';
import { inviteeLine } from '@/copy/statuses';
import { formatDay, formatNumber } from '@/utils/format';
import './InviteeList.css';

export interface InviteeListProps {
  mine: InviteMineData;
}

/** "我的邀请": each friend, their status and progress toward activation, the reward or why none. */
export function InviteeList({ mine }: InviteeListProps) {
  const { totals, invitees } = mine;
  return (
    <View>
      <View className="il-totals">
        <View className="il-totals__item">
          <Text className="il-totals__value mc-num">{totals.invited}</Text>
          <Text className="il-totals__label">已邀请</Text>
        </View>
        <View className="il-totals__item">
          <Text className="il-totals__value mc-num">{totals.activated}</Text>
          <Text className="il-totals__label">已激活</Text>
        </View>
        <View className="il-totals__item">
          <Text className="il-totals__value mc-num">{formatNumber(totals.pointsEarned)}</Text>
          <Text className="il-totals__label">获得积分</Text>
        </View>
      </View>
      {invitees.length ? (
        invitees.map((inv, i) => {
          const line = inviteeLine(inv);
          const pending = inv.status === 'bound' && !inv.expired;
          return (
            <View key={`${inv.boundAt}-${i}`} className="il-row">
              <Avatar src={inv.avatarUrl} name={inv.nickname} size="md" />
              <View className="il-row__body">
                <View className="il-row__head">
                  <Text className="il-row__name">{inv.nickname}</Text>
                  <StatusTag tone={line.tone}>{line.status}</StatusTag>
                </View>
                {pending ? (
                  <ProgressBar
                    className="il-row__bar"
                    value={inv.progress.needed ? inv.progress.checkinDays / inv.progress.needed : 0}
                    size="xs"
                    color="#E8912D"
                  />
                ) : null}
                <Text className="il-row__detail">{line.detail}</Text>
                <Text className="il-row__date">{formatDay(inv.boundAt)}接受邀请</Text>
              </View>
            </View>
          );
        })
      ) : (
        <EmptyState icon="💌" title="还没有好友接受邀请" description="把邀请卡发给想一起成长的朋友吧" />
      )}
    </View>
  );
}
