import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@/components/Button';
import { Card } from '@/components/Card';
import { cx } from '@/utils/cx';

export interface OutcomeCardProps {
  ok: boolean;
  title: string;
  /** What happened, below the title. */
  children?: ReactNode;
  /** The button that starts the next one (继续核销, 继续签到, 重新输入). */
  next: string;
  onNext: () => void;
}

/** What a staff member's last scan or code did: ✓ or !, a title, the details, the way to the next. (Styles: verify/index.css.) */
export function OutcomeCard({ ok, title, children, next, onNext }: OutcomeCardProps) {
  return (
    <Card className={cx('vf-outcome', ok && 'vf-outcome--ok')}>
      <View className={cx('vf-outcome__icon', ok ? 'vf-outcome__icon--ok' : 'vf-outcome__icon--fail')}>
        <Text>{ok ? '✓' : '!'}</Text>
      </View>
      <Text className="vf-outcome__title">{title}</Text>
      {children}
      <Button block variant="secondary" className="vf-outcome__next" onClick={onNext}>
        {next}
      </Button>
    </Card>
  );
}
