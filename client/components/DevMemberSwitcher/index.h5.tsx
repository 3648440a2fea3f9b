import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { DEMO_MEMBER_OPENID, currentMemberOpenid, switchMember } from '@/services/cloud/h5Identity';

const DEMO_ROLES = [
  { openid: DEMO_MEMBER_OPENID, label: '演示会员 小林' },
  { openid: 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA', label: '核销员（静安店）' },
  { openid: 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1', label: '运营' },
  { openid: 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ', label: '活动主持' },
];

function newMemberOpenid(): string {
  const bytes = new Uint8Array(10);
  window.crypto.getRandomValues(bytes);
  return `oNew_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function play(openid: string) {
  switchMember(openid);
  const url = new URL(window.location.href);
  url.searchParams.set('member', openid);
  url.hash = '#/pages/index/index';
  window.location.replace(url.toString());
}

function Switcher() {
  const [open, setOpen] = useState(false);
  const current = currentMemberOpenid();
  const known = DEMO_ROLES.find((r) => r.openid === current);
  return (
    <View className="mc-dev-switch">
      {open ? (
        <View className="mc-dev-switch__menu">
          {DEMO_ROLES.map((r) => (
            <View key={r.openid} className="mc-dev-switch__item" onClick={() => play(r.openid)}>
              <Text>
                {r.openid === current ? '✓ ' : ''}
                {r.label}
              </Text>
            </View>
          ))}
          <View className="mc-dev-switch__item" onClick={() => play(newMemberOpenid())}>
            <Text>＋ 新会员</Text>
          </View>
        </View>
      ) : null}
      <View className="mc-dev-switch__pill" onClick={() => setOpen(!open)}>
        <Text>开发 · {known ? known.label : `会员 ${current.slice(0, 10)}…`}</Text>
      </View>
    </View>
  );
}

export function DevMemberSwitcher() {
  if (process.env.NODE_ENV === 'production') return null;
  return <Switcher />;
}
