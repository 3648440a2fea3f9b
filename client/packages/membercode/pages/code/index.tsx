import { useEffect } from 'react';
import { View, Text } from '@tarojs/components';
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { formatMemberCode } from '@shared/domain/memberCode';
import { Avatar } from '@/components/Avatar';
import { PageState } from '@/components/PageState';
import { QrCode } from '@/components/QrCode';
import { Screen } from '@/components/Screen';
import { TierTag } from '@/components/TierTag';
import { brightenScreen, restoreScreen } from '@/platform/screen';
import { useMemberStore } from '@/stores/member';
import { useMemberCodeStore } from '@/stores/memberCode';
import './index.css';

/**
 * 会员码: the member shows it at the counter or an event's door — a large QR code and the 18
 * digits under it, refreshed every 30 s, the screen at full brightness while the page is open
 * (put back when the member leaves it).
 */
export default function MemberCodePage() {
  const code = useMemberCodeStore((s) => s.code);
  const status = useMemberCodeStore((s) => s.status);
  const error = useMemberCodeStore((s) => s.error);
  const load = useMemberCodeStore((s) => s.load);
  const member = useMemberStore((s) => s.home?.member);

  const leave = () => {
    useMemberCodeStore.getState().unwatch();
    void restoreScreen();
  };
  useDidShow(() => {
    useMemberCodeStore.getState().watch();
    void brightenScreen();
  });
  useDidHide(leave);
  useUnload(leave);
  useEffect(() => {
    if (!useMemberStore.getState().home) void useMemberStore.getState().load();
  }, []);

  return (
    <Screen className="mcode-page">
      <View className="mcode">
        {member ? (
          <View className="mcode__who">
            <Avatar src={member.avatarUrl} name={member.nickname} size="md" />
            <View className="mcode__who-text">
              <Text className="mcode__name">{member.nickname}</Text>
              <TierTag tier={member.tier} name={member.tierName} size="sm" />
            </View>
          </View>
        ) : null}
        <PageState status={status} error={error} hasData={code !== null} onRetry={() => void load()}>
          {code ? (
            <View className="mcode__body">
              <View className="mcode__qr">
                <QrCode value={code.code} size={440} />
              </View>
              <Text className="mcode__digits mc-num" userSelect>
                {formatMemberCode(code.code)}
              </Text>
              <Text className="mcode__hint">向店员或活动工作人员出示，用于消费积分与活动签到</Text>
            </View>
          ) : null}
        </PageState>
        <Text className="mcode__note">会员码每 30 秒自动刷新，1 分钟后失效，仅限本人使用，请勿截图转发</Text>
      </View>
    </Screen>
  );
}
