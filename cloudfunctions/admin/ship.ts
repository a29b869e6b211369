// Shipping a paid order: the courier by WeChat's delivery id, a conditional update from PAID
// that records the shipment and its upload to WeChat as pending, then the upload itself
// (lib/order/shipping-upload.ts).
import type { ShipmentView } from '../../domain/api/views';
import type { Order } from '../../domain/model';
import { AppError } from '../../domain/result';
import { expressCompany } from '../../domain/shipping';
import { _, findById } from '../lib/infra/db';
import type { Context } from '../lib/infra/router';
import { pendingUpload, uploadShipment } from '../lib/order/shipping-upload';
import { transition } from '../lib/order/transition';
import { noticeShipped } from '../lib/notices/order-notices';
import { orderDetail } from '../lib/views/order-views';

const GROUP_WAITING = '拼团中的订单要等成团后才能发货';

export async function shipOrder(
  { orderId, company, trackingNo }: { orderId: string; company: string; trackingNo: string },
  ctx: Context,
): Promise<ShipmentView> {
  const express = expressCompany(company);
  if (!express) throw new AppError('INVALID_INPUT', `不支持的快递公司：${company}`);
  const order = await findById<Order>('orders', orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  if (order.status !== 'PAID') throw new AppError('ORDER_STATE', '只有待发货的订单可以发货');
  if (order.group?.state === 'WAITING') throw new AppError('ORDER_STATE', GROUP_WAITING);
  if (order.presale?.step === 'DEPOSIT')
    throw new AppError('ORDER_STATE', '预售定金订单不发货：商品随尾款订单发货');
  const shipping = {
    company: express.name,
    companyCode: express.code,
    trackingNo,
    at: ctx.now,
    by: ctx.openid,
  };
  const shippingUpload = pendingUpload(order, ctx.now);
  // Conditional on PAID: an order whose full refund was recorded meanwhile is REFUNDING.
  // The shipped notice is owed in the same write (the timer writes it if this call dies first).
  const owed = { noticeOwed: 'ORDER_SHIPPED' };
  // Not while its group is open, never a deposit (the conditions are in the shipment's write).
  const notWaiting = { 'group.state': _.neq('WAITING'), 'presale.step': _.neq('DEPOSIT') };
  const fields = { shipping, shippingUpload, ...owed };
  if (!(await transition(order, 'ship', ctx.openid, ctx.now, fields, undefined, notWaiting)))
    throw new AppError('ORDER_STATE', '订单状态已变化（可能正在退款），未发货');
  const shipped: Order = { ...order, status: 'SHIPPED', shipping, shippingUpload };
  const upload = await uploadShipment(shipped, ctx.now);
  await noticeShipped(shipped, ctx.now);
  return { ...orderDetail(shipped, ctx.now), shippingUpload: upload };
}
