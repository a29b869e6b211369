// The order state machine: every status change is one of these events, allowed only from the
// listed statuses. Writes apply it as a conditional update from the expected status
// (where({_id, status: _.in(from)})), so a replayed or concurrent request changes nothing twice.
import type { Order, OrderStatus } from './model';

export type OrderEvent =
  | 'reserve' // stock held: the order can be paid
  | 'abandon' // creation failed part-way
  | 'pay'
  | 'cancel' // by the buyer
  | 'expire' // unpaid too long
  | 'ship'
  | 'complete' // the buyer confirmed receipt
  | 'requestFullRefund'
  | 'refunded'
  | 'refundAborted'; // the refund request failed: back to where it was

export const TRANSITIONS: Record<
  OrderEvent,
  { from: OrderStatus[]; to: OrderStatus | 'previous' }
> = {
  reserve: { from: ['CREATING'], to: 'UNPAID' },
  abandon: { from: ['CREATING'], to: 'CANCELLED' },
  pay: { from: ['UNPAID'], to: 'PAID' },
  cancel: { from: ['UNPAID'], to: 'CANCELLED' },
  expire: { from: ['UNPAID'], to: 'CANCELLED' },
  ship: { from: ['PAID'], to: 'SHIPPED' },
  complete: { from: ['SHIPPED'], to: 'COMPLETED' },
  requestFullRefund: { from: ['PAID', 'SHIPPED', 'COMPLETED'], to: 'REFUNDING' },
  refunded: { from: ['REFUNDING'], to: 'REFUNDED' },
  refundAborted: { from: ['REFUNDING'], to: 'previous' },
};

/**
 * Moments in an order's life that have effects elsewhere (stock, claims, rewards, the buyer's
 * totals...): paid, received (the buyer confirmed receipt), refunded (in full), cancelled.
 */
export type LifecycleEvent = 'paid' | 'received' | 'refunded' | 'cancelled';

/** Statuses in which money has been taken (refunds are possible). */
export const PAID_STATUSES: OrderStatus[] = ['PAID', 'SHIPPED', 'COMPLETED'];

export function canApply(status: OrderStatus, event: OrderEvent): boolean {
  return TRANSITIONS[event].from.includes(status);
}

/** The status an event leads to from the order's history (for 'previous': the one before). */
export function nextStatus(
  order: Pick<Order, 'status' | 'history'>,
  event: OrderEvent,
): OrderStatus {
  if (!canApply(order.status, event)) {
    throw new Error(`order in ${order.status} cannot ${event}`);
  }
  const to = TRANSITIONS[event].to;
  if (to !== 'previous') return to;
  const last = [...order.history].reverse().find((h) => h.to === order.status);
  if (!last?.from) throw new Error('no previous status to return to');
  return last.from;
}

export const STATUS_TEXT: Record<OrderStatus, string> = {
  CREATING: '创建中',
  UNPAID: '待付款',
  PAID: '待发货',
  SHIPPED: '已发货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
};

/** How long an unpaid order keeps its stock before it is cancelled. */
export const UNPAID_TIMEOUT_MS = 15 * 60 * 1000;
/** A shipped order the buyer has not confirmed is received this long after shipping (as WeChat does). */
export const AUTO_RECEIVE_MS = 10 * 24 * 60 * 60 * 1000;
/** An order stuck in CREATING this long was abandoned by a failed invocation. */
export const CREATING_TIMEOUT_MS = 2 * 60 * 1000;

/** The word before an order's total: 实付 once money was paid, 应付 while (or if never) it is due. */
export function totalLabel(status: OrderStatus): '实付' | '应付' {
  return [...PAID_STATUSES, 'REFUNDING', 'REFUNDED'].includes(status) ? '实付' : '应付';
}
