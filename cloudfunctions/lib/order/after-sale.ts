// After-sale requests on the server: the buyer's request (one conditional update, so a repeat or
// a race records one), staff's queue, and turning a request down. A refund staff record while a
// request is open resolves it (admin/refund.ts).
import {
  canRequestAfterSale,
  type AfterSale,
  type AfterSaleReason,
} from '../../../domain/after-sale';
import type { OrderDetailView } from '../../../domain/api/views';
import type { Order } from '../../../domain/model';
import { PAID_STATUSES } from '../../../domain/order-status';
import { AppError } from '../../../domain/result';
import { db } from '../infra/cloud';
import { _, findById, updateWhere } from '../infra/db';
import { orderDetail } from '../views/order-views';

export async function requestAfterSale(
  order: Order,
  input: { reason: AfterSaleReason; detail: string },
  now: number,
): Promise<OrderDetailView> {
  // Asked again while open (a double tap, a retry): the request already stands.
  if (order.afterSale?.status === 'REQUESTED') return orderDetail(order, now);
  if (!canRequestAfterSale(order, now))
    throw new AppError('ORDER_STATE', '这个订单现在不能申请售后');
  const afterSale: AfterSale = { status: 'REQUESTED', ...input, requestedAt: now };
  const updated = await updateWhere(
    'orders',
    {
      _id: order._id,
      status: _.in(PAID_STATUSES),
      refundedFen: order.refundedFen,
      'afterSale.status': _.neq('REQUESTED'),
    },
    { afterSale: _.set(afterSale) },
  );
  const current = (await findById<Order>('orders', order._id))!;
  if (!updated && current.afterSale?.status !== 'REQUESTED')
    throw new AppError('ORDER_STATE', '订单状态已变化，请刷新后重试');
  return orderDetail(current, now);
}

/** Orders whose after-sale is in `status`, oldest request first. */
export async function afterSaleQueue(
  status: AfterSale['status'],
  now: number,
): Promise<OrderDetailView[]> {
  const { data } = await db
    .collection('orders')
    .where({ 'afterSale.status': status })
    .orderBy('afterSale.requestedAt', 'asc')
    .limit(100)
    .get();
  return (data as Order[]).map((o) => orderDetail(o, now));
}

export async function rejectAfterSale(
  orderId: string,
  note: string,
  now: number,
): Promise<OrderDetailView> {
  const updated = await updateWhere(
    'orders',
    { _id: orderId, 'afterSale.status': 'REQUESTED' },
    { 'afterSale.status': 'REJECTED', 'afterSale.note': note, 'afterSale.resolvedAt': now },
  );
  const order = await findById<Order>('orders', orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  if (!updated && !(order.afterSale?.status === 'REJECTED' && order.afterSale.note === note))
    throw new AppError('ORDER_STATE', '这个售后申请已处理');
  return orderDetail(order, now);
}
