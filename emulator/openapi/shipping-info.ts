// wxa.sec.order.uploadShippingInfo (发货信息管理) as WeChat checks it: the parameter rules and
// error codes of its documentation, and the one re-upload a payment allows. Calls arrive in
// snake_case (the SDK converts the caller's camelCase).

export interface WxError {
  errcode: number;
  errmsg: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The first rule the request breaks, or null. */
export function checkShippingInfo(d: Record<string, any>): WxError | null {
  const key = d.order_key ?? {};
  if (![1, 2].includes(key.order_number_type))
    return { errcode: 268485194, errmsg: 'invalid order_number_type' };
  if (key.order_number_type === 2 && !key.transaction_id)
    return { errcode: 268485195, errmsg: 'transaction_id is empty' };
  if (key.order_number_type === 1 && !key.mchid)
    return { errcode: 268485196, errmsg: 'mchid is empty' };
  if (key.order_number_type === 1 && !key.out_trade_no)
    return { errcode: 268485197, errmsg: 'out_trade_no is empty' };
  if (![1, 2, 3, 4].includes(d.logistics_type))
    return { errcode: 10060005, errmsg: 'invalid logistics_type' };
  if (![1, 2].includes(d.delivery_mode))
    return { errcode: 268485224, errmsg: 'invalid delivery_mode' };
  const list: Record<string, any>[] = Array.isArray(d.shipping_list) ? d.shipping_list : [];
  if (list.length > 15) return { errcode: 10060024, errmsg: 'shipping_list too long' };
  if (d.delivery_mode === 1 && list.length !== 1)
    return { errcode: 268485228, errmsg: 'UNIFIED_DELIVERY needs exactly one item' };
  for (const item of list) {
    if (d.logistics_type === 1 && !item.tracking_no)
      return { errcode: 268485226, errmsg: 'tracking_no is empty' };
    if (d.logistics_type === 1 && !item.express_company)
      return { errcode: 268485227, errmsg: 'express_company is empty' };
    if (!item.item_desc) return { errcode: 10060008, errmsg: 'item_desc is empty' };
    if (String(item.item_desc).length > 120)
      return { errcode: 10060009, errmsg: 'item_desc too long' };
  }
  if (typeof d.upload_time !== 'string' || !RFC3339.test(d.upload_time))
    return { errcode: 268485216, errmsg: 'invalid upload_time' };
  if (!d.payer?.openid) return { errcode: 47001, errmsg: 'payer.openid is empty' };
  return null;
}

/**
 * Against the uploads WeChat already accepted for the same payment: the same shipment again is
 * "not updated"; a changed one is the one re-upload allowed; after that, refused.
 */
export function checkAgainstEarlier(
  d: Record<string, any>,
  accepted: Record<string, any>[],
): WxError | null {
  const key = d.order_key.transaction_id ?? `${d.order_key.mchid}:${d.order_key.out_trade_no}`;
  const earlier = accepted.filter(
    (a) =>
      (a.order_key?.transaction_id ?? `${a.order_key?.mchid}:${a.order_key?.out_trade_no}`) === key,
  );
  if (!earlier.length) return null;
  const same = (a: Record<string, any>) =>
    JSON.stringify(a.shipping_list) === JSON.stringify(d.shipping_list);
  if (same(earlier[earlier.length - 1])) return { errcode: 10060023, errmsg: '发货信息未更新' };
  if (earlier.length >= 2) return { errcode: 10060003, errmsg: '订单已使用过重新发货机会' };
  return null;
}
