import Taro from '@tarojs/taro';
import { randomBytes } from './random';

export const canChooseAvatar = true;

function extensionOf(path: string): string {
  const m = /\.(png|jpe?g|webp|gif)$/i.exec(path);
  return m ? m[1].toLowerCase() : 'png';
}

export async function uploadAvatar(tempFilePath: string): Promise<string> {
  const bytes = await randomBytes(8);
  const name = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const res = await Taro.cloud.uploadFile({ cloudPath: `avatars/${name}.${extensionOf(tempFilePath)}`, filePath: tempFilePath });
  return res.fileID;
}
