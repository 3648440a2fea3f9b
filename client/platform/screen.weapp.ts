import Taro from '@tarojs/taro';

/** The brightness before the page raised it; null when it is not raised. */
let saved: number | null = null;

export async function brightenScreen(): Promise<void> {
  try {
    if (saved === null) saved = (await Taro.getScreenBrightness()).value;
    await Taro.setScreenBrightness({ value: 1 });
    await Taro.setKeepScreenOn({ keepScreenOn: true });
  } catch {
    // A phone that refuses still shows the code.
  }
}

export async function restoreScreen(): Promise<void> {
  const value = saved;
  saved = null;
  try {
    if (value !== null) await Taro.setScreenBrightness({ value });
    await Taro.setKeepScreenOn({ keepScreenOn: false });
  } catch {
    // Nothing to restore on a phone that refused.
  }
}
