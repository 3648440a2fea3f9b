import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { cx } from '@/utils/cx';
import type { ShareButtonProps } from './types';

/** The browser stand-in for WeChat's share: the page's link, copied. */
export function ShareButton({ share, variant = 'primary', block, className, children }: ShareButtonProps) {
  const copy = () => {
    const link = `${window.location.origin}${window.location.pathname}#/${share.path.replace(/^\//, '')}`;
    void Taro.setClipboardData({ data: link }).catch(() => undefined);
    void Taro.showToast({ title: '链接已复制', icon: 'none' });
  };
  return (
    <View
      className={cx('mc-share-btn', 'mc-btn', `mc-btn--${variant}`, 'mc-btn--md', block && 'mc-btn--block', className)}
      hoverClass="mc-btn--pressed"
      onClick={copy}
    >
      <Text className="mc-btn__label">{children}</Text>
    </View>
  );
}
