import Taro from '@tarojs/taro';
import type { CloudFile, FileDelivery } from './fileExport';

export const deliverFileLabel = '导出并发送到聊天';

export async function deliverFile(file: CloudFile): Promise<FileDelivery> {
  const { tempFilePath, statusCode } = await Taro.cloud.downloadFile({ fileID: file.fileId });
  if (statusCode !== 200) throw new Error(`download failed: ${statusCode}`);
  try {
    await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.fileName });
    return 'shared';
  } catch {
    // Closed, or not available (an old client, WeChat on a computer): the link still works for a while.
    await Taro.setClipboardData({ data: file.url });
    return 'copied';
  }
}
