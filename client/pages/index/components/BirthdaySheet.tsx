import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { BirthdayGiftView } from '@shared/contracts/member';
import { Button } from '@/components/Button';
import { Sheet } from '@/components/Sheet';
import { rewardText } from '@/copy/checkin';
import { birthdayCeremonySeen, markBirthdayCeremonySeen } from '@/services/ceremonies';
import { go } from '@/routes';
import { useCeremonyStore } from '@/stores/ceremony';

export interface BirthdaySheetProps {
  gift: BirthdayGiftView | null;
  /**
   * Home brings a badge or team-reward ceremony not taken yet: the page queues it in its own
   * effect, which runs after this sheet's, so the sheet is told rather than left to find the queue empty.
   */
  ceremonyPending?: boolean;
}

/**
 * The birthday gift's ceremony, once per gift on this device: what was credited, and the month's
 * packs. It waits for the badge and team-reward ceremonies in the queue to be taken first (one
 * ceremony at a time).
 */
export function BirthdaySheet({ gift, ceremonyPending = false }: BirthdaySheetProps) {
  const [open, setOpen] = useState(false);
  const queued = useCeremonyStore((s) => s.queue.length > 0 || s.teams.length > 0);
  const ceremoniesWaiting = ceremonyPending || queued;
  const at = gift?.at ?? null;
  useEffect(() => {
    if (at && !ceremoniesWaiting && !birthdayCeremonySeen(at)) setOpen(true);
  }, [at, ceremoniesWaiting]);
  if (!gift) return null;
  const close = () => {
    markBirthdayCeremonySeen(gift.at);
    setOpen(false);
  };
  return (
    <Sheet
      open={open}
      title="生日快乐"
      onClose={close}
      footer={
        <Button
          block
          onClick={() => {
            close();
            go('benefits');
          }}
        >
          看看生日月福利
        </Button>
      }
    >
      <View className="home-birthday">
        <Text className="home-birthday__cake">🎂</Text>
        <Text className="home-birthday__title">这个月是你的生日月</Text>
        <Text className="home-birthday__gift">生日礼 {rewardText(gift)} 已到账</Text>
        <Text className="home-birthday__note">生日当月还可以兑换生日月专属福利，祝你生日快乐！</Text>
      </View>
    </Sheet>
  );
}
