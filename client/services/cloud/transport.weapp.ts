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
    const res = await Taro.cloud.callFunction({ name, data: event });
    return res.result;
  },
};
