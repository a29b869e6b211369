// Build-time globals for the Taro app.
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string;
    NODE_ENV: 'development' | 'production';
    /** The CloudBase environment id (.env: TARO_APP_CLOUD_ENV). */
    TARO_APP_CLOUD_ENV: string;
    /** The admin's HTTP access URL for a deployed browser admin (.env: TARO_APP_ADMIN_API). */
    TARO_APP_ADMIN_API?: string;
  }
}
declare const process: { env: NodeJS.ProcessEnv };

declare module '*.scss';
declare module '*.png';
declare module '*.svg';
