import Taro from '@tarojs/taro';
import type { CloudTransport } from './transport';

let initialised = false;

/** WeChat: the member's identity travels with `wx.cloud.callFunction`; the function reads it from getWXContext. */
export const transport: CloudTransport = {
  init() {
    if (initialised) return;
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    initialised = true;
  },
  async call(name, event) {
    this.init();
    try {
      const res = await Taro.cloud.callFunction({ name, data: event });
      return res.result;
    } catch (err) {
      // The function ran and crashed or timed out (-504002 / -504003): not a network problem.
      const errCode = (err as { errCode?: number }).errCode;
      if (errCode === -504002 || errCode === -504003) return { ok: false, error: { code: 'INTERNAL', message: '' } };
      throw err;
    }
  },
};
