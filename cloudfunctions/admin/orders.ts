// Staff's order work: finding orders (by number, by the buyer's phone, by status and date range),
// one order with everything staff need (history, buyer, shipping upload, after-sale), and
// shipping many orders from CSV rows (each order on its own: one failure does not stop others).
// Searches use an index for every filter: an order number is the document id, a phone the
// address index, a status the status index; the date range and the newest-first order go with them.
import type { AdminOrderView, OrderSummaryView } from '../../domain/api/views';
import type { Order, OrderStatus } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import { _, findById } from '../lib/infra/db';
import { orderDetail, orderSummary } from '../lib/views/order-views';

const PAGE = 20;

export interface OrderSearch {
  keyword?: string;
  status?: OrderStatus;
  from?: number;
  to?: number;
  cursor: number;
}

export async function searchOrders(input: OrderSearch): Promise<{
  orders: (OrderSummaryView & { phone: string; name: string })[];
  nextCursor: number | null;
}> {
  const keyword = input.keyword?.trim();
  const where: Record<string, unknown> = { abandoned: _.neq(true) };
  if (keyword && /^1\d{10}$/.test(keyword)) where['address.phone'] = keyword;
  else if (keyword) where._id = keyword.toUpperCase();
  if (input.status) where.status = input.status;
  else where.status = _.neq('CREATING');
  if (input.from !== undefined || input.to !== undefined)
    where.createdAt = _.and([_.gte(input.from ?? 0), _.lt(input.to ?? Number.MAX_SAFE_INTEGER)]);
  const { data } = await db
    .collection('orders')
    .where(where)
    .orderBy('createdAt', 'desc')
    .skip(input.cursor)
    .limit(PAGE + 1)
    .get();
  const orders = data as Order[];
  return {
    orders: orders.slice(0, PAGE).map((o) => ({
      ...orderSummary(o),
      phone: o.address.phone,
      name: o.address.name,
    })),
    nextCursor: orders.length > PAGE ? input.cursor + PAGE : null,
  };
}

export async function adminOrder(orderId: string, now: number): Promise<AdminOrderView> {
  const order = await findById<Order>('orders', orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  return {
    ...orderDetail(order, now),
    buyer: order.openid,
    history: order.history,
    ...(order.shippingUpload ? { shippingUpload: order.shippingUpload } : {}),
    canShip: order.status === 'PAID',
    refundable: (order.payment?.paidFen ?? 0) - order.refundedFen,
  };
}
