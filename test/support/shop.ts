// Helpers for calling the shop's cloud functions through the local cloud's gateway.
import type { LocalCloud } from '../../emulator/launcher';
import { run } from './db-probe';

export type Reply<T = any> =
  { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };

/** Calls `fn` with `{action, ...input}` as `openid`; returns the raw result. */
export function callAction<T = any>(
  cloud: LocalCloud,
  openid: string | undefined,
  fn: string,
  action: string,
  input: object = {},
): Promise<Reply<T>> {
  return cloud.call(fn, { action, ...input }, { openid });
}

/** Same, but fails the test unless the result is ok; returns its data. */
export async function expectOk<T = any>(
  cloud: LocalCloud,
  openid: string,
  fn: string,
  action: string,
  input: object = {},
): Promise<T> {
  const reply = await callAction<T>(cloud, openid, fn, action, input);
  if (!reply.ok) throw new Error(`${fn}.${action} failed: ${reply.code} ${reply.message}`);
  return reply.data;
}

export const ADDRESS = {
  name: '林小姐',
  phone: '13800001234',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 100 号',
};

let counter = 0;
export const requestId = (prefix = 'req') =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Reads a document directly (through the dbProbe test function). */
export async function readDoc<T = any>(
  cloud: LocalCloud,
  collection: string,
  id: string,
): Promise<T | null> {
  const value = await run(cloud, collection, ['where', { _id: id }], ['get']);
  return (value.data[0] as T) ?? null;
}

export async function setFields(
  cloud: LocalCloud,
  collection: string,
  id: string,
  fields: object,
): Promise<void> {
  await run(cloud, collection, ['doc', id], ['update', { data: fields }]);
}

/** Every document of the given collections, for before/after comparisons. */
export async function dump(
  cloud: LocalCloud,
  collections: string[],
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections)
    out[name] = (await run(cloud, name, ['orderBy', '_id', 'asc'], ['limit', 1000], ['get'])).data;
  return out;
}

/** Places a buy-now order as `openid` and returns the created order view and payment. */
export function buyNow(
  cloud: LocalCloud,
  openid: string,
  skuId: string,
  qty = 1,
  extra: object = {},
) {
  return callAction(cloud, openid, 'order', 'create', {
    lines: { source: 'buyNow', skuId, qty },
    requestId: requestId(openid),
    address: ADDRESS,
    ...extra,
  });
}

/** Pays an order in the sandbox (as wx.requestPayment would) and returns whether the notice was acknowledged. */
export async function paySandbox(cloud: LocalCloud, orderId: string): Promise<boolean | null> {
  const { status, body } = await cloud.request('POST', '/_emulator/pay/confirm', {
    outTradeNo: orderId,
  });
  if (status !== 200) throw new Error(`confirm ${orderId}: ${status} ${JSON.stringify(body)}`);
  return body.delivered;
}

/**
 * Sets fields of a shared (seed) document for the length of `body`, and puts the old values back
 * afterwards, also when `body` fails, so the next test sees the seed as it was.
 */
export async function withFields<T>(
  cloud: LocalCloud,
  collection: string,
  id: string,
  fields: Record<string, unknown>,
  body: () => Promise<T>,
): Promise<T> {
  const original = await readDoc<Record<string, unknown>>(cloud, collection, id);
  if (!original) throw new Error(`withFields: no ${collection}/${id}`);
  await setFields(cloud, collection, id, fields);
  try {
    return await body();
  } finally {
    const restore = Object.fromEntries(Object.keys(fields).map((k) => [k, original[k]]));
    await setFields(cloud, collection, id, restore);
  }
}
