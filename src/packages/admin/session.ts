// The desktop browser's staff session (see README: signing in from a desktop browser): its token
// kept in the browser, and admin calls sent through the HTTP access route with it. Without a
// token (or in the mini-program) admin calls go the ordinary way, as the WeChat user (locally:
// the demo identity).
import type { ActionName, InputOf, OutputOf } from '@domain/api/contract';
import type { Result } from '@domain/result';
import { callCloud } from '../../services/cloud';

const KEY = 'admin-session';
/**
 * Where the HTTP access service routes adminHttp: a build-time setting for a deployed admin
 * (TARO_APP_ADMIN_API, e.g. https://<env>.service.tcloudbase.com/admin-api); the local cloud
 * serves it on the same origin.
 */
const BASE = process.env.TARO_APP_ADMIN_API || '/http/admin-api';

export const sessionToken = (): string | null =>
  process.env.TARO_ENV === 'h5' ? localStorage.getItem(KEY) : null;

export function keepSession(token: string | null): void {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
}

async function post<T>(
  path: string,
  body: object,
  token?: string,
): Promise<{ status: number; result: Result<T> }> {
  const res = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, result: (await res.json()) as Result<T> };
}

/** An admin action: over the staff session when the browser holds one, else as the user. */
export async function adminCall<A extends ActionName<'admin'>>(
  action: A,
  input: InputOf<'admin', A>,
): Promise<Result<OutputOf<'admin', A>>> {
  const token = sessionToken();
  if (!token) {
    const res = await callCloud('admin', action, input);
    // A browser that cannot call functions directly (a deployed admin) has to sign in first.
    return process.env.TARO_ENV === 'h5' && !res.ok && res.code === 'NETWORK'
      ? { ok: false, code: 'NOT_LOGGED_IN', message: '请先扫码登录' }
      : res;
  }
  try {
    const { status, result } = await post<OutputOf<'admin', A>>(
      '/call',
      { action, ...input },
      token,
    );
    if (status === 401) keepSession(null);
    return result;
  } catch {
    return { ok: false, code: 'NETWORK', message: '网络不太稳定，请稍后重试' };
  }
}

export const signinApi = {
  start: () => post<{ code: string; qr: string; expiresAt: number }>('/signin/start', {}),
  poll: (code: string) =>
    post<{ status: 'WAITING' } | { status: 'SIGNED_IN'; token: string }>('/signin/poll', { code }),
  signOut: async () => {
    const token = sessionToken();
    keepSession(null);
    if (token) await post('/signout', {}, token);
  },
};
