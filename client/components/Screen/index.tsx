import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { go } from '@/routes';
import { useCeremonyStore } from '@/stores/ceremony';
import { cx } from '@/utils/cx';
import { BadgeCeremony } from '../BadgeCeremony';
import { TeamCeremony } from '../TeamCeremony';
import { DevMemberSwitcher } from '../DevMemberSwitcher';
import { SubscribeSheet } from '../SubscribeSheet';

export interface ScreenProps {
  children?: ReactNode;
  /** No side padding (pages with a full-width header). */
  flush?: boolean;
  className?: string;
}

/** Shows the first queued ceremony — badges first, then completed team challenges — on whatever page the member is. */
function CeremonyHost() {
  const badge = useCeremonyStore((s) => s.queue[0]);
  const team = useCeremonyStore((s) => s.teams[0]);
  const accept = useCeremonyStore((s) => s.accept);
  const acceptTeam = useCeremonyStore((s) => s.acceptTeam);
  if (badge) {
    return (
      <BadgeCeremony
        badge={badge}
        onAccept={() => void accept()}
        onShare={() => {
          void accept();
          // The badge card (a poster with the mini-program code) is made on the badge wall.
          go('badges', { card: badge.id });
        }}
      />
    );
  }
  if (team) {
    return (
      <TeamCeremony
        reward={team}
        onAccept={() => void acceptTeam()}
        onOpen={() => {
          void acceptTeam();
          go('team', { challenge: team.challengeId });
        }}
      />
    );
  }
  return null;
}

/** Every page's root: the design tokens' scope, the page background, the ceremony layer (and H5's simulated subscription sheet). */
export function Screen({ children, flush, className }: ScreenProps) {
  return (
    <View className={cx('mc-page', flush && 'mc-page--flush', className)}>
      {children}
      <CeremonyHost />
      <SubscribeSheet />
      <DevMemberSwitcher />
    </View>
  );
}
