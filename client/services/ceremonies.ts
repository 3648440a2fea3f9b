import Taro from '@tarojs/taro';

/**
 * Ceremonies the server does not track shown on this device: the birthday gift's "生日快乐"
 * (its year's gift is on home for the whole month; the ceremony plays once). Keyed by the gift's
 * own instant, so another member on the same device (H5 testing) still sees theirs.
 */
const key = (giftAt: string) => `mc.birthdayGiftSeen.${giftAt}`;

export function birthdayCeremonySeen(giftAt: string): boolean {
  try {
    return Taro.getStorageSync(key(giftAt)) === true;
  } catch {
    return false;
  }
}

export function markBirthdayCeremonySeen(giftAt: string): void {
  try {
    Taro.setStorageSync(key(giftAt), true);
  } catch {
    // Storage full or unavailable: the ceremony may simply play again.
  }
}
