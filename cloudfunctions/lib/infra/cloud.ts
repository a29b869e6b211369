// wx-server-sdk, initialised for the environment the function runs in.
//
// Import `cloud` from here rather than calling cloud.init() in every function. The SDK's own
// typings lag its API (DYNAMIC_CURRENT_ENV is typed as a symbol, cloudPay is missing, results
// are typed `void | ...` because of the callback overloads), hence the loose `Cloud` type.
import sdk from 'wx-server-sdk';

// A missing document reads as { data: null } instead of throwing, so that "not there" is never
// confused with a failed read (which still throws).
sdk.init({
  env: sdk.DYNAMIC_CURRENT_ENV as unknown as string,
  throwOnNotFound: false,
} as Parameters<typeof sdk.init>[0]);

export type Cloud = typeof sdk & { cloudPay: any };
export const cloud = sdk as Cloud;
export const db: any = sdk.database();
