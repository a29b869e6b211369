// Build-time globals for the Taro app.
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
    NODE_ENV: 'development' | 'production';
  }
}
declare const process: { env: NodeJS.ProcessEnv };

declare module '*.scss';
declare module '*.png';
declare module '*.svg';
