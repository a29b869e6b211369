// Uploading a shipment to WeChat (发货信息管理, openapi wxa.sec.order.uploadShippingInfo): a
// physical-goods shop must, or WeChat holds the payment back. Shipping records the upload as
// PENDING in the same write that ships the order, then tries it at once; whatever WeChat answers
// is recorded on the order: accepted, refused for good (FAILED, for staff to see), or a passing
// error, which the timer retries with back-off. So a shipment's upload is never lost.
import type { Order } from '../../../domain/model';
import {
  ALREADY_UPLOADED_ERRORS,
  TRANSIENT_UPLOAD_ERRORS,
  uploadRetryDelayMs,
  type ShippingUpload,
} from '../../../domain/shipping';
import { cloud } from '../infra/cloud';
import { _, updateWhere } from '../infra/db';

/** The state a freshly shipped order starts in. */
export function pendingUpload(order: Pick<Order, 'payment'>, at: number): ShippingUpload {
  // Orders paid without WeChat Pay (a zero total) have no WeChat payment to ship against.
  if (!order.payment?.transactionId) return { status: 'NOT_NEEDED', attempts: 0 };
  return { status: 'PENDING', attempts: 0, nextAt: at };
}

/** `at` as RFC 3339 in China time, the form upload_time takes. */
export function rfc3339China(at: number): string {
  const local = new Date(at + 8 * 3_600_000).toISOString().replace('Z', '');
  return `${local}+08:00`;
}

/** The phone number as WeChat wants it shown: masked but for the last four digits. */
function maskedPhone(phone: string): string {
  return phone.length > 4 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

/** What upload_shipping_info is sent (camelCase: the SDK turns it into snake_case). */
export function shippingInfoRequest(order: Order) {
  const shipping = order.shipping!;
  const items = order.lines.map((l) => `${l.title}×${l.qty}`).join('，');
  return {
    orderKey: { orderNumberType: 2, transactionId: order.payment!.transactionId! },
    logisticsType: 1, // express
    deliveryMode: 1, // everything in one parcel
    shippingList: [
      {
        trackingNo: shipping.trackingNo,
        expressCompany: shipping.companyCode ?? shipping.company,
        itemDesc: items.length > 120 ? `${items.slice(0, 119)}…` : items,
        contact: { receiverContact: maskedPhone(order.address.phone) },
      },
    ],
    uploadTime: rfc3339China(shipping.at),
    payer: { openid: order.openid },
  };
}

/**
 * Tries the upload once and records the outcome, conditional on the attempt count read (two
 * overlapping tries record one outcome; WeChat answers a repeated upload as already done).
 */
export async function uploadShipment(order: Order, at: number): Promise<ShippingUpload> {
  const before = order.shippingUpload;
  if (!before || before.status !== 'PENDING' || !order.shipping)
    return before ?? pendingUpload(order, at);
  const attempts = before.attempts + 1;
  let next: ShippingUpload;
  try {
    await cloud.openapi.wxa.sec.order.uploadShippingInfo(shippingInfoRequest(order));
    next = { status: 'UPLOADED', attempts, uploadedAt: at };
  } catch (e) {
    const code = Number((e as { errCode?: number }).errCode ?? -1);
    const message = String((e as { errMsg?: string }).errMsg ?? (e as Error).message);
    const lastError = { code, message, at };
    if (ALREADY_UPLOADED_ERRORS.has(code)) next = { status: 'UPLOADED', attempts, uploadedAt: at };
    else if (TRANSIENT_UPLOAD_ERRORS.has(code) || !Number.isFinite(code))
      next = { status: 'PENDING', attempts, nextAt: at + uploadRetryDelayMs(attempts), lastError };
    else next = { status: 'FAILED', attempts, lastError };
    console.warn('shipping upload', order._id, JSON.stringify(lastError));
  }
  await updateWhere(
    'orders',
    { _id: order._id, 'shippingUpload.attempts': before.attempts },
    // _.set replaces the whole object (a plain object would be merged field by field).
    { shippingUpload: _.set(next) },
  );
  return next;
}
