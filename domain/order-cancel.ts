// Why an order ends without being paid: every reason, the status event it takes, and the words
// the shopper reads. The one cancel path (cloudfunctions/lib/order/cancel.ts) takes only these.
import type { OrderEvent } from './order-status';

export const CANCEL_REASONS = {
  BUYER_CANCELLED: { event: 'cancel', text: '你已取消订单' },
  PAYMENT_TIMEOUT: { event: 'expire', text: '超时未支付，订单已自动取消' },
  NEW_USER_ENDED: {
    event: 'cancel',
    text: '新人价仅限首单：你已支付了另一笔订单，本单已自动取消，如已付款将原路退回',
  },
  PRESALE_CANCELLED: {
    event: 'cancel',
    text: '商家已取消预售，本单已取消，如已付款将原路退回',
  },
  GROUP_CLOSED: {
    event: 'cancel',
    text: '拼团已结束，未支付的订单已自动取消，如已付款将原路退回',
  },
  // Orders that were never fully placed (the buyer was told why; they are not listed).
  CREATE_FAILED: { event: 'abandon', text: '下单未完成，已自动取消' },
  PAYMENT_FAILED: { event: 'abandon', text: '发起支付失败，订单已取消' },
  OUT_OF_STOCK: { event: 'abandon', text: '库存不足，下单未完成' },
  PRICE_CHANGED: { event: 'abandon', text: '价格有变化，下单未完成' },
  COUPON_UNAVAILABLE: { event: 'abandon', text: '优惠券不可用，下单未完成' },
  CAMPAIGN_UNITS_HELD: { event: 'abandon', text: '活动名额暂被占用，下单未完成' },
  GROUP_UNAVAILABLE: { event: 'abandon', text: '这个团已满或已结束，下单未完成' },
  ASSIST_UNAVAILABLE: { event: 'abandon', text: '这个助力已用过或已结束，下单未完成' },
  PRESALE_UNAVAILABLE: { event: 'abandon', text: '预售定金已付过或已不在付款时间，下单未完成' },
} as const satisfies Record<string, { event: OrderEvent; text: string }>;

export type CancelReason = keyof typeof CANCEL_REASONS;

export function isCancelReason(value: string): value is CancelReason {
  return Object.prototype.hasOwnProperty.call(CANCEL_REASONS, value);
}

/** What the shopper reads for a stored reason (older or unknown reasons read plainly). */
export function cancelText(reason: string | undefined): string {
  return reason && isCancelReason(reason) ? CANCEL_REASONS[reason].text : '订单已取消';
}
