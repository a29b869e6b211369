// After-sale requests (售后): a buyer asks for a refund on a paid order, with a reason; staff
// refund it (fully or partly) or turn it down with a note. One open request per order at a time.
import type { Order } from './model';
import { PAID_STATUSES } from './order-status';

export const AFTER_SALE_REASONS = [
  '不想要了',
  '商品质量问题',
  '少件/漏发',
  '与描述不符',
  '收到商品破损',
  '其他',
] as const;
export type AfterSaleReason = (typeof AFTER_SALE_REASONS)[number];

export interface AfterSale {
  status: 'REQUESTED' | 'REFUNDED' | 'REJECTED';
  reason: AfterSaleReason;
  /** The buyer's own words, if any. */
  detail: string;
  requestedAt: number;
  resolvedAt?: number;
  /** Staff's answer when turning it down. */
  note?: string;
  /** The refund that resolved it. */
  refundId?: string;
}

export const AFTER_SALE_TEXT: Record<AfterSale['status'], string> = {
  REQUESTED: '售后处理中',
  REFUNDED: '售后已退款',
  REJECTED: '售后申请未通过',
};

/** How long after receipt a buyer may still ask. */
export const AFTER_SALE_DAYS = 15;

/** Whether the buyer may ask for after-sale on this order now. */
export function canRequestAfterSale(order: Order, now: number): boolean {
  if (!PAID_STATUSES.includes(order.status)) return false;
  if (order.afterSale?.status === 'REQUESTED') return false;
  if ((order.payment?.paidFen ?? order.totalFen) - order.refundedFen <= 0) return false;
  if (order.status !== 'COMPLETED') return true;
  const completedAt = [...order.history].reverse().find((h) => h.to === 'COMPLETED')?.at ?? now;
  return now - completedAt <= AFTER_SALE_DAYS * 24 * 60 * 60_000;
}
