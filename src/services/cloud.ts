// The one client for cloud calls, typed by the API contract (domain/api/contract.ts, imported as
// a type only). In WeChat it is wx.cloud.callFunction (typed by miniprogram-api-typings) in the
// one environment the build names (TARO_APP_CLOUD_ENV, see .env); in the browser build it is
// HTTP to the local cloud's gateway (same origin: `npm start` serves both), with the demo
// identity in a header. Which one is decided when the module loads, so each build keeps only its
// own branch.
import type { ActionName, FunctionName, InputOf, OutputOf } from '@domain/api/contract';
import { ERROR_MESSAGES, type Result } from '@domain/result';
import { currentOpenid } from './demo-users';

type Transport = (name: string, data: Record<string, unknown>) => Promise<unknown>;

const weappTransport: Transport = async (name, data) => {
  const res = await wx.cloud.callFunction({ name, data });
  return res.result;
};

const h5Transport: Transport = async (name, data) => {
  const res = await fetch(`/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-WX-OPENID': currentOpenid() },
    body: JSON.stringify(data),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};

const transport: Transport = process.env.TARO_ENV === 'h5' ? h5Transport : weappTransport;

/** The CloudBase environment every call goes to (a build-time setting). */
export const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV;

export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp') wx.cloud.init({ env: CLOUD_ENV, traceUser: true });
}

/** Calls `action` of cloud function `fn`; network failures come back as an error result. */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>>> {
  try {
    const result = (await transport(fn, { action, ...(input as object) })) as
      Result<OutputOf<F, A>> | undefined;
    if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean')
      throw new Error('malformed reply');
    return result;
  } catch (e) {
    console.error(`cloud call ${fn}.${action} failed`, e);
    return { ok: false, code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
  }
}
