/**
 * Cryptographically random bytes: `crypto.getRandomValues` in a browser, `wx.getRandomValues`
 * in WeChat. Taro picks `random.weapp.ts` or `random.h5.ts` per build.
 */
export declare function randomBytes(size: number): Promise<Uint8Array>;
