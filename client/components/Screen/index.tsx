import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useCeremonyStore } from '@/stores/ceremony';
import { useMemberStore } from '@/stores/member';
import { cx } from '@/utils/cx';
import { BadgeCeremony } from '../BadgeCeremony';
import { DevMemberSwitcher } from '../DevMemberSwitcher';

export interface ScreenProps {
  children?: ReactNode;
  /** No side padding (pages with a full-width header). */
  flush?: boolean;
  className?: string;
}

/** Shows the unlock ceremony of the first queued badge, on whatever page the member is. */
function CeremonyHost() {
  const badge = useCeremonyStore((s) => s.queue[0]);
  const accept = useCeremonyStore((s) => s.accept);
  const inviteCode = useMemberStore((s) => s.home?.invite.code);
  if (!badge) return null;
  return <BadgeCeremony badge={badge} inviteCode={inviteCode} onAccept={() => void accept()} />;
}

/** Every page's root: the design tokens' scope, the page background, the ceremony layer. */
export function Screen({ children, flush, className }: ScreenProps) {
  return (
    <View className={cx('mc-page', flush && 'mc-page--flush', className)}>
      {children}
      <CeremonyHost />
      <DevMemberSwitcher />
    </View>
  );
}
