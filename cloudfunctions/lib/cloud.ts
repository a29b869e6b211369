// wx-server-sdk, initialised for the environment the function runs in.
//
// Import `cloud` from here rather than calling cloud.init() in every function. The SDK's own
// typings lag its API (DYNAMIC_CURRENT_ENV is typed as a symbol, cloudPay is missing, results
// are typed `void | ...` because of the callback overloads), hence the loose `Cloud` type.
import sdk from 'wx-server-sdk';

sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });

export type Cloud = typeof sdk & { cloudPay: any };
export const cloud = sdk as Cloud;
export const db: any = sdk.database();
