import Taro from '@tarojs/taro';

export const canScan = true;

export async function scanCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] });
    return res.result || null;
  } catch {
    return null;
  }
}
