// The order events users hear about, written to the outbox: paid (a lifecycle effect, so the
// timer finishes it after a crash), shipped and refund done (the write that makes the change
// marks the notice owed; it is then written, the mark cleared, and the timer does the same for
// marks a crash left).
import type { OrderEvent } from '../../../domain/notices/kinds';
import type { Order, Refund } from '../../../domain/model';
import { _, updateWhere } from '../infra/db';
import type { Effect } from '../order/effects/effect';
import { enqueue } from './outbox';
import { sendNow } from './sender';

export const orderEvent = (order: Order, at: number): OrderEvent => ({
  orderId: order._id,
  goods: order.lines[0]?.title ?? '商品',
  more: Math.max(0, order.lines.length - 1),
  at,
});

/** Paid: queued only (the timer sends it within the minute), keeping the pay notice short. */
export const queuePaidNotice: Effect = {
  name: 'notice.paid',
  independent: true,
  async run(order, at) {
    const paidAt = order.payment?.paidAt ?? at;
    await enqueue(
      'ORDER_PAID',
      order._id,
      order.openid,
      { ...orderEvent(order, paidAt), totalFen: order.payment?.paidFen ?? order.totalFen },
      at,
    );
  },
};

/** Shipped: written once (its id is the order's), the owed mark cleared, sent. */
export async function noticeShipped(order: Order, at: number): Promise<void> {
  if (!order.shipping) return;
  const message = await enqueue(
    'ORDER_SHIPPED',
    order._id,
    order.openid,
    {
      ...orderEvent(order, order.shipping.at),
      company: order.shipping.company,
      trackingNo: order.shipping.trackingNo,
    },
    at,
  );
  await updateWhere(
    'orders',
    { _id: order._id, noticeOwed: 'ORDER_SHIPPED' },
    { noticeOwed: _.remove() },
  );
  await sendNow(message, at);
}

/** Refund done: the same steps, marked owed on the refund in the write that settles it. */
export async function noticeRefunded(order: Order, refund: Refund, at: number): Promise<void> {
  const message = await enqueue(
    'REFUND_DONE',
    refund._id,
    order.openid,
    { ...orderEvent(order, refund.succeededAt ?? at), amountFen: refund.amountFen },
    at,
  );
  await updateWhere('refunds', { _id: refund._id, noticeOwed: true }, { noticeOwed: _.remove() });
  await sendNow(message, at);
}
