import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useCheckinStore } from '@/stores/checkin';
import { useMemberStore } from '@/stores/member';
import { cx } from '@/utils/cx';

export interface CheckinButtonProps {
  size?: 'md' | 'lg';
  className?: string;
}

/** The one big round check-in button: today's state at a glance, one tap, once a day. */
export function CheckinButton({ size = 'lg', className }: CheckinButtonProps) {
  const checkedIn = useMemberStore((s) => s.home?.member.checkedInToday ?? false);
  const ready = useMemberStore((s) => s.home !== null);
  const checking = useCheckinStore((s) => s.checking);

  const onTap = async () => {
    if (checkedIn || checking || !ready) return;
    const result = await useCheckinStore.getState().checkin();
    if (!result) {
      const error = useCheckinStore.getState().checkinError;
      void Taro.showToast({ title: error?.message ?? '签到失败，请重试', icon: 'none' });
    }
  };

  return (
    <View
      className={cx(
        'mc-checkin-btn',
        `mc-checkin-btn--${size}`,
        checkedIn && 'mc-checkin-btn--done',
        checking && 'mc-checkin-btn--busy',
        className,
      )}
      hoverClass={checkedIn ? 'none' : 'mc-checkin-btn--pressed'}
      onClick={() => void onTap()}
    >
      {checkedIn ? <Text className="mc-checkin-btn__check">✓</Text> : null}
      <Text className="mc-checkin-btn__label">{checkedIn ? '已签到' : checking ? '签到中' : '签到'}</Text>
      <Text className="mc-checkin-btn__sub">{checkedIn ? '明天再来' : '今日未签'}</Text>
    </View>
  );
}
