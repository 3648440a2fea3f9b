/** A file in cloud storage: its `fileId` and a temporary link to it. */
export interface CloudFile {
  fileId: string;
  url: string;
  fileName: string;
}

/**
 * Handing over a file the cloud made (the dashboard's CSV export): in WeChat it is downloaded
 * by its fileId (`wx.cloud.downloadFile`: no download domain to whitelist) and sent to a chat (`Taro.shareFileMessage` — e.g. 文件传输助手, then opened in Excel on a
 * computer; WeChat's own viewer does not open CSV), with the link copied when sending is not
 * possible; in a browser it is downloaded under its name.
 */
export type FileDelivery = 'shared' | 'copied' | 'downloaded';

export declare function deliverFile(file: CloudFile): Promise<FileDelivery>;

/** What the button says on this platform. */
export declare const deliverFileLabel: string;
