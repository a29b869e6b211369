// Shipping: the express companies staff can ship with (WeChat's delivery ids, from its
// get_delivery_list, which uploading shipping information to WeChat requires), and the state of
// that upload as stored on the order.

export interface ExpressCompany {
  /** WeChat's delivery id (express_company in upload_shipping_info). */
  code: string;
  name: string;
}

export const EXPRESS_COMPANIES: readonly ExpressCompany[] = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'STO', name: '申通快递' },
  { code: 'YD', name: '韵达快递' },
  { code: 'JTSD', name: '极兔速递' },
  { code: 'JD', name: '京东物流' },
  { code: 'EMS', name: 'EMS' },
  { code: 'YZPY', name: '邮政快递包裹' },
  { code: 'DBL', name: '德邦快递' },
];

/** The company staff named, by code or by name (or the start of it: 顺丰 is 顺丰速运). */
export function expressCompany(named: string): ExpressCompany | undefined {
  const key = named.trim();
  if (!key) return undefined;
  return EXPRESS_COMPANIES.find(
    (c) => c.code === key.toUpperCase() || c.name === key || c.name.startsWith(key),
  );
}

/**
 * Uploading the shipment to WeChat (发货信息管理). PENDING: not yet accepted, the timer tries
 * again at `nextAt`; UPLOADED: WeChat has it; FAILED: WeChat refused it for good (staff must
 * look); NOT_NEEDED: the order was not paid through WeChat Pay (a zero total).
 */
export interface ShippingUpload {
  status: 'PENDING' | 'UPLOADED' | 'FAILED' | 'NOT_NEEDED';
  attempts: number;
  nextAt?: number;
  uploadedAt?: number;
  lastError?: { code: number; message: string; at: number };
}

/** The wait before attempt n+1 (1 min, doubling, at most an hour). */
export function uploadRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Errors WeChat documents as passing (busy, the payment not yet visible, system errors). */
export const TRANSIENT_UPLOAD_ERRORS = new Set([-1, 10060001, 10060012, 10060019]);
/** Errors that mean WeChat already has this shipment. */
export const ALREADY_UPLOADED_ERRORS = new Set([10060002, 10060023]);
