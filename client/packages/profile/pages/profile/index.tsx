import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Picker } from '@tarojs/components';
import type { MemberSummary } from '@shared/contracts/member';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { PageState } from '@/components/PageState';
import { Screen } from '@/components/Screen';
import { TierTag } from '@/components/TierTag';
import { Toggle } from '@/components/Toggle';
import { usePageData } from '@/hooks/usePageData';
import { go, relaunchHome, type RouteName } from '@/routes';
import { useMemberStore } from '@/stores/member';
import { useProfileStore } from '@/stores/profile';
import { useRemindersStore } from '@/stores/reminders';
import { BIRTHDAY_DAYS, BIRTHDAY_MONTHS, birthdayFromPicker, birthdayText } from '@/copy/birthday';
import { formatFullDay } from '@/utils/format';
import { AvatarPicker } from '../../components/AvatarPicker';
import { ReminderCredits } from '../../components/ReminderCredits';
import './index.css';

const LINKS: Array<{ route: RouteName; title: string; icon: string }> = [
  { route: 'ledger', title: '积分明细', icon: '📒' },
  { route: 'vouchers', title: '我的券', icon: '🎫' },
  { route: 'rules', title: '活动规则', icon: '📜' },
  { route: 'privacy', title: '用户隐私保护指引', icon: '🔒' },
];

/**
 * The editable part. Mounted once the member is known, so the nickname input starts with its
 * value (changing an H5 input's value right after it is created trips Taro's input component).
 */
function ProfileForm({ member }: { member: MemberSummary }) {
  const saving = useProfileStore((s) => s.saving);
  const [nickname, setNickname] = useState(member.nickname);
  const [avatarTemp, setAvatarTemp] = useState<string | null>(null);
  const [birthday, setBirthday] = useState<string | null>(null);

  const trimmed = nickname.trim();
  const changed = (trimmed !== '' && trimmed !== member.nickname) || avatarTemp !== null || birthday !== null;

  const save = async () => {
    if (birthday) {
      const { confirm } = await Taro.showModal({
        title: '确认生日',
        content: `生日填写后不能自行修改，确认是 ${birthdayText(birthday)} 吗？`,
        confirmText: '确认',
      });
      if (!confirm) return;
    }
    const ok = await useProfileStore.getState().save({
      ...(trimmed && trimmed !== member.nickname ? { nickname: trimmed } : {}),
      ...(avatarTemp ? { avatarTempPath: avatarTemp } : {}),
      ...(birthday ? { birthday } : {}),
    });
    if (ok) {
      setAvatarTemp(null);
      setBirthday(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else {
      void Taro.showToast({ title: useProfileStore.getState().error?.message ?? '保存失败', icon: 'none' });
    }
  };

  return (
    <Card className="pf-card">
      <AvatarPicker src={avatarTemp ?? member.avatarUrl} name={trimmed || member.nickname} onChoose={setAvatarTemp} />
      <View className="pf-field">
        <Text className="pf-field__label">昵称</Text>
        <Input
          className="pf-field__input"
          type="nickname"
          value={nickname}
          maxlength={20}
          placeholder="填写昵称"
          onInput={(e) => setNickname(e.detail.value)}
          onBlur={(e) => setNickname(e.detail.value)}
        />
      </View>
      <View className="pf-field">
        <Text className="pf-field__label">会员等级</Text>
        <TierTag tier={member.tier} name={member.tierName} />
      </View>
      <View className="pf-field">
        <Text className="pf-field__label">生日</Text>
        {member.birthday ? (
          <Text className="pf-field__value">{`${birthdayText(member.birthday)} · 如需更正请联系客服`}</Text>
        ) : (
          <Picker
            mode="multiSelector"
            range={[BIRTHDAY_MONTHS, BIRTHDAY_DAYS]}
            value={[0, 0]}
            onChange={(e) => setBirthday(birthdayFromPicker(e.detail.value as number[]))}
          >
            <Text className="pf-field__value pf-field__value--pick">
              {birthday ? birthdayText(birthday) : '选择生日（生日当月有生日礼）'}
            </Text>
          </Picker>
        )}
      </View>
      <View className="pf-field">
        <Text className="pf-field__label">加入时间</Text>
        <Text className="pf-field__value">{formatFullDay(member.joinedAt)}</Text>
      </View>
      <Button block className="pf-save" disabled={!changed} loading={saving} onClick={() => void save()}>
        保存资料
      </Button>
    </Card>
  );
}

export default function Profile() {
  const member = useMemberStore((s) => s.home?.member);
  const status = useMemberStore((s) => s.status);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);
  const deleting = useProfileStore((s) => s.deleting);

  const loadReminders = useRemindersStore((s) => s.load);

  usePageData(({ quiet }) => Promise.all([load({ quiet: true }), loadReminders({ quiet })]));

  const deleteAccount = async () => {
    const { confirm } = await Taro.showModal({
      title: '确定注销账号？',
      content: '注销后，你的积分、成长值、徽章和邀请记录将被删除且无法恢复，没有使用的券会作废。',
      confirmText: '确认注销',
      confirmColor: '#D14343',
    });
    if (!confirm) return;
    const ok = await useProfileStore.getState().deleteAccount();
    if (ok) {
      await Taro.showToast({ title: '账号已注销', icon: 'success' });
      relaunchHome();
    } else {
      void Taro.showToast({ title: useProfileStore.getState().error?.message ?? '注销失败，请稍后再试', icon: 'none' });
    }
  };

  return (
    <Screen>
      <PageState status={status} error={error} hasData={member !== undefined} onRetry={() => void load()}>
        {member ? (
          <View>
            <ProfileForm member={member} />

            <Card className="pf-privacy">
              <Toggle
                on={member.leaderboardOptIn}
                label="在邀请榜上显示我的昵称"
                hint="默认关闭：关闭时你在本月邀请榜上显示为「匿名会员」"
                onChange={(on) =>
                  void useProfileStore
                    .getState()
                    .setLeaderboardOptIn(on)
                    .then((ok) => {
                      if (!ok) void Taro.showToast({ title: useProfileStore.getState().error?.message ?? '保存失败', icon: 'none' });
                    })
                }
              />
            </Card>

            <ReminderCredits />

            <Card className="pf-links">
              {LINKS.map((l) => (
                <View key={l.route} className="pf-link" hoverClass="pf-link--pressed" onClick={() => go(l.route)}>
                  <Text className="pf-link__icon">{l.icon}</Text>
                  <Text className="pf-link__title">{l.title}</Text>
                  <Text className="pf-link__chevron">›</Text>
                </View>
              ))}
            </Card>

            <View className="pf-danger">
              <Button variant="danger" block loading={deleting} onClick={() => void deleteAccount()}>
                注销账号
              </Button>
              <Text className="pf-danger__note">注销将删除你在会员中心的个人资料和记录</Text>
            </View>
          </View>
        ) : null}
      </PageState>
    </Screen>
  );
}
