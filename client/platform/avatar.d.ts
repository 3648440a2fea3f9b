/**
 * The member's avatar from WeChat's `chooseAvatar` button, uploaded to cloud storage.
 * `avatar.weapp.ts` uploads with `Taro.cloud.uploadFile`; the browser build has no
 * chooseAvatar (and localcloud's gateway no client upload), so it offers none.
 */
export declare const canChooseAvatar: boolean;

/** Uploads a temporary file chosen by the member; resolves with its `cloud://` fileID. */
export declare function uploadAvatar(tempFilePath: string): Promise<string>;
