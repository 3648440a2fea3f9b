/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: which platform this bundle is for. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Set by Taro from the env files: the mini-program's appid. */
    TARO_APP_ID: string;
    /** The WeChat cloud environment id used by `Taro.cloud.init` (weapp only). */
    TARO_APP_CLOUD_ENV: string;
  }
}
