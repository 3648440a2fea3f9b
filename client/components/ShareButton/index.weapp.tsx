import { Button } from '@tarojs/components';
import { shareData } from '@/services/share';
import { cx } from '@/utils/cx';
import type { ShareButtonProps } from './types';

export function ShareButton({ share, variant = 'primary', block, className, children }: ShareButtonProps) {
  return (
    <Button
      openType="share"
      className={cx('mc-share-btn', 'mc-btn', `mc-btn--${variant}`, 'mc-btn--md', block && 'mc-btn--block', className)}
      hoverClass="mc-btn--pressed"
      {...shareData(share)}
    >
      {children}
    </Button>
  );
}
