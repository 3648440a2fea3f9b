interface WxRandom {
  getRandomValues(option: {
    length: number;
    success: (res: { randomValues: ArrayBuffer }) => void;
    fail: (err: { errMsg: string }) => void;
  }): void;
}

declare const wx: WxRandom;

/** `wx.getRandomValues` (base library ≥ 2.15.0): the device's secure random source. */
export function randomBytes(size: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    wx.getRandomValues({
      length: size,
      success: (res) => resolve(new Uint8Array(res.randomValues)),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}
